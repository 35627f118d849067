/**
 * Places visited: cities and districts (from the data package, in the host provinces), and sites,
 * companies and institutions, found three ways:
 * - after a visit verb (来到, 考察, 参观, 走进, 走访, 瞻仰 …), a name that ends with a telling suffix
 *   (有限公司, 实验室, 纪念馆, 展示中心, 港 …);
 * - a clause that opens with such a name and goes on with 是 / 作为 (果园港是中国最大的…);
 * - the gazetteer content/editorial/places.yaml, for names with no suffix (城市阳台) and canonical
 *   names (上海中共一大纪念馆 → 中共一大纪念馆).
 * A name found by rule and not in the gazetteer gets an info message so an editor can check it.
 */
import type { Place } from '../../src/schemas.ts';
import { at, type Context, firstUnits, isHistorical, scan, type Sentence } from './context.ts';
import type { PlaceEntry } from './editorial.ts';
import type { PlaceName } from './provinces.ts';

export interface FoundPlace {
  name: string;
  kind: Place['kind'];
  province: string | null;
  city?: string;
  sentence: Sentence;
  index: number;
  from: 'rule' | 'gazetteer' | 'geography';
}

const SUFFIXES: [string, Place['kind']][] = (
  [
    ['股份有限公司', 'company'],
    ['有限责任公司', 'company'],
    ['有限公司', 'company'],
    ['集团公司', 'company'],
    ['公司', 'company'],
    ['集团', 'company'],
    ['总厂', 'company'],
    ['行政服务中心', 'institution'],
    ['运营中心', 'institution'],
    ['研究中心', 'institution'],
    ['服务基地', 'institution'],
    ['研究院', 'institution'],
    ['实验室', 'institution'],
    ['交易所', 'institution'],
    ['学校', 'institution'],
    ['大学', 'institution'],
    ['学院', 'institution'],
    ['医院', 'institution'],
    ['展示中心', 'site'],
    ['纪念馆', 'site'],
    ['展览馆', 'site'],
    ['博览馆', 'site'],
    ['博物馆', 'site'],
    ['体验园', 'site'],
    ['产业园', 'site'],
    ['科技园', 'site'],
    ['园区', 'site'],
    ['小镇', 'site'],
    ['街区', 'site'],
    ['小区', 'site'],
    ['广场', 'site'],
    ['公园', 'site'],
    ['中心', 'institution'],
    ['港', 'site'],
    ['谷', 'site'],
    ['坊', 'site'],
  ] as [string, Place['kind']][]
).sort((a, b) => b[0].length - a[0].length);

const NAME_CHARS = /^[\p{Script=Han}A-Za-z0-9·（）()]+$/u;

/** The kind of a name by its suffix, if it has one. */
const LAST_CHARS = new Set(SUFFIXES.map(([suffix]) => suffix.at(-1)!));
const LAST_UNITS = firstUnits(LAST_CHARS);

export function suffixKind(name: string): Place['kind'] | undefined {
  if (!LAST_CHARS.has(name.at(-1) ?? '')) return undefined;
  for (const [suffix, kind] of SUFFIXES) if (name.endsWith(suffix) && name.length > suffix.length) return kind;
  return undefined;
}

/** The longest prefix of `item` that is a name ending with a suffix (stopping at 的 / 是). */
export function namePrefix(item: string): { name: string; kind: Place['kind'] } | undefined {
  const stop = /的|是|等/u.exec(item);
  const text = stop ? item.slice(0, stop.index) : item;
  for (let end = text.length; end >= 2; end--) {
    // suffixKind needs a suffix's last character: look before cutting the prefix
    if (LAST_UNITS[text.charCodeAt(end - 1)] === 0) continue;
    const name = text.slice(0, end);
    const kind = suffixKind(name);
    if (kind && NAME_CHARS.test(name) && /^\p{Script=Han}/u.test(name)) return { name, kind };
  }
  return undefined;
}

const VERBS = /(?:来到|考察了?|参观了?|走进|走访|瞻仰|观摩了?|调研了?|察看了?|视察了?)/uy;
const VERB_UNITS = firstUnits('来考参走瞻观调察视');
const CLAUSE_END = /[，。；]/g;
/** where the run of names after a verb ends: ，。；：,;: */
const isRunEnd = (code: number): boolean => code === 0xff0c || code === 0x3002 || code === 0xff1b || code === 0xff1a || code === 0x2c || code === 0x3b || code === 0x3a;

