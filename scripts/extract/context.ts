/**
 * What every extractor reads: the clean document cut into sentences (each traced to its line in
 * the raw source), the editorial data, the geography, and a way to report what it inferred or
 * could not resolve as vfile messages (`extract/<rule>`).
 */
import { restoreStackTraces, stopStackTraces } from '../pipeline/report.ts';
import type { CleanDocument, CleanLine, LineKind } from '../pipeline/types.ts';
import type { Editorial } from './editorial.ts';
import { hitsInOrder } from './hits.ts';
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
  /** about the past (see isHistorical), decided once for all sentences by createContext */
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
  provincesIn(s: Sentence): readonly string[];
  /**
   * 1 for each sentence (by `Sentence.index`) whose text holds one of the words, else 0; all
   * dictionary words are found in one pass over the article (see `words`); memoised.
   */
  mentions(set: Words): Uint8Array;
  /**
   * For each sentence (by `Sentence.index`), where the words occur: pairs (start offset, number
   * of the word in `set.words`), by start then by the order of `set.words`, overlapping ones
   * included; undefined when none occurs (same pass); memoised.
   */
  occurrences(set: Words): readonly (readonly number[] | undefined)[];
  /** For each word of `set` (by its number), its occurrences: pairs (sentence index, end offset) in reading order (same pass). */
  found(set: Words): readonly (readonly number[] | undefined)[];
  info(reason: string, at: { line: number; column?: number } | undefined, rule: string): void;
  warn(reason: string, at: { line: number; column?: number } | undefined, rule: string): void;
}

const NO_PROVINCES: readonly string[] = Object.freeze([]);

const TEXT_KINDS: ReadonlySet<LineKind> = new Set(['title', 'subtitle', 'body', 'heading', 'caption']);
/** Lines of these kinds are cut into `Context.sentences`. */
export const isTextKind = (kind: LineKind): boolean => TEXT_KINDS.has(kind);

const HISTORICAL = /时任|\d+年前|多年前|当年/u;

const isEnd = (code: number): boolean => code === 0x3002 || code === 0xff01 || code === 0xff1f; // 。！？
const isClosing = (code: number): boolean => code === 0x201d || code === 0x2019 || code === 0x300d || code === 0x300f || code === 0xff09; // ”’」』）
/** the next 。！？: one native search, not three (one per mark) */
const END_MARK = /[。！？]/g;

/**
 * Splits a line into sentences after 。！？ (and a closing quote that follows them). One scan of
 * the line, the same cuts as `/[^。！？]+(?:[。！？]+[”’」』）]?|$)/gu`: a sentence is a run of other
 * characters, then its run of 。！？ and one closing quote; marks opening a line are skipped.
 * The sentences are appended to `out` (numbered on from its length), their offsets in the
 * article's text (the line's at `lineOffset`) to `starts` and `ends`. Whether a sentence is
 * about the past is left to createContext (`historical` false here).
 */
