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
import { isHanUnit } from '../pipeline/han.ts';
import { at, type Context, firstUnits, hasUnit, isHistorical, lengthsByFirstUnit, longestNameAt, type NameLengths, provinceLengths, type Sentence, unitTest, words, type Words } from './context.ts';
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

/** the suffixes by their last unit, longest first (the order of SUFFIXES) */
const SUFFIXES_BY_LAST = new Map<number, [string, Place['kind']][]>();
for (const entry of SUFFIXES) {
  const last = entry[0].charCodeAt(entry[0].length - 1);
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), entry]);
}

export function suffixKind(name: string): Place['kind'] | undefined {
  // by code, not name.at(-1): no one-character string to allocate (every suffix's last character is in the BMP)
  const candidates = SUFFIXES_BY_LAST.get(name.charCodeAt(name.length - 1));
  if (candidates === undefined) return undefined;
  for (const [suffix, kind] of candidates) if (name.endsWith(suffix) && name.length > suffix.length) return kind;
  return undefined;
}

/** 的, 是, 等: a name stops before them */
const isStop = (code: number): boolean => code === 0x7684 || code === 0x662f || code === 0x7b49;
const HAN_FIRST = /^\p{Script=Han}/u;
/** `HAN_FIRST.test(text)`, by the first unit unless it is a surrogate */
function hanFirst(text: string): boolean {
  const code = text.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdfff ? HAN_FIRST.test(text) : isHanUnit(code);
}

/** The longest prefix of `item` that is a name ending with a suffix (stopping at 的 / 是 / 等). */
export function namePrefix(item: string): { name: string; kind: Place['kind'] } | undefined {
  let stop = 0;
  while (stop < item.length && !isStop(item.charCodeAt(stop))) stop++;
  for (let end = stop; end >= 2; end--) {
    // suffixKind needs a suffix's last character: look before cutting the prefix
    if (!hasUnit(LAST_UNITS, item.charCodeAt(end - 1))) continue;
    const name = item.slice(0, end);
    const kind = suffixKind(name);
    if (kind && NAME_CHARS.test(name) && hanFirst(name)) return { name, kind };
  }
  return undefined;
}

/** visit verbs; those of TAKES_LE may be followed by 了 (考察了, 参观了 …), which belongs to them */
const VERBS = words('来到', '考察', '参观', '走进', '走访', '瞻仰', '观摩', '调研', '察看', '视察');
const TAKES_LE = new Set(['考察', '参观', '观摩', '调研', '察看', '视察']);
/** by the number of a verb in VERBS: it takes 了 */
const VERB_TAKES_LE = VERBS.words.map((w) => TAKES_LE.has(w));
/** ，。；: where a clause ends */
const isClauseEnd = (code: number): boolean => code === 0xff0c || code === 0x3002 || code === 0xff1b;
const BEING = words('是', '作为');
/** where the run of names after a verb ends: ，。；：,;: */
const isRunEnd = (code: number): boolean => code === 0xff0c || code === 0x3002 || code === 0xff1b || code === 0xff1a || code === 0x2c || code === 0x3b || code === 0x3a;

/** Names after visit verbs and names that open a clause before 是 / 作为. */
export function rulePlaces(ctx: Context): { name: string; kind: Place['kind']; sentence: Sentence; index: number }[] {
  const out: { name: string; kind: Place['kind']; sentence: Sentence; index: number }[] = [];
  const being = ctx.occurrences(BEING);
  const verbs = ctx.occurrences(VERBS);
  for (const s of ctx.sentences) {
    if (s.kind === 'title') continue;
    // a visit verb in a sentence about the past (时任…赴涪陵考察) is another visit; a clause
    // introducing a place (浙涪友谊学校是时任…奠基) is about this one
    const found = isHistorical(s) ? undefined : verbs[s.index];
    // the verbs from left to right, each (with its 了) read once: one that starts inside the
    // previous one is not a verb of its own (视察看)
    let after = 0;
    for (let v = 0; found !== undefined && v < found.length; v += 2) {
      if (found[v]! < after) continue;
      const w = found[v + 1]!;
      let start = found[v]! + VERBS.words[w]!.length;
      if (VERB_TAKES_LE[w] && s.text.charCodeAt(start) === 0x4e86) start++; // 了
      after = start;
      let runEnd = start;
      while (runEnd < s.text.length && !isRunEnd(s.text.charCodeAt(runEnd))) runEnd++;
      // each item of the run (cut at 、); one of fewer than two units holds no name
      for (let from = start; from <= runEnd; ) {
        let to = s.text.indexOf('、', from);
        if (to === -1 || to > runEnd) to = runEnd;
        const found = to - from >= 2 ? namePrefix(s.text.slice(from, to)) : undefined;
        if (found) out.push({ ...found, sentence: s, index: from });
        from = to + 1;
      }
    }
    // clauses (cut at ，。；) that open with a name and go on with 是 / 作为: the first of these
    // words in each clause, from the dictionary pass, and the clause's start found backwards
    const t = s.text;
    const copulas = being[s.index];
    let previous = -1;
    for (let c = 0; copulas !== undefined && c < copulas.length; c += 2) {
      const o = copulas[c]!;
      let clause = o;
      while (clause > 0 && clause > previous + 1 && o - clause <= 40 && !isClauseEnd(t.charCodeAt(clause - 1))) clause--;
      const first = clause === 0 || isClauseEnd(t.charCodeAt(clause - 1)) || o - clause > 40;
      const end = o - clause;
      previous = o;
      // another 是 / 作为 earlier in the same clause came first
      if (!first || end < 2 || end > 40) continue;
      const name = t.slice(clause, o);
      const kind = suffixKind(name);
      if (kind && NAME_CHARS.test(name)) out.push({ name, kind, sentence: s, index: clause });
    }
  }
  return out;
}

