/**
 * punctuation: restore the full-width punctuation the sources lost.
 *
 *   ,  :  ;  ?  !  → ，：；？！  when a neighbour (the character right before or after) is
 *                    Chinese: Han, CJK punctuation, full-width forms, curly quotes, …, —, □;
 *   ( )            → （ ）      for a balanced pair whose content or outside neighbours are
 *                    Chinese; an unbalanced one by its neighbours, with a warning.
 *
 * Untouched: everything between ASCII neighbours (15:32, 1,000, f(x), 1+1+1+1>4), URLs and
 * e-mail addresses (cp55991@163.com), and Latin text such as `All Rights Reserved.`.
 * One pass over each line, no backtracking; a line without any of the seven characters is
 * returned as is.
 */
import { Buffer } from 'node:buffer';
import { note, type WorkLine } from './lines.ts';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const PROTECTED = /[a-z][a-z0-9+.-]*:\/\/[^\s\u3000-\u303f\uff00-\uffef\p{Script=Han}]+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s\u3000-\u303f\uff00-\uffef\p{Script=Han}]*|[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/giu;

/** Is this UTF-16 unit part of Chinese text? */
export function isChinese(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0x3000 && code <= 0x303f) || // CJK symbols and punctuation
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xd800 && code <= 0xdbff) || // high surrogate (extensions B…)
    (code >= 0xdc00 && code <= 0xdfff) ||
    code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || // “ ” ‘ ’
    code === 0x2026 || code === 0x2014 || code === 0x00b7 || code === 0x25a1 // … — · □
  );
}

export interface PunctuationResult {
  text: string;
  /** number of characters replaced */
  count: number;
  /** offset of the first replacement, -1 if none */
  first: number;
  /** offsets of parentheses left unbalanced that were converted by their neighbours */
  unbalanced: number[];
  /** per mark, how many */
  marks: Map<string, number>;
}

/**
 * restore's scan, by the regular-expression engine's class search (faster on a long line than a
 * loop over its units in JavaScript): the seven ASCII marks `,` `:` `;` `?` `!` `(` `)`, and
 * `www.`, which with `://` (found at its `:`) is where a protected range can start. A mark inside a URL always comes after the range's `://` or
 * `www.` (a scheme or `www.` holds none, an e-mail address none at all): the ranges need to be
 * known only from the first of these on, or for the first parenthesis (pairs are decided over
 * the whole line). Most lines have neither, and are then not searched for them at all.
 */
// (`www.` in any case, as PROTECTED reads it)
const SCAN = /[,:;?!()]|[wW][wW][wW]\./g;
const WWW = /www\./i;

/** Is text[i] part of Chinese text (false outside the text)? */
function chineseAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isChinese(text.charCodeAt(i));
}

/** Is any unit of text[from, to) part of Chinese text? */
function chineseWithin(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isChinese(text.charCodeAt(k))) return true;
  return false;
}

/**
 * From FULL, by the mark's code (no property lookup by a one-character key per mark): its
 * full-width form as a code, and its kind, an index into KINDS, the kinds marks are counted by
 * (both parentheses are one: `（）`).
 */
const FULL_BY_CODE: number[] = [];
const KIND_BY_CODE: number[] = [];
const KINDS: string[] = [];
for (const [mark, full] of Object.entries(FULL)) {
  const kind = mark === '(' || mark === ')' ? '（）' : full;
  if (!KINDS.includes(kind)) KINDS.push(kind);
  FULL_BY_CODE[mark.charCodeAt(0)] = full.charCodeAt(0);
  KIND_BY_CODE[mark.charCodeAt(0)] = KINDS.indexOf(kind);
}
/** how the line's message names each kind before its count (`，×3`) */
const LABELS = KINDS.map((kind) => `${kind}×`);
/** per kind, how many marks of the line being restored were converted (zero between lines) */
const tally = new Int32Array(KINDS.length);

/**
 * The new text of a line is made in a scratch array of UTF-16 units: the line copied in once,
 * at its first converted mark, each converted mark overwritten in place (the same length), and
 * read back as one string. Built by concatenation (a slice and two joins per mark), the text was
 * a rope that its next reader had to flatten: about 10 % more instructions for this step and
 * that reading together (the Buffer only copies: lone surrogates stay as they are).
 */
let units = new Uint16Array(4096);
let scratch = Buffer.from(units.buffer);
function copyIn(text: string): void {
  if (units.length < text.length) {
    units = new Uint16Array(text.length * 2);
    scratch = Buffer.from(units.buffer);
  }
  scratch.write(text, 0, 'utf16le');
}

// decisions about a mark
const KEEP = 0;
const CONVERT = 1;
/** converted although its parenthesis has no partner (reported) */
const UNBALANCED = 2;

/**
 * URLs and e-mail addresses in the text, as [start, end) pairs; null when no mark can be in
 * one. An e-mail address never holds any of the seven marks, a URL always starts with `://`
 * or `www.` before its first mark: without either, the ranges would change nothing (and the
 * scan for `@` is spared). With one, all are found, e-mail addresses included (the left-to-right
 * search of PROTECTED decides which URL a text like `a@b.chttp://x` holds).
 */
function protectedRanges(text: string): number[] | null {
  if (!(text.includes('://') || WWW.test(text))) return null;
  const ranges: number[] = [];
  PROTECTED.lastIndex = 0;
  for (let m = PROTECTED.exec(text); m !== null; m = PROTECTED.exec(text)) ranges.push(m.index, m.index + m[0].length);
  return ranges;
}