export function splitSentences(line: CleanLine, lineIndex: number, out: Sentence[], starts: number[], ends: number[], lineOffset = 0): void {
  const t = line.text;
  const n = t.length;
  let i = 0;
  while (i < n) {
    if (isEnd(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    END_MARK.lastIndex = i;
    i = END_MARK.test(t) ? END_MARK.lastIndex - 1 : n;
    while (i < n && isEnd(t.charCodeAt(i))) i++;
    if (i < n && isClosing(t.charCodeAt(i))) i++;
    const text = t.slice(from, i);
    if (!text.trim()) continue;
    out.push({ text, kind: line.kind, line: line.line, column: from + 1, lineIndex, index: out.length, historical: false });
    starts.push(lineOffset + from);
    ends.push(lineOffset + i);
  }
}

/** Sets `historical` on the sentences that HISTORICAL matches, from the occurrences of PAST (`found`). */
function markHistorical(sentences: readonly Sentence[], found: readonly (readonly number[] | undefined)[]): void {
  found.forEach((hits, w) => {
    for (let j = 0; hits !== undefined && j < hits.length; j += 2) {
      const s = sentences[hits[j]!]!;
      if (PAST.words[w] !== '年前') s.historical = true;
      else {
        // N年前 (an ASCII digit, as \d matches) or 多年前
        const before = s.text.charCodeAt(hits[j + 1]! - 3);
        if ((before >= 0x30 && before <= 0x39) || before === 0x591a) s.historical = true;
      }
    }
  });
}

export function createContext(doc: CleanDocument, editorial: Editorial, geo: Geography): Context {
  const lines = doc.lines;
  const sentences: Sentence[] = [];
  /** offset of each sentence in fullText, and of its end */
  const startList: number[] = [];
  const endList: number[] = [];
  const texts: string[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!TEXT_KINDS.has(line.kind)) continue;
    splitSentences(line, i, sentences, startList, endList, offset);
    texts.push(line.text);
    offset += line.text.length + 1;
  }
  // every text line joined by line breaks, after splitSentences has read each: cleaning builds
  // lines by concatenation (ropes), which the first read flattens; joined before, they would be
  // walked twice (once by join, once by that first read), a cost of its own
  const fullText = texts.join('\n');
  const starts = new Int32Array(startList);
  const ends = new Int32Array(endList);
  const search = sentenceSearch(sentences, fullText, starts, ends);
  // every extractor asks about every sentence whether it is about the past: answered once, from
  // the dictionary pass (which every article needs anyway)
  markHistorical(sentences, search.found(PAST));
  // vfile messages are Errors: no stack trace for them (see stopStackTraces)
  const message = (fatal: boolean | undefined) => (reason: string, at: { line: number; column?: number } | undefined, rule: string) => {
    const limit = stopStackTraces();
    try {
      const m = doc.vfile.message(reason, { place: at ? { line: at.line, column: at.column ?? 1 } : undefined, ruleId: rule, source: 'extract' });
      m.fatal = fatal;
    } finally {
      restoreStackTraces(limit);
    }
  };
  let named: (string[] | undefined)[] | undefined;
  const provincesIn = (s: Sentence): readonly string[] => {
    if (named === undefined) {
      // every sentence at once, in the article's text (one flat string): no name spans two
      // sentences (a name holds no 。！？, closing quote or line break), so this finds what a scan
      // of each sentence finds. At each position where a name can start, the longest name there
      // (what the alternation of the names, longest first, matches), then on after it.
      const all: (string[] | undefined)[] = new Array<string[] | undefined>(sentences.length).fill(undefined);
      const first = provinceFirstUnits(geo);
      const lengths = provinceLengths(geo);
      const n = fullText.length;
      let k = 0;
      for (let i = 0; i < n; ) {
        if (!hasUnit(first, fullText.charCodeAt(i))) {
          i++;
          continue;
        }
        const length = longestNameAt(fullText, i, lengths, geo.byName);
        if (length === 0) {
          i++;
          continue;
        }
        while (k < sentences.length && ends[k]! <= i) k++;
        if (k === sentences.length) break;
        if (starts[k]! <= i) {
          const id = geo.byName.get(fullText.slice(i, i + length))!.id;
          const list = (all[k] ??= []);
          if (!list.includes(id)) list.push(id);
        }
        i += length;
      }
      named = all;
    }
    return named[s.index] ?? NO_PROVINCES;
  };
  return {
    doc,
    editorial,
    geo,
    sentences,
    provincesIn,
    ...search,
    fullText,
    surnames: editorial.surnames,
    info: message(undefined),
    warn: message(false),
  };
}

/**
 * A set of UTF-16 units (or of 16-bit hashes), one bit each: 8 KB, which mostly stays in the
 * processor's cache while cleaning runs between two articles (a table of 64 K bytes does not,
 * and each unit read from it then costs a miss).
 */
export type UnitSet = Int32Array;

/** An empty UnitSet. */
const unitSet = (): UnitSet => new Int32Array(0x10000 >>> 5);

export const hasUnit = (set: UnitSet, code: number): boolean => (set[code >>> 5]! & (1 << (code & 31))) !== 0;

function addUnit(set: UnitSet, code: number): void {
  set[code >>> 5] = set[code >>> 5]! | (1 << (code & 31));
}

/** Two units (the first two of a word or name) hashed to 16 bits, for a UnitSet of pairs. */
const pairHash = (a: number, b: number): number => (Math.imul(a, 0x9e37) + b) & 0xffff;

/**
 * Words the extractors look for in every sentence, declared once per module with `words(…)`
 * and all found in one pass over an article (`Context.found`, `mentions`, `occurrences`): the
 * pass reads a table of first units at each position and compares only the words starting with
 * that unit, instead of searching each sentence once per word.
 */
const dictionary: string[] = [];
const dictionaryIds = new Map<string, number>();
/**
 * Per UTF-16 unit, 0 when no word starts with it, else (1 + the number of its list in
 * `startingWith`, the ids of the words starting with it) × 2, + 1 when it is a word of its own
 * (单字: 与, 日 …: every occurrence is a candidate). One read tells both, at each position of an
 * article.
 */
const firstSlot = new Uint16Array(0x10000);
/** the first two units of the longer words, hashed to one bit of 64 K: most positions whose unit starts a word (作 of 合作) fail here */
const pairBits = unitSet();
const startingWith: number[][] = [];
/** per word id: its second unit, or -1 for a word of one unit (compared before the whole word) */
const secondUnits: number[] = [];

/** A set of words of the dictionary (see `words`). */
export interface Words {
  readonly words: readonly string[];
  readonly ids: readonly number[];
}

/** Declares words (each non-empty, without a line break) for `Context.found` / `mentions` / `occurrences`. */
export function words(...list: string[]): Words {
  const ids = list.map((w) => {
    if (w.length === 0 || w.includes('\n')) throw new RangeError(`words: “${w}” is empty or holds a line break`);
    let id = dictionaryIds.get(w);
    if (id === undefined) {
      id = dictionary.length;
      dictionary.push(w);
      secondUnits.push(w.length === 1 ? -1 : w.charCodeAt(1));
      dictionaryIds.set(w, id);
      const u = w.charCodeAt(0);
      if (firstSlot[u] === 0) firstSlot[u] = startingWith.push([]) << 1;
      if (w.length === 1) firstSlot[u] = firstSlot[u]! | 1;
      else addUnit(pairBits, pairHash(u, w.charCodeAt(1)));
      startingWith[(firstSlot[u]! >>> 1) - 1]!.push(id);
    }
    return id;
  });
  return { words: list, ids };
}

/**
 * Each match of HISTORICAL holds one of these: a sentence holding 时任 or 当年 is about the past,
 * one holding 年前 if a digit or 多 comes before it. Found by the dictionary pass (see
 * markHistorical), instead of searching every line for each of them.
 */
/* (declared here, after the dictionary it joins) */
const PAST = words('时任', '年前', '当年');

/** the buffer utf16Units writes into (grown when a text needs more), and its units */
let unitBytes = Buffer.allocUnsafeSlow(0);
let unitView = new Uint16Array(0);

/**
 * The UTF-16 units of `text` (the first `text.length` of the array returned), copied by one
 * native call into a buffer kept for the next call (valid until then: read it at once). A loop
 * over a long text reads a typed array for a few instructions per unit, where `charCodeAt` costs
 * several times more (at each call V8 checks again how the string is stored); a buffer of its own
 * per text would cost an allocation outside the heap.
 */
export function utf16Units(text: string): Uint16Array {
  if (unitView.length < text.length) {
    unitBytes = Buffer.allocUnsafeSlow(Math.max(2 * text.length, 0x4000));
    unitView = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >>> 1);
  }
  unitBytes.write(text, 0, 'utf16le');
  return unitView;
}

