import { describe, expect, it } from 'vitest';
import { EditorialError, type Editorial, parseEditorialYaml, tidy } from '../../scripts/extract/editorial.ts';
import { loadGeography, provinceOf, provinceRecords, shortName } from '../../scripts/extract/provinces.ts';
import { provinceSchema } from '../../src/schemas.ts';
import { z } from 'astro/zod';
import { realEditorial } from './helpers.ts';

describe('provincial-level divisions', () => {
  const geo = loadGeography(realEditorial());
  const records = provinceRecords(geo);

  it('all 34, from the data package, valid records with distinct slugs, codes and tiles', () => {
    expect(records).toHaveLength(34);
    for (const r of records) expect(provinceSchema.safeParse(r.data).success, r.id).toBe(true);
    expect(new Set(records.map((r) => r.id)).size).toBe(34);
    expect(new Set(records.map((r) => r.data.code)).size).toBe(34);
    expect(new Set(records.map((r) => `${r.data.grid.row},${r.data.grid.col}`)).size).toBe(34);
  });

  it('slugs from pinyin, with the editorial override 陕西 → shaanxi beside 山西 → shanxi', () => {
    const id = (name: string) => provinceOf(geo, name)?.id;
    expect([id('陕西'), id('山西'), id('内蒙古'), id('重庆'), id('安徽省'), id('香港特别行政区')]).toEqual(['shaanxi', 'shanxi', 'neimenggu', 'chongqing', 'anhui', 'xianggang']);
    const anhui = records.find((r) => r.id === 'anhui')!.data;
    expect(anhui).toEqual({ name: '安徽省', short: '安徽', abbr: '皖', code: '340000', kind: 'province', pinyin: 'Ānhuī', grid: { row: 4, col: 5 } });
    expect(records.find((r) => r.id === 'guangxi')!.data.kind).toBe('autonomous-region');
    expect(records.find((r) => r.id === 'shanghai')!.data.kind).toBe('municipality');
    expect(records.find((r) => r.id === 'aomen')!.data.kind).toBe('sar');
  });

  it('a name with a suffix shortName drops, or not, is looked up as the full name, then as its short name', () => {
    const id = (name: string) => provinceOf(geo, name)?.id;
    expect(['安徽市', '上海省', '广西自治区', '广西壮族自治区', '新疆维吾尔自治区', '澳门特别行政区', '东海省', '芜湖', '朝阳区', '安徽人'].map(id)).toEqual([
      'anhui', 'shanghai', 'guangxi', 'guangxi', 'xinjiang', 'aomen', undefined, undefined, undefined, undefined,
    ]);
  });

  it('short names', () => {
    expect(['内蒙古自治区', '广西壮族自治区', '宁夏回族自治区', '新疆维吾尔自治区', '香港特别行政区', '上海市', '台湾省'].map(shortName)).toEqual(['内蒙古', '广西', '宁夏', '新疆', '香港', '上海', '台湾']);
  });

  it('a division without a tile, or two divisions on one tile, is an editorial error', () => {
    const base = realEditorial();
    const { 安徽省: _, ...tiles } = base.grid.tiles;
    expect(() => loadGeography({ ...base, grid: { ...base.grid, tiles } } as Editorial)).toThrow(/安徽省: no tile position/);
    expect(() => loadGeography({ ...base, grid: { ...base.grid, tiles: { ...base.grid.tiles, 安徽省: { row: 0, col: 8 } } } } as Editorial)).toThrow(/share the tile/);
  });
});

describe('editorial files', () => {
  it('a problem is reported as file:line: field: problem', () => {
    const schema = z.array(z.object({ file: z.string(), year: z.number().int(), reason: z.string().min(10) }));
    const yaml = ['- file: a.txt', '  year: 2019', '  reason: long enough reason', '- file: b.txt', '  year: twenty', '  reason: short'].join('\n');
    let error: unknown;
    try {
      parseEditorialYaml(yaml, 'content/editorial/dates.yaml', schema);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EditorialError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toMatch(/^content\/editorial\/dates\.yaml:5: 1\.year: /);
    expect(lines[1]).toMatch(/^content\/editorial\/dates\.yaml:6: 1\.reason: /);
  });

  it('broken YAML names the file and line', () => {
    expect(() => parseEditorialYaml('a: [1, 2\nb: 3', 'content/editorial/x.yaml', z.unknown())).toThrow(/^content\/editorial\/x\.yaml:\d+: YAML: /);
  });

  it('folded reasons lose the line-break spaces between Chinese characters only', () => {
    expect(tidy('原文无发布日期，\n 见来源001） 作为 the 芜湖会议 (the meeting)')).toBe('原文无发布日期，见来源001）作为 the 芜湖会议 (the meeting)');
  });

  it('every entry of the real editorial files has a reason', () => {
    const e = realEditorial();
    for (const list of [e.dates, e.people, e.places, e.publishers]) for (const entry of list) expect(entry.reason.length).toBeGreaterThan(10);
  });
});
