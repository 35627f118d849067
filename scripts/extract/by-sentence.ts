/**
 * Reading the dictionary pass's occurrences sentence by sentence, and trying a pattern only at
 * given positions: shared by the extractors that look only at the few sentences holding their
 * words (see hits.ts).
 */
import { sortPairs } from './context.ts';

/**
 * The (sentence, end) pairs of a set of words (Context.found: each word's, in reading order),
 * grouped: for each sentence holding one of the words, in order, its index and where they end
 * there (increasing, each once), as Context.wordEnds gives them, without a list for every
 * sentence of the article.
 */
export function endsBySentence(found: readonly (readonly number[] | undefined)[]): { index: number; ends: number[] }[] {
  const lists = found.filter((pairs) => pairs !== undefined);
  // one word's pairs come in reading order already; several are merged
  let pairs: readonly number[] = lists[0] ?? [];
  if (lists.length > 1) {
    const merged = lists.flat();
    sortPairs(merged);
    pairs = merged;
  }
  const out: { index: number; ends: number[] }[] = [];
  for (let j = 0; j < pairs.length; ) {
    const index = pairs[j]!;
    const ends: number[] = [];
    for (; j < pairs.length && pairs[j] === index; j += 2) if (ends.at(-1) !== pairs[j + 1]) ends.push(pairs[j + 1]!);
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