/**
 * Every occurrence of every dictionary word in the sentences (overlapping ones included):
 * per word id, the pairs (sentence number, end offset in the sentence), in reading order.
 * `text` holds the sentences, sentence k at offsets [starts[k], ends[k]), in order; an
 * occurrence counts only inside one sentence. One pass over one flat string (the article's
 * text) is much cheaper than one over each sentence (a slice of its line).
 */
export function findDictionaryWords(text: string, starts: Int32Array, ends: Int32Array): (number[] | undefined)[] {
  const hits: (number[] | undefined)[] = new Array<number[] | undefined>(dictionary.length).fill(undefined);
  const units = utf16Units(text);
  const n = text.length;
  const count = starts.length;
  // (the tables as locals: read from the module's scope, each would cost a check at every position)
  const slots = firstSlot;
  const pairs = pairBits;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const slot = slots[u]!;
    if (slot === 0) continue;
    if ((slot & 1) === 0 && (i + 1 === n || !hasUnit(pairs, pairHash(u, units[i + 1]!)))) continue;
    // the sentence holding position i, if any (none between two sentences)
    while (k < count && ends[k]! <= i) k++;
    if (k === count) break;
    const start = starts[k]!;
    if (start > i) continue;
    const end = ends[k]!;
    const ids = startingWith[(slot >>> 1) - 1]!;
    const next = i + 1 < n ? units[i + 1]! : -1;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      const second = secondUnits[id]!;
      const length = dictionary[id]!.length;
      // a word of one unit occurs wherever its unit does; a longer one (whose first unit is u)
      // only where its second unit follows, within the sentence: then one of two units does,
      // and a longer one where the rest of it follows too
      if (second !== -1) {
        if (second !== next || i + length > end) continue;
        if (length > 2 && !text.startsWith(dictionary[id]!, i)) continue;
      }
      (hits[id] ??= []).push(k, i - start + length);
    }
  }
  return hits;
}

