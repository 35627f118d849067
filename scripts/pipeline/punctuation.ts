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

const CANDIDATE = /[,:;?!()]/g;

/** Is any unit of text[from, to) part of Chinese text? */
function chineseWithin(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isChinese(text.charCodeAt(k))) return true;
  return false;
}

const NOTHING = /[,:;?!()]/;

export function restorePunctuation(text: string): PunctuationResult {
  if (!NOTHING.test(text)) return { text, count: 0, first: -1, unbalanced: [], marks: new Map() };
  const result: PunctuationResult = { text, count: 0, first: -1, unbalanced: [], marks: new Map() };

  // protected ranges: URLs, e-mail addresses
  let skip: [number, number][] | null = null;
  if (text.includes('@') || text.includes('://') || text.includes('www.')) {
    skip = [];
    PROTECTED.lastIndex = 0;
    for (let m = PROTECTED.exec(text); m !== null; m = PROTECTED.exec(text)) skip.push([m.index, m.index + m[0].length]);
  }
  const protectedAt = (i: number): boolean => {
    if (skip === null) return false;
    for (const [a, b] of skip) if (i >= a && i < b) return true;
    return false;
  };
  const n = text.length;
  const chinese = (i: number): boolean => i >= 0 && i < n && isChinese(text.charCodeAt(i));

  const convert: number[] = [];
  const stack: number[] = [];
  const pairs: number[] = [];
  // the seven characters, found natively (test() moves lastIndex: no match objects)
  CANDIDATE.lastIndex = 0;
  while (CANDIDATE.test(text)) {
    const i = CANDIDATE.lastIndex - 1;
    if (skip !== null && protectedAt(i)) continue;
    const code = text.charCodeAt(i);
    if (code === 0x28) stack.push(i);
    else if (code === 0x29) {
      const open = stack.pop();
      if (open === undefined) {
        if (chinese(i - 1) || chinese(i + 1)) {
          convert.push(i);
          result.unbalanced.push(i);
        }
      } else pairs.push(open, i);
    } else if (chinese(i - 1) || chinese(i + 1)) convert.push(i);
  }
  for (const open of stack) {
    if (chinese(open - 1) || chinese(open + 1)) {
      convert.push(open);
      result.unbalanced.push(open);
    }
  }
  for (let k = 0; k < pairs.length; k += 2) {
    const open = pairs[k]!;
    const close = pairs[k + 1]!;
    if (chinese(open - 1) || chinese(close + 1) || chineseWithin(text, open + 1, close)) convert.push(open, close);
  }
  if (convert.length === 0) return result;
  convert.sort((a, b) => a - b);

  let out = '';
  let last = 0;
  for (const i of convert) {
    const c = text[i]!;
    const full = FULL[c]!;
    out += text.slice(last, i) + full;
    last = i + 1;
    const key = c === '(' || c === ')' ? '（）' : full;
    result.marks.set(key, (result.marks.get(key) ?? 0) + 1);
  }
  result.count = convert.length;
  result.first = convert[0]!;
  result.text = out + text.slice(last);
  result.unbalanced.sort((a, b) => a - b);
  return result;
}

/** Restore punctuation in a line, with one aggregate message for the line. */
export function punctuateLine(work: WorkLine): number {
  const r = restorePunctuation(work.text);
  if (r.count === 0) return 0;
  const summary = [...r.marks].map(([mark, n]) => `${mark}×${n}`).join(' ');
  note(work, r.first, 'punctuation/full-width', `restored ${r.count} full-width punctuation mark${r.count === 1 ? '' : 's'} (${summary})`);
  for (const at of r.unbalanced) note(work, at, 'punctuation/unbalanced', `unbalanced parenthesis ${work.text[at]} converted by its neighbours`, 'warning');
  // same length: no edit to record
  work.text = r.text;
  return r.count;
}
