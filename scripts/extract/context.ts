/**
 * What every extractor reads: the clean document cut into sentences (each traced to its line in
 * the raw source), the editorial data, the geography, and a way to report what it inferred or
 * could not resolve as vfile messages (`extract/<rule>`).
 */
import type { CleanDocument, CleanLine, LineKind } from '../pipeline/types.ts';
import type { Editorial } from './editorial.ts';
import type { Geography } from './provinces.ts';

export interface Sentence {
  text: string;
  kind: LineKind;
  /** 1-based line in the raw source */
  line: number;
  /** 1-based column of the sentence in the cleaned line */
  column: number;
  /** index of the line in `doc.lines` */
  lineIndex: number;
  /** index of this sentence in `Context.sentences` */
  index: number;
  /** about the past (see isHistorical), decided once when the sentence is cut */
  historical?: boolean;
}

export interface Context {
  doc: CleanDocument;
  editorial: Editorial;
  geo: Geography;
  /** sentences of title, subtitle, body, heading and caption lines, in reading order */
  sentences: Sentence[];
  /** every text line (not meta/credit) joined, for substring look-ups */
  fullText: string;
  surnames: { single: Set<string>; compound: Set<string> };
  /** province ids named in a sentence (full or short name), in order; memoised */
  provincesIn(s: Sentence): string[];
  info(reason: string, at: { line: number; column?: number } | undefined, rule: string): void;
  warn(reason: string, at: { line: number; column?: number } | undefined, rule: string): void;
}

const TEXT_KINDS: ReadonlySet<LineKind> = new Set(['title', 'subtitle', 'body', 'heading', 'caption']);

const HISTORICAL = /时任|\d+年前|多年前|当年/u;

const END = /[。！？]/g;
const isEnd = (code: number): boolean => code === 0x3002 || code === 0xff01 || code === 0xff1f; // 。！？
const isClosing = (code: number): boolean => code === 0x201d || code === 0x2019 || code === 0x300d || code === 0x300f || code === 0xff09; // ”’」』）

/**
 * Splits a line into sentences after 。！？ (and a closing quote that follows them). One scan of
 * the line, the same cuts as `/[^。！？]+(?:[。！？]+[”’」』）]?|$)/gu`: a sentence is a run of other
 * characters, then its run of 。！？ and one closing quote; marks opening a line are skipped.
 */
