/**
 * pinyin: remove the pinyin annotations of the damaged traditional copies.
 *
 *   發(fā)展        → 發展                      (annotation after a Han character)
 *   重?fù)?dān)  → 重??  with hints fù, dān   (`?` = a lost character together with its `(`)
 *
 * An annotation is one to six pinyin syllables (tone marks or none, optionally separated by a
 * space or apostrophe) in ASCII parentheses right after a Han character or a `?` — or, with a
 * tone mark, right after a Latin letter (`皖I(lǐng)CP備` in 001: the annotator's slip). Parentheses
 * holding anything else — `(浙江卫视画面)`, `(宗禾)`, `(IBM)`, `(app)` — are not annotations.
 *
 * The step runs only on a document that carries the damage signature: at least one
 * tone-marked annotation. Any other document passes through byte-identical.
 */
import { HAN, isHanUnit } from './han.ts';
import { note, replaceText, type Edit, type WorkLine } from './lines.ts';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const LETTERS = `a-zü${TONED}ê`;

/** quick test for the damage signature */
const SIGNATURE = new RegExp(`[\\p{Script=Han}?]\\([${LETTERS}]*[${TONED}]`, 'uy');

/**
 * What an annotation holds: 1 to 48 of these (the letters of LETTERS, apostrophe, space) — at a
 * `(` after a Han character or `?`, `(pinyin)`; right after a `?`, `pinyin)`. A table of the
 * characters (all below U+0200) so a candidate is checked with one loop, no regular expression.
 */
const ANNOTATION_MAX = 48;
const IN_ANNOTATION = new Uint8Array(0x200);
for (const c of `abcdefghijklmnopqrstuvwxyzü${TONED}ê' `) IN_ANNOTATION[c.charCodeAt(0)] = 1;

/** Is text[from, to) 1…48 annotation characters? (`(`, `)` and `?` are not among them) */
function annotationBetween(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > ANNOTATION_MAX) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x200 || IN_ANNOTATION[code] === 0) return false;
  }
  return true;
}

const TONE = new RegExp(`[${TONED}]`);

/**
 * The first of the annotation characters right before `end` (at most ANNOTATION_MAX + 1 of
 * them are read: more cannot be an annotation), or `end` when there is none.
 */
function annotationStart(text: string, end: number): number {
  let i = end;
  const limit = Math.max(0, end - ANNOTATION_MAX - 1);
  while (i > limit) {
    const code = text.charCodeAt(i - 1);
    if (code >= 0x200 || IN_ANNOTATION[code] === 0) break;
    i--;
  }
  return i;
}

/**
 * Where the annotation ending with the `)` at `close` starts (at its `(`, or at the first
 * letter after a `?`), or -1 when there is none; `open` and `q` are the last `(` and the last
 * `?` at or before `close`, `from` the end of the previous candidate (they never overlap).
 */
function annotationAt(text: string, close: number, open: number, q: number, from: number): number {
  if (open >= from && open > 0) {
    const low = text.charCodeAt(open - 1);
    // isHanUnit(low) is HAN.test(text[open - 1]) (han.ts)
    const afterHan = low === 0x3f || isHanUnit(low) || (low >= 0xdc00 && low <= 0xdfff && open > 1 && HAN.test(text.slice(open - 2, open)));
    // after a Latin letter (皖I(lǐng)CP備 in 001's footer) only a tone-marked syllable counts
    const afterLatin = !afterHan && ((low >= 0x41 && low <= 0x5a) || (low >= 0x61 && low <= 0x7a));
    // `(pinyin)` ending at this `)`
    if ((afterHan || afterLatin) && annotationBetween(text, open + 1, close) && (afterHan || TONE.test(text.slice(open + 1, close)))) return open;
  }
  // `pinyin)` ending at this `)`, right after a `?`
  if (q >= from && q + 1 < close && annotationBetween(text, q + 1, close)) return q + 1;
  return -1;
}

// Mandarin syllables (toneless, ü written v): initial + final, y- and w- syllables, and the
// few without initial; a little looser than the table (e.g. it allows `fi`), never Latin words
// with impossible clusters.
const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcs])';
const FINAL = '(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|a|o|e|i|u|v)';
const Y = 'y(?:ao|ou|an|in|ang|ing|ong|ue|uan|un|a|o|e|i|u|v)';
const W = 'w(?:ai|ei|an|en|ang|eng|a|o|u)';
const BARE = '(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)';
const SYLLABLE = `(?:${INITIAL}${FINAL}|${Y}|${W}|${BARE}|ng|n|m|hm)`;
const SYLLABLES = new RegExp(`^${SYLLABLE}(?:['\\s]?${SYLLABLE}){0,5}$`);