/** Sorts a short list of numbers in place, increasing, and drops repeats (an insertion sort: a sentence has a few). */
export function sortUnique(list: number[]): void {
  for (let i = 1; i < list.length; i++) {
    const v = list[i]!;
    let j = i - 1;
    while (j >= 0 && list[j]! > v) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = v;
  }
  let n = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[n - 1]) list[n++] = list[i]!;
  list.length = n;
}

/** Sorts a short flat list of pairs (a, b) in place by a, then b (an insertion sort). */
export function sortPairs(list: number[]): void {
  for (let i = 2; i < list.length; i += 2) {
    const a = list[i]!;
    const b = list[i + 1]!;
    let j = i - 2;
    while (j >= 0 && (list[j]! > a || (list[j] === a && list[j + 1]! > b))) {
      list[j + 2] = list[j]!;
      list[j + 3] = list[j + 1]!;
      j -= 2;
    }
    list[j + 2] = a;
    list[j + 3] = b;
  }
}

/**
 * `Context.mentions`, `occurrences` and `found` for these sentences (one dictionary
 * pass, on first use), which `text` holds at offsets [`starts`, `ends`) (see findDictionaryWords).
 */
export function sentenceSearch(sentences: readonly Sentence[], text: string, starts: Int32Array, ends: Int32Array): Pick<Context, 'mentions' | 'occurrences' | 'found'> {
  let hits: (number[] | undefined)[] | undefined;
  const pass = (set: Words) => {
    // a set declared after the pass (not at a module's top level): pass again
    if (hits === undefined || set.ids.some((id) => id >= hits!.length)) hits = findDictionaryWords(text, starts, ends);
    return hits;
  };
  /** `build` run once per set, on the pass's occurrences (per word id) */
  const memoised = <T>(build: (all: readonly (number[] | undefined)[], set: Words) => T) => {
    const memo = new Map<Words, T>();
    return (set: Words): T => {
      let out = memo.get(set);
      if (out === undefined) memo.set(set, (out = build(pass(set), set)));
      return out;
    };
  };
  const mentions = memoised((all, set): Uint8Array => {
    const flags = new Uint8Array(sentences.length);
    for (const id of set.ids) {
      const h = all[id];
      if (h !== undefined) for (let j = 0; j < h.length; j += 2) flags[h[j]!] = 1;
    }
    return flags;
  });
  const found = (set: Words): readonly (readonly number[] | undefined)[] => {
    const all = pass(set);
    return set.ids.map((id) => all[id]);
  };
  // hitsInOrder's triples (sentence, start, word number), cut into one list per sentence
  const occurrences = memoised((_, set): readonly (readonly number[] | undefined)[] => {
    const out = new Array<number[] | undefined>(sentences.length).fill(undefined);
    const hits = hitsInOrder({ found }, set);
    for (let j = 0; j < hits.length; j += 3) (out[hits[j]!] ??= []).push(hits[j + 1]!, hits[j + 2]!);
    return out;
  });
  return { mentions, occurrences, found };
}

/**
 * `[...text.matchAll(re)]` for a pattern with the g flag, by exec on `re` itself (matchAll copies
 * the pattern at each call, a cost when it runs on every sentence). Leaves `re.lastIndex` at 0.
 */