function within(ranges: number[] | null, i: number): boolean {
  if (ranges === null) return false;
  for (let k = 0; k < ranges.length; k += 2) if (i >= ranges[k]! && i < ranges[k + 1]!) return true;
  return false;
}

/**
 * The decision for each parenthesis outside the protected ranges, in order: a pair is
 * converted when its content or its outside neighbours are Chinese, one left unbalanced by
 * its neighbours.
 */
function decideParentheses(text: string, skip: number[] | null): number[] {
  const decision: number[] = [];
  const at: number[] = [];
  /** indexes into `decision` of the `(` waiting for their `)` */
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code !== 0x28 && code !== 0x29) || within(skip, i)) continue;
    const k = decision.length;
    decision.push(KEEP);
    at.push(i);
    if (code === 0x28) stack.push(k);
    else {
      const open = stack.pop();
      if (open === undefined) {
        if (chineseAt(text, i - 1) || chineseAt(text, i + 1)) decision[k] = UNBALANCED;
      } else {
        const o = at[open]!;
        if (chineseAt(text, o - 1) || chineseAt(text, i + 1) || chineseWithin(text, o + 1, i)) decision[open] = decision[k] = CONVERT;
      }
    }
  }
  for (const open of stack) {
    const o = at[open]!;
    if (chineseAt(text, o - 1) || chineseAt(text, o + 1)) decision[open] = UNBALANCED;
  }
  return decision;
}

/**
 * What one pass over a line found: the new text and, per kind of mark in order of first
 * appearance, how many were replaced (parallel arrays: no Map per line). null when nothing
 * was replaced.
 */
interface Restored {
  text: string;
  count: number;
  first: number;
  unbalanced: number[];
  /** indexes into KINDS */
  kinds: number[];
  counts: number[];
}

/**
 * The one pass of restorePunctuation. Its first search is also the test that the line has
 * anything to restore; the URLs and e-mail addresses are looked for only once they can matter.
 */
function restore(text: string): Restored | null {
  SCAN.lastIndex = 0;
  if (!SCAN.test(text)) return null;
  /** protected ranges, once they can matter (see SCAN) */
  let skip: number[] | null = null;
  let skipKnown = false;
  // parentheses are decided in pairs, when the first one is met (few lines have any); the
  // other marks by their neighbours, in the one pass that also builds the new text
  let parens: number[] | null = null;
  let p = 0;

  // same-length replacements, made in `units`; marks counted by kind, in order of first appearance
  let converted = 0;
  let first = -1;
  let unbalanced: number[] | null = null;
  const order: number[] = [];
  // from mark to mark (the search above found the first one)
  do {
    const i = SCAN.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (code === 0x2e || (code === 0x3a && text.startsWith('//', i + 1))) {
      if (!skipKnown) {
        skip = protectedRanges(text);
        skipKnown = true;
      }
      if (code === 0x2e) continue; // `www.`
    }
    if (within(skip, i)) continue;
    let d: number;
    if (code === 0x28 || code === 0x29) {
      if (!skipKnown) {
        skip = protectedRanges(text);
        skipKnown = true;
      }
      parens ??= decideParentheses(text, skip);
      d = parens[p++]!;
    } else d = chineseAt(text, i - 1) || chineseAt(text, i + 1) ? CONVERT : KEEP;
    if (d === KEEP) continue;
    if (converted++ === 0) {
      first = i;
      copyIn(text);
    }
    units[i] = FULL_BY_CODE[code]!;
    if (d === UNBALANCED) (unbalanced ??= []).push(i);
    const kind = KIND_BY_CODE[code]!;
    if (tally[kind]!++ === 0) order.push(kind);
  } while (SCAN.test(text));
  if (converted === 0) return null;
  const counts: number[] = [];
  for (const kind of order) {
    counts.push(tally[kind]!);
    tally[kind] = 0;
  }
  return { text: scratch.toString('utf16le', 0, text.length * 2), count: converted, first, unbalanced: unbalanced ?? [], kinds: order, counts };
}

export function restorePunctuation(text: string): PunctuationResult {
  const r = restore(text);
  if (r === null) return { text, count: 0, first: -1, unbalanced: [], marks: new Map() };
  const marks = new Map<string, number>();
  for (let k = 0; k < r.kinds.length; k++) marks.set(KINDS[r.kinds[k]!]!, r.counts[k]!);
  return { text: r.text, count: r.count, first: r.first, unbalanced: r.unbalanced, marks };
}

/** Restore punctuation in a line, with one aggregate message for the line. */
export function punctuateLine(work: WorkLine): number {
  const r = restore(work.text);
  if (r === null) return 0;
  // `restored 3 full-width punctuation marks (，×2 ：×1)`, from as few pieces as possible (a
  // message per line: its joins were an eighth of the step)
  let summary = LABELS[r.kinds[0]!]! + r.counts[0]!;
  for (let k = 1; k < r.kinds.length; k++) summary += ' ' + LABELS[r.kinds[k]!]! + r.counts[k]!;
  const head = r.count === 1 ? 'restored 1 full-width punctuation mark (' : 'restored ' + r.count + ' full-width punctuation marks (';
  note(work, r.first, 'punctuation/full-width', head + summary + ')');
  for (const at of r.unbalanced) note(work, at, 'punctuation/unbalanced', `unbalanced parenthesis ${work.text[at]} converted by its neighbours`, 'warning');
  // same length: no edit to record
  work.text = r.text;
  return r.count;
}