/** Names after visit verbs and names that open a clause before 是 / 作为. */
export function rulePlaces(ctx: Context): { name: string; kind: Place['kind']; sentence: Sentence; index: number }[] {
  const out: { name: string; kind: Place['kind']; sentence: Sentence; index: number }[] = [];
  for (const s of ctx.sentences) {
    if (s.kind === 'title') continue;
    // a visit verb in a sentence about the past (时任…赴涪陵考察) is another visit; a clause
    // introducing a place (浙涪友谊学校是时任…奠基) is about this one
    for (const m of isHistorical(s) ? [] : scan(VERBS, VERB_UNITS, s.text)) {
      const start = m.index + m[0].length;
      let runEnd = start;
      while (runEnd < s.text.length && !isRunEnd(s.text.charCodeAt(runEnd))) runEnd++;
      const run = s.text.slice(start, runEnd);
      let offset = start;
      for (const item of run.split('、')) {
        const found = namePrefix(item);
        if (found) out.push({ ...found, sentence: s, index: offset });
        offset += item.length + 1;
      }
    }
    // clauses that open with a name and go on with 是 / 作为
    let clause = 0;
    const t = s.text;
    if (!t.includes('是') && !t.includes('作为')) continue;
    CLAUSE_END.lastIndex = 0;
    for (;;) {
      // the next ，。； (or the end of the sentence, once)
      const found = CLAUSE_END.test(t);
      const i = found ? CLAUSE_END.lastIndex - 1 : t.length;
      const text = t.slice(clause, i);
      const is = text.indexOf('是');
      const as = text.indexOf('作为');
      const end = is < 0 ? as : as < 0 ? is : Math.min(is, as);
      if (end >= 2 && end <= 40) {
        const name = text.slice(0, end);
        const kind = suffixKind(name);
        if (kind && NAME_CHARS.test(name)) out.push({ name, kind, sentence: s, index: clause });
      }
      clause = i + 1;
      if (!found) break;
    }
  }
  return out;
}

const FOLLOWS_NAME = /[\p{Script=Han}A-Za-z0-9]/u;

/** first UTF-16 units of the province and city names, so most positions cost one array read */
const nameUnits = new WeakMap<Context['geo'], { province: Uint8Array; city: Uint8Array }>();
function firstUnitsOf(geo: Context['geo']): { province: Uint8Array; city: Uint8Array } {
  let t = nameUnits.get(geo);
  if (!t) {
    const table = (names: Iterable<string>) => {
      const out = new Uint8Array(0x10000);
      for (const n of names) if (n.length > 0) out[n.charCodeAt(0)] = 1;
      return out;
    };
    t = { province: table(geo.byName.keys()), city: table(geo.cityByName.keys()) };
    nameUnits.set(geo, t);
  }
  return t;
}

/** 到|在|赴|前往 (global: test() moves lastIndex, no match arrays) */
const GO_WORDS = /到|在|赴|前往/g;
const isVerbUnit = (code: number): boolean => code === 0x5230 || code === 0x5728 || code === 0x8d74; // 到 在 赴

/** Cities and districts of the given provinces that the article places the visit in. */
export function geographyPlaces(ctx: Context, provinces: Set<string>, sitePrefixes: { name: string; sentence: Sentence; index: number }[]): FoundPlace[] {
  const out: FoundPlace[] = [];
  const seen = new Set<string>();
  const add = (p: PlaceName, s: Sentence, index: number) => {
    if (seen.has(p.name)) return;
    seen.add(p.name);
    out.push({ name: p.kind === 'city' ? p.short : p.name, kind: p.kind, province: p.province, sentence: s, index, from: 'geography' });
  };
  const city = (name: string) => ctx.geo.cityByName.get(name)?.find((c) => provinces.has(c.province));
  const first = firstUnitsOf(ctx.geo);
  /** the longest city name at `pos` (杭州市 before 杭州) */
  const cityAt = (text: string, pos: number) => {
    if (pos >= text.length || first.city[text.charCodeAt(pos)] === 0) return undefined;
    for (let len = 5; len >= 2; len--) {
      const c = city(text.slice(pos, pos + len));
      if (c) return { c, len };
    }
    return undefined;
  };
  for (const s of ctx.sentences) {
    if (isHistorical(s)) continue;
    const t = s.text;
    // 到广州、深圳 / 在江苏南京考察 / 前往深圳市 (到|在|赴|前往, left to right, not overlapping)
    GO_WORDS.lastIndex = 0;
    while (GO_WORDS.test(t)) {
      const endOfWord = GO_WORDS.lastIndex;
      const width = isVerbUnit(t.charCodeAt(endOfWord - 1)) ? 1 : 2; // 到 在 赴, or 前往
      const index = endOfWord - width;
      let pos = endOfWord;
      if (pos < t.length && first.province[t.charCodeAt(pos)] === 1) {
        for (let len = 8; len >= 2; len--) {
          if (ctx.geo.byName.has(t.slice(pos, pos + len))) {
            pos += len;
            break;
          }
        }
      }
      for (;;) {
        const hit = cityAt(t, pos);
        if (!hit) break;
        add(hit.c, s, index);
        pos += hit.len;
        if (t[pos] !== '、') break;
        pos++;
      }
    }
    // a district standing alone (涪陵区的…), not the first word of a site's name (徐汇区行政服务中心)
    // the next 区 and the next 县, each searched again only once passed
    let nextQu = -2;
    let nextXian = -2;
    for (let i = 2; i < t.length; i++) {
      if (nextQu !== -1 && nextQu < i) nextQu = t.indexOf('区', i);
      if (nextXian !== -1 && nextXian < i) nextXian = t.indexOf('县', i);
      if (nextQu < 0 && nextXian < 0) break;
      i = nextQu < 0 ? nextXian : nextXian < 0 ? nextQu : Math.min(nextQu, nextXian);
      if (i < 2) continue;
      const next = t[i + 1];
      if (next !== undefined && next !== '的' && FOLLOWS_NAME.test(next)) continue;
      for (let len = 3; len <= 6 && len <= i + 1; len++) {
        const d = ctx.geo.districtByName.get(t.slice(i + 1 - len, i + 1))?.find((x) => provinces.has(x.province));
        if (d) {
          add(d, s, i + 1 - len);
          break;
        }
      }
    }
  }
  for (const site of sitePrefixes) {
    for (let len = 4; len >= 2; len--) {
      const c = city(site.name.slice(0, len));
      if (c && site.name.length > c.short.length + 1) {
        add(c, site.sentence, site.index);
        break;
      }
    }
  }
  return out;
}