/**
 * Lengths of the city and district names by their first UTF-16 unit (lengthsByFirstUnit; the
 * province names' are context.ts's provinceLengths), so most positions cost one array read and
 * a name is looked up only in the lengths it can have.
 */
const nameUnits = new WeakMap<Context['geo'], { city: NameLengths; district: NameLengths }>();
function lengthsOf(geo: Context['geo']): { city: NameLengths; district: NameLengths } {
  let t = nameUnits.get(geo);
  if (!t) {
    t = { city: lengthsByFirstUnit(geo.cityByName.keys()), district: lengthsByFirstUnit(geo.districtByName.keys()) };
    nameUnits.set(geo, t);
  }
  return t;
}

/** The first place of `list` in one of `provinces`. */
function inProvinces(list: PlaceName[] | undefined, provinces: Set<string>): PlaceName | undefined {
  if (list === undefined) return undefined;
  for (const p of list) if (provinces.has(p.province)) return p;
  return undefined;
}

/** Han, Latin letter or digit (one UTF-16 unit), memoised per unit */
const followsName = unitTest(/[\p{Script=Han}A-Za-z0-9]/u);

/** 到|在|赴|前往 (none holds another: their occurrences never overlap) */
const GO_WORDS = words('到', '在', '赴', '前往');
const DISTRICT_ENDS = words('区', '县');