export function splitSentences(line: CleanLine, lineIndex: number, start: number): Sentence[] {
  const out: Sentence[] = [];
  const t = line.text;
  const n = t.length;
  let i = 0;
  while (i < n) {
    if (isEnd(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    // the next 。！？, found natively
    END.lastIndex = i;
    i = END.test(t) ? END.lastIndex - 1 : n;
    if (i < n) {
      while (i < n && isEnd(t.charCodeAt(i))) i++;
      if (i < n && isClosing(t.charCodeAt(i))) i++;
    }
    const text = t.slice(from, i);
    if (!text.trim()) continue;
    out.push({ text, kind: line.kind, line: line.line, column: from + 1, lineIndex, index: start + out.length, historical: HISTORICAL.test(text) });
  }
  return out;
}

export function createContext(doc: CleanDocument, editorial: Editorial, geo: Geography): Context {
  const sentences: Sentence[] = [];
  const texts: string[] = [];
  doc.lines.forEach((line, i) => {
    if (!TEXT_KINDS.has(line.kind)) return;
    texts.push(line.text);
    sentences.push(...splitSentences(line, i, sentences.length));
  });
  // vfile messages are Errors: capturing a stack trace nobody reads is most of their cost
  const message = (fatal: boolean | undefined) => (reason: string, at: { line: number; column?: number } | undefined, rule: string) => {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      const m = doc.vfile.message(reason, { place: at ? { line: at.line, column: at.column ?? 1 } : undefined, ruleId: rule, source: 'extract' });
      m.fatal = fatal;
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  };
  const memo = new Map<Sentence, string[]>();
  const re = geoRegex(geo, '{P}', 'uy');
  const first = provinceFirstUnits(geo);
  const provincesIn = (s: Sentence): string[] => {
    let ids = memo.get(s);
    if (!ids) {
      ids = [];
      for (const m of scan(re, first, s.text)) {
        const id = geo.byName.get(m[0])?.id;
        if (id && !ids.includes(id)) ids.push(id);
      }
      memo.set(s, ids);
    }
    return ids;
  };
  return {
    doc,
    editorial,
    geo,
    sentences,
    provincesIn,
    fullText: texts.join('\n'),
    surnames: editorial.surnames,
    info: message(undefined),
    warn: message(false),
  };
}

/** Position of `index` within sentence `s`, for messages. */
export function at(s: Sentence, index = 0): { line: number; column: number } {
  return { line: s.line, column: s.column + index };
}

/** Sentences about the past (时任…, N年前…) describe other visits: extractors skip them. */
export function isHistorical(s: Sentence): boolean {
  // every extractor asks about every sentence: splitSentences answers once
  return s.historical ?? HISTORICAL.test(s.text);
}

/** A table of UTF-16 units: 1 for the first unit of each string given. */
export function firstUnits(...strings: Iterable<string>[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const list of strings) for (const s of list) if (s.length > 0) table[s.charCodeAt(0)] = 1;
  return table;
}

const provinceUnits = new WeakMap<Geography, Uint8Array>();
/** First units of the province names (full and short). */
export function provinceFirstUnits(geo: Geography): Uint8Array {
  let t = provinceUnits.get(geo);
  if (!t) provinceUnits.set(geo, (t = firstUnits(geo.byName.keys())));
  return t;
}

const unitClasses = new WeakMap<Uint8Array, RegExp | null>();
/**
 * The units of a small table as one character class (global, no `u`: single units), or null
 * for a large one: a class search pays a call per candidate, worth it only when candidates are
 * rare (digits, 赴…); with a province's first characters (上, 江, 海 …) a loop reading the table
 * is faster.
 */
function unitClass(first: Uint8Array): RegExp | null {
  let re = unitClasses.get(first);
  if (re === undefined) {
    const units: string[] = [];
    for (let u = 0; u < first.length; u++) if (first[u] === 1) units.push(`\\u${u.toString(16).padStart(4, '0')}`);
    re = units.length > 0 && units.length <= 12 ? new RegExp(`[${units.join('')}]`, 'g') : null;
    unitClasses.set(first, re);
  }
  return re;
}

/**
 * The matches `text.matchAll(g)` would give for a pattern whose every match starts with a unit
 * of `first`, found by trying the sticky `re` (same pattern, flags `uy`) only at those
 * positions: on Chinese text most positions cost a table read (or nothing, when a native class
 * search finds the next candidate) instead of a regular-expression attempt (with 70 province
 * names in the pattern, a costly one). The pattern must not match the empty string.
 */
export function scan(re: RegExp, first: Uint8Array, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const candidate = unitClass(first);
  if (candidate !== null) {
    candidate.lastIndex = 0;
    while (candidate.test(text)) {
      re.lastIndex = candidate.lastIndex - 1;
      const m = re.exec(text);
      if (m !== null) {
        out.push(m);
        candidate.lastIndex = m.index + Math.max(1, m[0].length);
      }
    }
    return out;
  }
  const n = text.length;
  for (let i = 0; i < n; ) i = tryAt(re, first, text, i, out);
  return out;
}

/**
 * One step of a sticky scan: tries `re` at `i` when the unit there can start a match; records
 * the match and returns where scanning resumes (after the match, as matchAll does), else `i + 1`.
 */
function tryAt(re: RegExp, first: Uint8Array, text: string, i: number, out: RegExpExecArray[]): number {
  if (first[text.charCodeAt(i)] === 0) return i + 1;
  re.lastIndex = i;
  const m = re.exec(text);
  if (m === null) return i + 1;
  out.push(m);
  return m.index + Math.max(1, m[0].length);
}

/**
 * Ends (offset after the last unit) of every occurrence of the given words in `text`,
 * overlapping ones included, in increasing order.
 */
export function wordEnds(text: string, words: readonly string[]): number[] {
  const ends: number[] = [];
  for (const w of words) for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + 1)) ends.push(i + w.length);
  return ends.length > 1 ? [...new Set(ends)].sort((a, b) => a - b) : ends;
}

/**
 * `scan` for a pattern whose matches (or their first part) end with a known word no more than
 * `span` units after their start: only the positions in the `span` units before each end in
 * `ends` (from wordEnds) are tried, in order, resuming after each match as matchAll does.
 * Exact when every match starting at i has such an end e with i < e ≤ i + span.
 */
export function scanNear(re: RegExp, first: Uint8Array, text: string, ends: number[], span: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let i = 0;
  for (let w = 0; w < ends.length; ) {
    const e = ends[w]!;
    if (i >= e) {
      w++;
      continue;
    }
    if (i < e - span) i = e - span;
    i = tryAt(re, first, text, i, out);
  }
  return out;
}

const patterns = new WeakMap<Geography, Map<string, RegExp>>();

/**
 * A regular expression built from a template naming the provinces (`{P}` stands for
 * `geo.namePattern`, an alternation of 70 names), compiled once per geography instead of once
 * per document or sentence. Shared: use it with matchAll, with `scan` (flag `y`), or without
 * the `g` and `y` flags.
 */
export function geoRegex(geo: Geography, template: string, flags: string): RegExp {
  let map = patterns.get(geo);
  if (!map) patterns.set(geo, (map = new Map()));
  const key = `${flags}/${template}`;
  let re = map.get(key);
  if (!re) map.set(key, (re = new RegExp(template.replaceAll('{P}', geo.namePattern), flags)));
  return re;
}
