/**
 * Reading the dictionary pass's occurrences sentence by sentence, and trying a pattern only at
 * given positions: shared by the extractors that look only at the few sentences holding their
 * words (see hits.ts).
 */
import { sortPairs } from './context.ts';

/**
 * The (sentence, end) pairs of a set of words (Context.found: each word's, in reading order),
 * grouped: for each sentence holding one of the words, in order, its index and where they end
 * there (increasing, each once), as the standalone `wordEnds` (context.ts) finds them, without a list for every
 * sentence of the article.
 */
export function endsBySentence(found: readonly (readonly number[] | undefined)[]): { index: number; ends: number[] }[] {
  // one word's pairs come in reading order already; several are merged
  let pairs: readonly number[] | undefined;
  let merged: number[] | undefined;
  for (const list of found) {
    if (list === undefined) continue;
    if (pairs === undefined) pairs = list;
    else {
      if (merged === undefined) merged = pairs.slice();
      for (let j = 0; j < list.length; j++) merged.push(list[j]!);
    }
  }
  if (merged !== undefined) {
    sortPairs(merged);
    pairs = merged;
  }
  const out: { index: number; ends: number[] }[] = [];
  if (pairs === undefined) return out;
  for (let j = 0; j < pairs.length; ) {
    const index = pairs[j]!;
    const ends: number[] = [pairs[j + 1]!];
    for (j += 2; j < pairs.length && pairs[j] === index; j += 2) if (pairs[j + 1] !== ends[ends.length - 1]) ends.push(pairs[j + 1]!);
    out.push({ index, ends });
  }
  return out;
}

/**
 * The matches `text.matchAll(re)` gives (`re`: the same pattern, sticky), trying it only at the
 * starts given in increasing order, which must hold every position where a match can start,
 * and resuming after each match as matchAll does. `ahead`: a cheap condition every match at `i`
 * meets, tried before the pattern.
 */
export function matchesAt(re: RegExp, text: string, starts: readonly number[], ahead?: (text: string, i: number) => boolean): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let after = 0;
  for (const i of starts) {
    if (i < after || (ahead !== undefined && !ahead(text, i))) continue;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null) continue;
    out.push(m);
    after = i + Math.max(1, m[0].length);
  }
  return out;
}