const PLAIN: Record<string, string> = {};
for (const [plain, marked] of [
  ['a', 'āáǎà'],
  ['e', 'ēéěèê'],
  ['i', 'īíǐì'],
  ['o', 'ōóǒò'],
  ['u', 'ūúǔù'],
  ['v', 'ǖǘǚǜü'],
] as const) {
  for (const c of marked) PLAIN[c] = plain;
}
const MARKS = new RegExp(`[${TONED}üê]`, 'g');

/** Is `s` (lowercase latin with tone marks) one or more valid pinyin syllables? */
const known = new Map<string, boolean>();
export function isPinyin(s: string): boolean {
  let answer = known.get(s);
  if (answer === undefined) {
    answer = SYLLABLES.test(s.replace(MARKS, (c) => PLAIN[c] ?? c));
    if (known.size < 10_000) known.set(s, answer);
  }
  return answer;
}

/** Does the text carry the damage signature (a tone-marked annotation after a Han char)? */
export function hasAnnotations(text: string): boolean {
  // jump from `(` to `(` (few in a clean text) instead of testing at every Han character
  for (let i = text.indexOf('('); i !== -1; i = text.indexOf('(', i + 1)) {
    if (i === 0) continue;
    SIGNATURE.lastIndex = i - 1;
    if (SIGNATURE.test(text)) return true;
    // a Han character outside the BMP before the `(`
    if (i > 1) {
      SIGNATURE.lastIndex = i - 2;
      if (SIGNATURE.test(text)) return true;
    }
  }
  return false;
}

export interface PinyinResult {
  /** annotations removed, per raw line number */
  removed: Map<number, number>;
  /** for lost characters: offset of the `?` in the line's new text → its pinyin */
  hints: Map<WorkLine, Map<number, string>>;
  /** characters seen with an annotation → the readings seen, e.g. 負 → {fù} */
  readings: Map<string, Set<string>>;
}

/** Remove annotations from every line (call only for a document with the signature). */
export function removePinyin(lines: WorkLine[]): PinyinResult {
  const result: PinyinResult = { removed: new Map(), hints: new Map(), readings: new Map() };
  // readings keyed by the character's code units as a number (a one-character string per
  // annotation, hashed for the lookup, was a third of this step); turned into `readings`, in
  // the same order, at the end
  const readings = new Map<number, Set<string>>();
  for (const work of lines) {
    const text = work.text;
    if (!text.includes(')')) continue;
    // From `)` to `)` (an annotation ends with one), building the new text as we go; what
    // precedes each `)` is read backwards, over annotation characters only: a `(` or `?` met
    // there is the last one before the `)` (neither is an annotation character), and a
    // candidate can start nowhere else (annotationBetween would fail) — so the line is not
    // read unit by unit in JavaScript, nor searched three times per annotation
    let out = '';
    let last = 0;
    const edits: Edit[] = [];
    /** units removed so far */
    let removed = 0;
    let hints: Map<number, string> | null = null;
    /** end of the last candidate: candidates do not overlap */
    let from = 0;
    for (let close = text.indexOf(')'); close !== -1; close = text.indexOf(')', close + 1)) {
      const stop = annotationStart(text, close) - 1;
      const mark = stop < 0 ? 0 : text.charCodeAt(stop);
      const start = annotationAt(text, close, mark === 0x28 ? stop : -1, mark === 0x3f ? stop : -1, from);
      if (start < 0) continue;
      const end = close + 1;
      from = end;
      // (pinyin) or, after a `?`, pinyin)
      const pinyin = text.slice(text.charCodeAt(start) === 0x28 ? start + 1 : start, close).trim();
      if (!isPinyin(pinyin)) continue;
      const before = text.charCodeAt(start - 1);
      if (before === 0x3f) {
        // a lost character: where its `?` will be in the new text
        (hints ??= new Map()).set(start - 1 - removed, pinyin);
      } else {
        // a Han character may be a surrogate pair (after a `(` at 2 or more): both units
        const key = before >= 0xdc00 && before <= 0xdfff ? text.charCodeAt(start - 2) * 0x10000 + before : before;
        let set = readings.get(key);
        if (!set) readings.set(key, (set = new Set()));
        set.add(pinyin);
      }
      edits.push({ start, end, length: 0 });
      out += text.slice(last, start);
      last = end;
      removed += end - start;
    }
    if (edits.length === 0) continue;
    note(work, edits[0]!.start, 'pinyin/annotation', `removed ${edits.length} pinyin annotation${edits.length === 1 ? '' : 's'}`);
    if (hints !== null) result.hints.set(work, hints);
    replaceText(work, out + text.slice(last), edits);
    result.removed.set(work.line, edits.length);
  }
  for (const [key, set] of readings) result.readings.set(key > 0xffff ? String.fromCharCode(key >>> 16, key & 0xffff) : String.fromCharCode(key), set);
  return result;
}