export function matches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matches: ${re} needs the g flag`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // an empty match: step over one character (code point with the u flag), as matchAll does
    if (m[0] === '') re.lastIndex += re.unicode && (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
  re.lastIndex = 0;
  return out;
}

/** Position of `index` within sentence `s`, for messages. */
export function at(s: Sentence, index = 0): { line: number; column: number } {
  return { line: s.line, column: s.column + index };
}

/** Sentences about the past (时任…, N年前…) describe other visits: extractors skip them. */
export function isHistorical(s: Sentence): boolean {
  // every extractor asks about every sentence: createContext answers once (markHistorical)
  return s.historical ?? HISTORICAL.test(s.text);
}

/** The set of the first units of the strings given. */
export function firstUnits(...strings: Iterable<string>[]): UnitSet {
  const set = unitSet();
  for (const list of strings) for (const s of list) if (s.length > 0) addUnit(set, s.charCodeAt(0));
  return set;
}

/** See lengthsByFirstUnit. */
export interface NameLengths {
  /** bit n set: some name of n units starts with this unit; 0: none starts with it */
  at(code: number): number;
  /** false: no name of two units or more starts with these two units (true may be a false alarm) */
  pair(first: number, second: number): boolean;
  /**
   * The names of two units or more that may start with these two units, longest first: those
   * that do, and a few others (the two units are hashed), to compare with the text.
   */
  withPair(first: number, second: number): readonly string[];
  /** the longest name */
  longest: number;
}

/** (not frozen: a loop over a frozen array leaves the fast path) */
const NO_NAMES: readonly string[] = [];

/**
 * For each UTF-16 unit, a bit mask of the lengths (bit n for length n, up to 30) of the names
 * given that start with it, so that a name is looked up only in the lengths it can have; and
 * the names by their first two units, to compare with the text where it stands instead of
 * cutting it out. The units are kept as a bit set (8 KB, which stays in the processor's cache)
 * before a map.
 */
export function lengthsByFirstUnit(names: Iterable<string>): NameLengths {
  const bits = unitSet();
  const masks = new Map<number, number>();
  /** the first two units of each name, hashed to one bit of 64 K (8 KB), and the names by that hash */
  const pairs = unitSet();
  const byPair = new Map<number, string[]>();
  let longest = 0;
  for (const s of names) {
    if (s.length === 0 || s.length > 30) throw new RangeError(`lengthsByFirstUnit: “${s}” is empty or longer than 30 units`);
    const u = s.charCodeAt(0);
    addUnit(bits, u);
    masks.set(u, (masks.get(u) ?? 0) | (1 << s.length));
    if (s.length >= 2) {
      const h = pairHash(u, s.charCodeAt(1));
      addUnit(pairs, h);
      byPair.set(h, [...(byPair.get(h) ?? []), s]);
    }
    longest = Math.max(longest, s.length);
  }
  for (const list of byPair.values()) list.sort((a, b) => b.length - a.length);
  const pair = (a: number, b: number) => hasUnit(pairs, pairHash(a, b));
  return {
    at: (code) => (hasUnit(bits, code) ? masks.get(code)! : 0),
    pair,
    withPair: (a, b) => (pair(a, b) ? byPair.get(pairHash(a, b))! : NO_NAMES),
    longest,
  };
}

/**
 * Length of the longest of `names` (whose lengths by first unit are `lengths`) that starts at
 * `pos` of `text`, or 0: what a sticky alternation of the names, longest first, would match.
 */
export function longestNameAt(text: string, pos: number, lengths: NameLengths, names: { has(name: string): boolean }): number {
  if (pos >= text.length) return 0;
  const first = text.charCodeAt(pos);
  const mask = lengths.at(first);
  if (mask === 0) return 0;
  if (pos + 1 < text.length) {
    // the names of two units or more that can start here, longest first, compared where they stand
    const second = text.charCodeAt(pos + 1);
    const list = lengths.withPair(first, second);
    for (let k = 0; k < list.length; k++) {
      const name = list[k]!;
      if (name.charCodeAt(0) === first && name.charCodeAt(1) === second && text.startsWith(name, pos) && names.has(name)) return name.length;
    }
  }
  return (mask & 0b10) !== 0 && names.has(text.slice(pos, pos + 1)) ? 1 : 0;
}

/**
 * `re.test` of a single UTF-16 unit, as a function of its code, memoised per unit (for a
 * character-class test run on many characters one at a time).
 */
export function unitTest(re: RegExp): (code: number) => boolean {
  if (re.global || re.sticky) throw new TypeError('unitTest: a pattern without the g and y flags');
  // two bit sets (units answered, units answered yes): 16 KB
  const known = unitSet();
  const yes = unitSet();
  return (code) => {
    const word = code >>> 5;
    const bit = 1 << (code & 31);
    if ((known[word]! & bit) === 0) {
      known[word] = known[word]! | bit;
      if (re.test(String.fromCharCode(code))) yes[word] = yes[word]! | bit;
    }
    return (yes[word]! & bit) !== 0;
  };
}

const provinceUnits = new WeakMap<Geography, UnitSet>();
/** First units of the province names (full and short). */
export function provinceFirstUnits(geo: Geography): UnitSet {
  let t = provinceUnits.get(geo);
  if (!t) provinceUnits.set(geo, (t = firstUnits(geo.byName.keys())));
  return t;
}

const provinceNameLengths = new WeakMap<Geography, NameLengths>();
/** Lengths of the province names (full and short) by first unit (see lengthsByFirstUnit). */
export function provinceLengths(geo: Geography): NameLengths {
  // asked at many positions of every article, nearly always for the same geography
  if (geo === lastGeography) return lastLengths!;
  let t = provinceNameLengths.get(geo);
  if (!t) provinceNameLengths.set(geo, (t = lengthsByFirstUnit(geo.byName.keys())));
  lastGeography = geo;
  lastLengths = t;
  return t;
}
let lastGeography: Geography | undefined;
let lastLengths: NameLengths | undefined;

/** A province name (full or short) starts at `i` of `text`. */
export function provinceAt(geo: Geography, text: string, i: number): boolean {
  return longestNameAt(text, i, provinceLengths(geo), geo.byName) > 0;
}

/**
 * Ends (offset after the last unit) of every occurrence of the given words in `text`,
 * overlapping ones included, in increasing order.
 */
export function wordEnds(text: string, words: readonly string[]): number[] {
  const ends: number[] = [];
  for (const w of words) for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + 1)) ends.push(i + w.length);
  if (ends.length > 1) sortUnique(ends);
  return ends;
}

/**
 * The matches `text.matchAll(g)` would give for a pattern whose every match starts with a unit
 * of `first` and (or its first part) ends with a known word no more than `span` units after its
 * start: the sticky pattern (same pattern, flags `uy`) is tried only at the positions whose unit
 * is in `first`, in the `span` units before each end in `ends` (from wordEnds), in order,
 * resuming after each match as matchAll does. On Chinese text most positions then cost a table
 * read instead of a regular-expression attempt (with 70 province names in the pattern, a costly
 * one). Exact when every match starting at i has such an end e with i < e ≤ i + span (one window
 * over the whole text: `ends` [text.length], `span` text.length). The pattern must not match the
 * empty string. `ahead`, if given, is a cheap condition every match at i meets (what must follow
 * its first unit), tried before the pattern.
 *
 * `pattern` may also be chosen at each position: `pick(text, i)` gives the sticky pattern to try
 * at i, or undefined where no match can start. For a pattern with a costly leading alternation
 * (the 70 province names), `pick` gives a cheaper one where that alternation cannot match (no
 * name starts at i), which matches there what the whole pattern does.
 */
export function scanNear(
  pattern: RegExp | ((text: string, i: number) => RegExp | undefined),
  first: UnitSet,
  text: string,
  ends: readonly number[],
  span: number,
  ahead?: (text: string, i: number) => boolean,
): RegExpExecArray[] {
  const pick = typeof pattern === 'function' ? pattern : undefined;
  const out: RegExpExecArray[] = [];
  let i = 0;
  for (let w = 0; w < ends.length; w++) {
    const e = ends[w]!;
    // (a window reaching before the text starts at 0: a pattern tried at -1 is tried at 0)
    if (i < e - span) i = Math.max(0, e - span);
    while (i < e) {
      // most positions fail the table or the condition: looked at here, without a call
      if (!hasUnit(first, text.charCodeAt(i)) || (ahead !== undefined && !ahead(text, i))) {
        i++;
        continue;
      }
      const re = pick ? pick(text, i) : (pattern as RegExp);
      if (re === undefined) {
        i++;
        continue;
      }
      re.lastIndex = i;
      const m = re.exec(text);
      if (m === null) {
        i++;
        continue;
      }
      out.push(m);
      i = m.index + Math.max(1, m[0].length);
    }
  }
  return out;
}

const patterns = new WeakMap<Geography, Map<string, Map<string, RegExp>>>();

/**
 * A regular expression built from a template naming the provinces (`{P}` stands for
 * `geo.namePattern`, an alternation of 70 names), compiled once per geography instead of once
 * per document or sentence. Shared: use it with matchAll, with `scanNear` (flag `y`), or without
 * the `g` and `y` flags.
 */
export function geoRegex(geo: Geography, template: string, flags: string): RegExp {
  let byTemplate = patterns.get(geo);
  if (!byTemplate) patterns.set(geo, (byTemplate = new Map()));
  let byFlags = byTemplate.get(template);
  if (!byFlags) byTemplate.set(template, (byFlags = new Map()));
  let re = byFlags.get(flags);
  if (!re) byFlags.set(flags, (re = new RegExp(template.replaceAll('{P}', geo.namePattern), flags)));
  return re;
}