interface Gazetteer {
  /** per entry: its name, then its `match` strings (built once per loaded list) */
  needles: string[][];
}
const gazetteers = new WeakMap<readonly PlaceEntry[], Gazetteer>();
function gazetteerOf(entries: readonly PlaceEntry[]): Gazetteer {
  let g = gazetteers.get(entries);
  if (!g) gazetteers.set(entries, (g = { needles: entries.map((e) => [e.name, ...(e.match ?? [])]) }));
  return g;
}

/** Gazetteer entries whose name (or a `match` string) occurs in the article. */
export function gazetteerPlaces(ctx: Context): FoundPlace[] {
  const out: FoundPlace[] = [];
  const all = gazetteerOf(ctx.editorial.places).needles;
  ctx.editorial.places.forEach((entry, e) => {
    const needles = all[e]!;
    if (!needles.some((n) => ctx.fullText.includes(n))) return;
    let hit: { s: Sentence; index: number } | undefined;
    for (const s of ctx.sentences) {
      for (const needle of needles) {
        const index = s.text.indexOf(needle);
        if (index >= 0 && (!hit || s.index < hit.s.index)) hit = { s, index };
      }
      if (hit) break;
    }
    if (!hit) return;
    out.push({
      name: entry.name,
      kind: entry.kind,
      province: entry.province,
      ...(entry.city ? { city: entry.city } : {}),
      sentence: hit.s,
      index: hit.index,
      from: 'gazetteer',
    });
  });
  return out;
}

/**
 * All places, deduplicated: a rule name containing a gazetteer name becomes the gazetteer entry;
 * a name contained in a longer one of the same article is dropped (广药集团 ⊂ 广药集团白云山制药总厂).
 */
export function extractPlaces(ctx: Context, provinces: Set<string>): FoundPlace[] {
  const gazetteer = gazetteerPlaces(ctx);
  const gazNames = gazetteerOf(ctx.editorial.places).needles;
  const rules: FoundPlace[] = [];
  // the same name is often found several times (after a verb, opening a clause): compare it once
  const inGazetteer = new Map<string, boolean>();
  for (const r of rulePlaces(ctx)) {
    let covered = inGazetteer.get(r.name);
    if (covered === undefined) {
      covered = gazNames.some((names) => names.some((n) => r.name.includes(n) || n.includes(r.name)));
      inGazetteer.set(r.name, covered);
    }
    if (covered) continue;
    rules.push({ name: r.name, kind: r.kind, province: null, sentence: r.sentence, index: r.index, from: 'rule' });
  }
  const named = [...gazetteer, ...rules];
  const kept = named.filter((p) => !named.some((q) => q !== p && q.name.length > p.name.length && q.name.includes(p.name)));
  const unique = new Map<string, FoundPlace>();
  for (const p of kept) {
    const seen = unique.get(p.name);
    if (!seen || p.sentence.index < seen.sentence.index) unique.set(p.name, p);
  }
  const sites = [...unique.values()];
  for (const p of sites) {
    if (p.from === 'rule') ctx.info(`place “${p.name}” (${p.kind}) found by rule, not in content/editorial/places.yaml`, at(p.sentence, p.index), 'extract/place-rule');
  }
  const geography = geographyPlaces(ctx, provinces, sites);
  return [...geography, ...sites].sort((a, b) => a.sentence.index - b.sentence.index || a.index - b.index || (a.name < b.name ? -1 : 1));
}
