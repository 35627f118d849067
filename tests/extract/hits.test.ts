import { describe, expect, it } from 'vitest';
import { firstUnits, scanNear, wordEnds, words } from '../../scripts/extract/context.ts';
import { hitsInOrder, sortTriples } from '../../scripts/extract/hits.ts';
import { context } from './helpers.ts';
import { seeded } from './random.ts';

/** Context.occurrences flattened to triples (sentence, start, word number), the reference. */
function fromOccurrences(occurrences: readonly (readonly number[] | undefined)[]): number[] {
  const out: number[] = [];
  occurrences.forEach((pairs, k) => {
    for (let j = 0; pairs !== undefined && j < pairs.length; j += 2) out.push(k, pairs[j]!, pairs[j + 1]!);
  });
  return out;
}

/** The same triples by a search of each sentence for each word (indexOf), independent of the dictionary pass. */
function bySearch(sentences: readonly { text: string }[], list: readonly string[]): number[] {
  return sentences.flatMap((s, k) => {
    const hits: [number, number, number][] = [];
    list.forEach((word, w) => {
      for (let i = s.text.indexOf(word); i !== -1; i = s.text.indexOf(word, i + 1)) hits.push([k, i, w]);
    });
    return hits.sort((a, b) => a[1] - b[1] || a[2] - b[2]).flat();
  });
}

describe('hitsInOrder', () => {
  it('gives per sentence what Context.occurrences gives, in reading order', () => {
    const ctx = context([
      ['title', '浙江省党政代表团赴重庆学习考察'],
      ['body', '省委书记、省人大常委会主任车俊率团。代表团与重庆市委书记陈敏尔座谈！常委常委员会。'],
      ['body', '没有要找的词。书记书记。'],
    ]);
    const sets = [words('书记', '主任', '常委', '委员', '常委员'), words('代表团'), words('座谈', '书记', '团'), words('没有人')];
    for (const set of sets) {
      expect(hitsInOrder(ctx, set)).toEqual(fromOccurrences(ctx.occurrences(set)));
      expect(hitsInOrder(ctx, set)).toEqual(bySearch(ctx.sentences, set.words));
    }
    expect(hitsInOrder(ctx, sets[1]!)).toEqual([0, 5, 0, 2, 0, 0]);
    expect(hitsInOrder(ctx, sets[3]!)).toEqual([]);
  });

  it('agrees with Context.occurrences on random texts', () => {
    const random = seeded(17);
    const alphabet = '省委书记主任常委员会代表团在到赴前往。，';
    const set = words('书记', '常委', '委员', '常委员', '在', '到', '前往', '代表团', '团');
    let hits = 0;
    for (let n = 0; n < 200; n++) {
      const line = () => Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const ctx = context([['title', line()], ['body', line()], ['body', line()]]);
      const got = hitsInOrder(ctx, set);
      expect(got).toEqual(fromOccurrences(ctx.occurrences(set)));
      // (Context.occurrences is cut from hitsInOrder: a search of each sentence is the reference)
      expect(got).toEqual(bySearch(ctx.sentences, set.words));
      hits += got.length / 3;
    }
    expect(hits).toBeGreaterThan(500);
  });
});

describe('sortTriples', () => {
  it('sorts triples by their first, then second, then third number', () => {
    const random = seeded(5);
    for (let n = 0; n < 300; n++) {
      const triples = Array.from({ length: Math.floor(random() * 12) }, () => [0, 0, 0].map(() => Math.floor(random() * 4)) as [number, number, number]);
      const list = triples.flat();
      sortTriples(list);
      const expected = [...triples].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).flat();
      expect(list).toEqual(expected);
    }
  });
});

describe('scanNear with a pattern picked at each position', () => {
  it('finds what the fixed pattern finds', () => {
    const random = seeded(9);
    const re = /(?:江苏|上海)?(?:省|市)?领导/uy;
    const plain = /(?:省|市)?领导/uy;
    const first = firstUnits(['江', '上', '省', '市', '领']);
    const pieces = ['江苏', '上海', '省', '市', '领导', '，', '的'];
    let total = 0;
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const ends = wordEnds(text, ['领导']);
      const expected = scanNear(re, first, text, ends, 6).map((m) => [m.index, m[0]]);
      // the whole pattern everywhere, or the one without the names where none starts
      expect(scanNear(() => re, first, text, ends, 6).map((m) => [m.index, m[0]])).toEqual(expected);
      const pick = (t: string, i: number) => (t.startsWith('江苏', i) || t.startsWith('上海', i) ? re : plain);
      expect(scanNear(pick, first, text, ends, 6).map((m) => [m.index, m[0]])).toEqual(expected);
      // undefined: nothing tried there
      expect(scanNear(() => undefined, first, text, ends, 6)).toEqual([]);
      total += expected.length;
    }
    expect(total).toBeGreaterThan(100);
  });
});
