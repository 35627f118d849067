/**
 * The occurrences of a set of dictionary words, read from Context.found (each word's
 * (sentence, end) pairs in reading order) as one list in reading order. Context.occurrences
 * and mentions build a list or a flag for every sentence of the article (then read for every
 * sentence); an extractor that looks only at the few sentences holding its words
 * walks this list instead, which holds only those.
 */
import type { Context, Words } from './context.ts';

/**
 * Triples (sentence index, start offset in the sentence, number of the word in `set.words`)
 * of every occurrence of the words of `set`, by sentence, then start, then word number: for
 * each sentence, what Context.occurrences gives as pairs (start, word number).
 */
export function hitsInOrder(ctx: Pick<Context, 'found'>, set: Words): number[] {
  const found = ctx.found(set);
  const out: number[] = [];
  let lists = 0;
  for (let w = 0; w < found.length; w++) {
    const pairs = found[w];
    if (pairs === undefined) continue;
    lists++;
    const length = set.words[w]!.length;
    for (let j = 0; j < pairs.length; j += 2) out.push(pairs[j]!, pairs[j + 1]! - length, w);
  }
  // one word's occurrences come in reading order already; several are merged
  if (lists > 1) sortTriples(out);
  return out;
}

/** Sorts a flat list of triples (a, b, c) in place by a, then b, then c (an insertion sort: an article holds a few dozen). */
export function sortTriples(list: number[]): void {
  for (let i = 3; i < list.length; i += 3) {
    const a = list[i]!;
    const b = list[i + 1]!;
    const c = list[i + 2]!;
    let j = i - 3;
    while (j >= 0 && (list[j]! > a || (list[j] === a && (list[j + 1]! > b || (list[j + 1] === b && list[j + 2]! > c))))) {
      list[j + 3] = list[j]!;
      list[j + 4] = list[j + 1]!;
      list[j + 5] = list[j + 2]!;
      j -= 3;
    }
    list[j + 3] = a;
    list[j + 4] = b;
    list[j + 5] = c;
  }
}