/** Cities and districts of the given provinces that the article places the visit in. */
export function geographyPlaces(ctx: Context, provinces: Set<string>, sitePrefixes: { name: string; sentence: Sentence; index: number }[]): FoundPlace[] {
  const out: FoundPlace[] = [];
  const seen = new Set<string>();
  const add = (p: PlaceName, s: Sentence, index: number) => {
    if (seen.has(p.name)) return;
    seen.add(p.name);
    out.push({ name: p.kind === 'city' ? p.short : p.name, kind: p.kind, province: p.province, sentence: s, index, from: 'geography' });
  };
  const city = (name: string) => inProvinces(ctx.geo.cityByName.get(name), provinces);
  const lengths = lengthsOf(ctx.geo);
  /** the longest city name (of 2 to 5 units) of the provinces at `pos` (杭州市 before 杭州) */
  const cityAt = (text: string, pos: number) => {
    if (pos + 1 >= text.length) return undefined;
    const first = text.charCodeAt(pos);
    const second = text.charCodeAt(pos + 1);
    // the city names that can start here, longest first, compared where they stand
    const list = lengths.city.withPair(first, second);
    for (let k = 0; k < list.length; k++) {
      const name = list[k]!;
      if (name.length > 5 || name.charCodeAt(0) !== first || name.charCodeAt(1) !== second || !text.startsWith(name, pos)) continue;
      const c = city(name);
      if (c) return { c, len: name.length };
    }
    return undefined;
  };
  const district = ctx.mentions(DISTRICT_ENDS);
  const going = ctx.occurrences(GO_WORDS);
  for (const s of ctx.sentences) {
    if (isHistorical(s)) continue;
    const t = s.text;
    // 到广州、深圳 / 在江苏南京考察 / 前往深圳市 (到|在|赴|前往, left to right, not overlapping)
    const found = going[s.index];
    for (let g = 0; found !== undefined && g < found.length; g += 2) {
      const index = found[g]!;
      let pos = index + GO_WORDS.words[found[g + 1]!]!.length;
      // a province name first (在江苏南京): the longest one
      pos += longestNameAt(t, pos, provinceLengths(ctx.geo), ctx.geo.byName);
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
    if (district[s.index] === 0) continue;
    let nextQu = -2;
    let nextXian = -2;
    for (let i = 2; i < t.length; i++) {
      if (nextQu !== -1 && nextQu < i) nextQu = t.indexOf('区', i);
      if (nextXian !== -1 && nextXian < i) nextXian = t.indexOf('县', i);
      if (nextQu < 0 && nextXian < 0) break;
      i = nextQu < 0 ? nextXian : nextXian < 0 ? nextQu : Math.min(nextQu, nextXian);
      if (i < 2) continue;
      const next = i + 1 < t.length ? t.charCodeAt(i + 1) : -1;
      if (next !== -1 && next !== 0x7684 && followsName(next)) continue; // 的
      for (let len = 3; len <= 6 && len <= i + 1; len++) {
        const from = i + 1 - len;
        if ((lengths.district.at(t.charCodeAt(from)) & (1 << len)) === 0 || !lengths.district.pair(t.charCodeAt(from), t.charCodeAt(from + 1))) continue;
        const d = inProvinces(ctx.geo.districtByName.get(t.slice(i + 1 - len, i + 1)), provinces);
        if (d) {
          add(d, s, i + 1 - len);
          break;
        }
      }
    }
  }
  for (const site of sitePrefixes) {
    // a city name opens the site's name (only the lengths a city name starting there can have)
    const n = site.name;
    const mask = n.length >= 2 && lengths.city.pair(n.charCodeAt(0), n.charCodeAt(1)) ? lengths.city.at(n.charCodeAt(0)) : 0;
    for (let len = 4; len >= 2 && mask !== 0; len--) {
      if ((mask & (1 << Math.min(len, n.length))) === 0) continue;
      const c = city(n.slice(0, len));
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
  /** every needle, in the dictionary of Context.mentions, and the entry of each */
  words: Words;
  entryOf: number[];
}
const gazetteers = new WeakMap<readonly PlaceEntry[], Gazetteer>();
function gazetteerOf(entries: readonly PlaceEntry[]): Gazetteer {
  let g = gazetteers.get(entries);
  if (!g) {
    const needles = entries.map((e) => [e.name, ...(e.match ?? [])]);
    const entryOf = needles.flatMap((list, e) => list.map(() => e));
    gazetteers.set(entries, (g = { needles, words: words(...needles.flat()), entryOf }));
  }
  return g;
}

/** Gazetteer entries whose name (or a `match` string) occurs in the article. */
export function gazetteerPlaces(ctx: Context): FoundPlace[] {
  const out: FoundPlace[] = [];
  const g = gazetteerOf(ctx.editorial.places);
  // each entry's first sentence holding one of its needles (from the dictionary pass)
  const first: number[] = new Array<number>(ctx.editorial.places.length).fill(Infinity);
  ctx.found(g.words).forEach((hits, w) => {
    const e = g.entryOf[w]!;
    if (hits !== undefined && hits[0]! < first[e]!) first[e] = hits[0]!;
  });
  ctx.editorial.places.forEach((entry, e) => {
    if (first[e] === Infinity) return;
    const s = ctx.sentences[first[e]!]!;
    // where in that sentence: the first of its needles (in the entry's order) that occurs there
    let index = -1;
    for (const needle of g.needles[e]!) if ((index = s.text.indexOf(needle)) >= 0) break;
    out.push({
      name: entry.name,
      kind: entry.kind,
      province: entry.province,
      ...(entry.city ? { city: entry.city } : {}),
      sentence: s,
      index,
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
  const needles = gazetteerOf(ctx.editorial.places).words;
  // a needle inside a rule name (a piece of one sentence) occurs in the article: only those the
  // dictionary pass found can be; any needle may hold the name
  const found = ctx.found(needles);
  const present = needles.words.filter((_, w) => found[w] !== undefined);
  const rules: FoundPlace[] = [];
  // the same name is often found several times (after a verb, opening a clause): compare it once
  const inGazetteer = new Map<string, boolean>();
  for (const r of rulePlaces(ctx)) {
    let covered = inGazetteer.get(r.name);
    if (covered === undefined) {
      covered = present.some((n) => r.name.includes(n)) || needles.words.some((n) => n.includes(r.name));
      inGazetteer.set(r.name, covered);
    }
    if (covered) continue;
    rules.push({ name: r.name, kind: r.kind, province: null, sentence: r.sentence, index: r.index, from: 'rule' });
  }
  // each name once (where it is first named), gazetteer entries before rule names
  const unique = new Map<string, FoundPlace>();
  for (const list of [gazetteer, rules]) {
    for (const p of list) {
      const seen = unique.get(p.name);
      if (!seen || p.sentence.index < seen.sentence.index) unique.set(p.name, p);
    }
  }
  // then without the names inside a longer one
  const names = [...unique.keys()];
  const sites = [...unique.values()].filter((p) => !names.some((m) => m.length > p.name.length && m.includes(p.name)));
  for (const p of sites) {
    if (p.from === 'rule') ctx.info(`place “${p.name}” (${p.kind}) found by rule, not in content/editorial/places.yaml`, at(p.sentence, p.index), 'extract/place-rule');
  }
  const geography = geographyPlaces(ctx, provinces, sites);
  return [...geography, ...sites].sort((a, b) => a.sentence.index - b.sentence.index || a.index - b.index || (a.name < b.name ? -1 : 1));
}
