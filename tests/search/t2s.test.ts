/**
 * The browser's traditional → simplified table against opencc-js itself: built from a real article,
 * it must turn every traditional spelling OpenCC produces (cn→t, cn→tw, cn→hk) of every 2–4
 * character substring back into the simplified text, and agree with OpenCC's own t→cn.
 */
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { buildT2S } from '../../scripts/search/t2s.ts';
import { formatT2S, parseT2S, segments, spellings } from '../../src/scripts/search/text.ts';

const article = readFileSync(new URL('./fixtures/article.txt', import.meta.url), 'utf8');
const runs = segments(article).filter((s) => s.han).map((s) => s.text);
const table = parseT2S(formatT2S(buildT2S(runs)));

function substrings(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) for (let n = 2; n <= 4 && i + n <= chars.length; n++) out.push(chars.slice(i, i + n).join(''));
  return out;
}

describe('traditional → simplified table', () => {
  it('is restricted to the characters of the corpus', () => {
    const corpus = new Set(runs.flatMap((r) => Array.from(r)));
    expect(table.size).toBeGreaterThan(50);
    for (const [, candidates] of table) for (const s of candidates) expect(corpus.has(s)).toBe(true);
  });

  it('agrees with opencc-js t→cn for every character it maps', () => {
    const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });
    for (const [t, candidates] of table) {
      const opencc = t2cn(t);
      // OpenCC's own answer comes first whenever it is a character of the corpus
      if (candidates.includes(opencc)) expect(candidates[0]).toBe(opencc);
    }
  });

  for (const to of ['t', 'tw', 'hk'] as const) {
    it(`reads back every cn→${to} spelling of every 2–4 character substring`, () => {
      const convert = OpenCC.Converter({ from: 'cn', to });
      const queries = [...new Set(runs.flatMap(substrings))];
      let changed = 0;
      const missed: string[] = [];
      for (const q of queries) {
        const trad = convert(q);
        if (trad === q) continue;
        changed++;
        if (!spellings(trad, table).includes(q)) missed.push(`${trad} → ${q}`);
      }
      expect(changed).toBeGreaterThan(100);
      expect(missed).toEqual([]);
    });
  }

  it('knows the reader examples from the issue', () => {
    const corpus = buildT2S(['李锦斌', '芜湖', '长三角']);
    expect(spellings('李錦斌', corpus)[0]).toBe('李锦斌');
    expect(spellings('蕪湖', corpus)[0]).toBe('芜湖');
    expect(spellings('長三角', corpus)[0]).toBe('长三角');
  });

  it('keeps a traditional form the corpus itself has, and searches no form it lacks', () => {
    const corpus = buildT2S(['乾隆年间', '天气干燥', '芜湖']);
    expect(corpus.get('乾')).toContain('乾');
    expect(spellings('乾隆', corpus)).toContain('乾隆');
    expect(spellings('乾燥', corpus)).toContain('干燥');
    // 蕪 is not in the corpus: the as-typed spelling could match nothing and is not searched
    expect(spellings('蕪湖', corpus)).toEqual(['芜湖']);
  });
});
