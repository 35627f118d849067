import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { htmlToText } from '../../scripts/search/html-text.ts';
import { leaderRecord, plainPinyin, provinceRecord, routeOf, visitRecord } from '../../scripts/search/records.ts';
import { leaderSchema, provinceSchema, visitSchema, type Province } from '../../src/schemas.ts';
import { decode } from '../../src/scripts/search/text.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const source = fixture('visit.md');
const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
const visit = visitSchema.parse(parse(front));
const provinces = new Map<string, Province>(
  ['zhejiang', 'chongqing', 'anhui'].map((id) => [id, provinceSchema.parse(JSON.parse(fixture(`${id}.json`)))]),
);

describe('visit record', () => {
  const record = visitRecord({ id: '2019-10-08-zhejiang-chongqing', data: visit, text: body }, provinces);
  const text = decode(record.content);

  it('links to the site path (Pagefind adds the base)', () => {
    expect(record.url).toBe('/visits/2019-10-08-zhejiang-chongqing/');
  });

  it('holds the title, the article and every name and place of the front matter', () => {
    expect(text.startsWith(visit.title)).toBe(true);
    expect(text).toContain('果园港是中国最大的内河水');
    for (const p of visit.people) expect(text).toContain(p.name);
    for (const p of visit.places) expect(text).toContain(p.name);
  });

  it('has the facets and the sort key', () => {
    expect(record.filters.kind).toEqual(['visit']);
    expect(record.filters.year).toEqual(['2019']);
    expect(record.filters.province).toEqual(['chongqing', 'zhejiang']);
    expect(record.filters.leader).toContain('che-jun');
    expect(record.sort).toEqual({ date: '2019-10-08' });
    expect(record.meta).toMatchObject({ title: visit.title, start: '2019-10-08', route: '浙江 → 重庆' });
  });

  it('describes a meeting by its members', () => {
    expect(routeOf({ ...visit, visiting: null, provinces: ['zhejiang', 'anhui'] }, provinces)).toBe('浙江、安徽');
  });
});

describe('leader and province records', () => {
  const leader = leaderSchema.parse(JSON.parse(fixture('leader.json')));

  it('make a leader findable by name and by pinyin with or without spaces', () => {
    const record = leaderRecord({ id: 'li-jinbin', data: leader }, provinces, ['li', 'jin', 'bin']);
    const text = decode(record.content);
    expect(record.url).toBe('/leaders/li-jinbin/');
    expect(text).toContain('李锦斌');
    expect(text).toContain('li jinbin');
    expect(text).toContain('lijinbin');
    expect(text).toContain('li jin bin');
    expect(record.filters.kind).toEqual(['entity']);
    expect(record.meta.type).toBe('leader');
  });

  it('strips tone marks from pinyin', () => {
    expect(plainPinyin('Lǐ Jǐnbīn')).toBe('li jinbin');
    expect(plainPinyin('Lǚ Xīn')).toBe('lv xin');
    expect(plainPinyin('Lǚ Xīn', 'u')).toBe('lu xin');
  });

  it('make a province findable by its names', () => {
    const record = provinceRecord({ id: 'anhui', data: provinces.get('anhui')! });
    expect(decode(record.content)).toContain('安徽省');
    expect(record.meta).toMatchObject({ type: 'province', title: '安徽省' });
  });
});

describe('article text', () => {
  it('is what the reader sees of the rendered HTML', () => {
    expect(htmlToText('<p>果园港 &#x26; <strong>涪陵</strong></p>\n<p>a&lt;b <img alt="图" src="x"><!-- c --> ¶</p>')).toBe('¶ 果园港 & 涪陵\n¶ a<b ⁋');
  });
});
