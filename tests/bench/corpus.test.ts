import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorialDates, generateCorpus, loadReference, shiftDates, shortName } from '../../scripts/bench/corpus.ts';

const PINYIN = /\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u;
const DATE = /\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}|\d{1,2}月\d{1,2}日/;

describe('shiftDates', () => {
  it('moves full, month-day and day-only dates by the same number of days', () => {
    expect(shiftDates('10月23日,省委书记', '2019-10-23', 10)).toBe('11月2日,省委书记');
    expect(shiftDates('2024年03月01日 06:38', '2024-02-27', 1)).toBe('2024年03月02日 06:38');
    expect(shiftDates('发布时间:2019-05-24作者', '2019-05-22', 10)).toBe('发布时间:2019-06-03作者');
    expect(shiftDates('2月27日至28日,省委书记', '2024-02-27', 3)).toBe('3月1日至2日,省委书记');
    expect(shiftDates('8日至9日,省委书记', '2019-10-08', 24)).toBe('1日至2日,省委书记');
    expect(shiftDates('8日至9日,省委书记', '2019-10-08', 23)).toBe('31日至11月1日,省委书记');
    expect(shiftDates('13日傍晚,浙江省', '2023-04-12', -365)).toBe('13日傍晚,浙江省');
  });

  it('moves years next to the visit and leaves history, counts and times alone', () => {
    expect(shiftDates('审定了《长三角一体化发展2019年工作计划》', '2019-05-22', 366)).toContain('2020年工作计划');
    expect(shiftDates('2004年5月,时任浙江省委书记', '2019-10-08', 800)).toBe('2004年5月,时任浙江省委书记');
    expect(shiftDates('请在30日内进行。15:32:520', '2024-02-27', 40)).toBe('请在30日内进行。15:32:520');
  });
});

describe('generateCorpus', () => {
  const corpus = generateCorpus({ count: 50, seed: 7 });
  const texts = corpus.entries.map((e) => corpus.contents!.get(e.file)!);
  const { divisions } = loadReference();

  it('writes the requested number of files with unique source-style names', () => {
    expect(corpus.entries).toHaveLength(50);
    expect(new Set(corpus.entries.map((e) => e.file)).size).toBe(50);
    for (const e of corpus.entries) expect(e.file).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
    expect(generateCorpus({ count: 0 }).entries).toHaveLength(0);
    expect(() => generateCorpus({ count: -1 })).toThrow(/count/);
  });

  it('is deterministic, and a smaller corpus is a prefix of a larger one', () => {
    const again = generateCorpus({ count: 50, seed: 7 });
    expect([...again.contents!]).toEqual([...corpus.contents!]);
    const small = generateCorpus({ count: 20, seed: 7 });
    expect([...small.contents!.values()]).toEqual(texts.slice(0, 20));
    const other = generateCorpus({ count: 20, seed: 8 });
    expect([...other.contents!.values()]).not.toEqual(texts.slice(0, 20));
  });

  it('writes the same bytes to disk as it generates in memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-test-'));
    try {
      const written = generateCorpus({ count: 12, seed: 7, outDir: dir });
      expect(readdirSync(dir).sort()).toEqual(written.entries.map((e) => e.file).sort());
      for (const e of written.entries) expect(readFileSync(join(dir, e.file), 'utf8')).toBe(corpus.contents!.get(e.file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('damages two articles in five, like the real sources, and only those', () => {
    const damaged = corpus.entries.filter((e) => e.damaged);
    expect(damaged).toHaveLength(20);
    corpus.entries.forEach((e, i) => {
      const text = texts[i]!;
      if (e.damaged) {
        expect(text, e.file).toMatch(PINYIN);
        expect(text, e.file).toMatch(/[這們發說經國會區]/); // traditional script
      } else {
        expect(text, e.file).not.toMatch(PINYIN);
        expect(text, e.file).not.toMatch(/[這們發說經國會]/);
      }
      expect(text, e.file).not.toMatch(/[，：；？！（）]/); // punctuation flattened, as in every source
    });
    const all = damaged.map((e) => corpus.contents!.get(e.file)!).join('\n');
    expect(all).toMatch(/\p{Script=Han}\?\?/u); // a lost end of a name (吳政??)
    expect(all).toMatch(/\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u); // a character lost with its `(` (重?fù))
  });

  it('produces articles of the genre: dates, real provinces, officials, chrome', () => {
    const names = new Set(divisions.map((d) => d.name));
    corpus.entries.forEach((e, i) => {
      const text = texts[i]!;
      expect(text, e.file).toMatch(DATE);
      expect(e.start >= '2012-01-01' && e.start <= '2025-12-31', e.start).toBe(true);
      expect(e.provinces.length).toBeGreaterThanOrEqual(2);
      expect(new Set(e.provinces).size).toBe(e.provinces.length);
      for (const p of e.provinces) expect(names.has(p), p).toBe(true);
      // simplified text of the article (before damage) names its provinces and people
      const plain = [e.title, ...e.paragraphs].join('\n');
      for (const p of e.provinces) expect(plain, `${e.file} ${p}`).toContain(shortName(p));
      expect(e.people.length).toBeGreaterThan(0);
      expect(plain).toContain(e.people[0]!);
      expect(plain).toMatch(/党政代表团|代表团|座谈会/);
      expect(e.paragraphs.join('').length).toBeGreaterThan(1000);
    });
    // the template's own chrome is kept (footer of the party-school site, related-article lists)
    expect(texts[0]).toMatch(/Copyright \? 2011/);
    expect(texts[4]).toContain('推荐阅读');
  });

  it('keeps stated intervals true, and gives an editorial year to articles that state none', () => {
    for (const e of corpus.entries.filter((x) => x.template.startsWith('003'))) {
      const text = corpus.contents!.get(e.file)!;
      const m = text.match(/(\d+)年前/);
      if (m) expect(Number(m[1]), e.file).toBe(Number(e.start.slice(0, 4)) - 2004);
    }
    const yaml = editorialDates(corpus.entries);
    const without = corpus.entries.filter((e) => !e.statesYear);
    expect(without.length).toBe(20); // templates 000 and 003
    for (const e of without) expect(yaml).toContain(`- file: ${e.file}\n  year: ${e.start.slice(0, 4)}\n  reason: `);
  });

  it('spreads visits over the divisions and years, and leaders recur across visits', () => {
    const big = generateCorpus({ count: 500, seed: 1 });
    const provinces = new Set(big.entries.flatMap((e) => e.provinces));
    expect(provinces.size).toBeGreaterThanOrEqual(28);
    const years = new Set(big.entries.map((e) => e.start.slice(0, 4)));
    expect(years.size).toBe(14);
    const seen = new Map<string, number>();
    for (const e of big.entries) for (const p of e.people) seen.set(p, (seen.get(p) ?? 0) + 1);
    const recurring = [...seen.values()].filter((n) => n >= 3).length;
    expect(recurring).toBeGreaterThan(50);
    // bounded: nobody is in a fifth of the archive
    expect(Math.max(...seen.values())).toBeLessThan(100);
  });
});
