import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseEditorialYaml, type Editorial } from '../../scripts/extract/editorial.ts';
import { buildLeaders, resolveLeaderId, type VisitForLeaders } from '../../scripts/extract/leaders.ts';
import { pinyin } from 'pinyin-pro';
import { namePinyin } from '../../scripts/extract/pinyin.ts';
import type { PersonRef, Visit } from '../../src/schemas.ts';
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { fixtures, realEditorial } from './helpers.ts';

const people = parseEditorialYaml(
  readFileSync(join(fixtures, 'people/people.yaml'), 'utf8'),
  'people.yaml',
  z.array(z.object({ id: z.string(), name: z.string(), provinces: z.array(z.string()).optional(), note: z.string().optional(), reason: z.string() })),
);
const editorial: Editorial = { ...realEditorial(), people };

function visit(id: string, start: string, refs: [string, string | null, string | null][]): VisitForLeaders {
  const peopleRefs: PersonRef[] = refs.map(([name, province, role]) => ({
    leader: resolveLeaderId(name, province, start, editorial),
    name,
    province,
    role,
    group: 'host',
    listed: role === null,
  }));
  return { id, data: { start, people: peopleRefs } as unknown as Visit, vfile: new VFile({ path: `${id}.txt` }) };
}

describe('people across visits', () => {
  it('two 张新 in different provinces are two people, through people.yaml', () => {
    const visits = [visit('2024-a', '2024-02-27', [['张新', 'guangdong', null]]), visit('2024-b', '2024-05-01', [['张新', 'shandong', '副省长']])];
    const leaders = buildLeaders(visits, editorial);
    expect(leaders.map((l) => [l.id, l.data.name, l.data.provinces, l.data.visits])).toEqual([
      ['zhang-xin-guangdong', '张新', ['guangdong'], ['2024-a']],
      ['zhang-xin-shandong', '张新', ['shandong'], ['2024-b']],
    ]);
  });

  it('a person who moved provinces is one record, provinces most recent last, with the editorial note', () => {
    const visits = [
      visit('2023-x', '2023-04-12', [['李四', 'zhejiang', '省长']]),
      visit('2019-x', '2019-10-23', [['李四', 'anhui', '副省长']]),
    ];
    const [leader] = buildLeaders(visits, editorial);
    expect(leader!.id).toBe('li-si');
    expect(leader!.data.provinces).toEqual(['anhui', 'zhejiang']);
    expect(leader!.data.roles.map((r) => [r.date, r.role, r.province])).toEqual([
      ['2019-10-23', '副省长', 'anhui'],
      ['2023-04-12', '省长', 'zhejiang'],
    ]);
    expect(leader!.data.visits).toEqual(['2019-x', '2023-x']);
    expect(leader!.data.note).toBe('2019年在安徽，2023年在浙江。');
    expect(visits.flatMap((v) => v.vfile.messages)).toEqual([]);
  });

  it('without an editorial entry, one name in two provinces is one person, with a warning', () => {
    const visits = [visit('a', '2019-01-01', [['王五', 'anhui', null]]), visit('b', '2020-01-01', [['王五', 'zhejiang', null]])];
    const leaders = buildLeaders(visits, editorial);
    expect(leaders).toHaveLength(1);
    expect(visits[1]!.vfile.messages.map((m) => m.ruleId)).toEqual(['extract/person-provinces']);
  });

  it('an editorial name matching no entry’s province is another person, with a warning', () => {
    const warnings: string[] = [];
    expect(resolveLeaderId('张新', 'beijing', '2024-01-01', editorial, { warn: (r) => warnings.push(r) })).toBe('zhang-xin');
    expect(warnings).toHaveLength(1);
  });

  it('two names with the same pinyin get distinct ids (王曦, 王希 → wang-xi, wang-xi-2), with a warning', () => {
    const visits = [visit('a', '2024-01-01', [['王希', 'anhui', null]]), visit('b', '2024-02-01', [['王曦', 'guangdong', null]])];
    const leaders = buildLeaders(visits, editorial);
    expect(leaders.map((l) => [l.id, l.data.name])).toEqual([
      ['wang-xi', '王希'],
      ['wang-xi-2', '王曦'],
    ]);
    expect(visits[1]!.data.people[0]!.leader).toBe('wang-xi-2');
    expect(visits[1]!.vfile.messages.map((m) => m.ruleId)).toEqual(['extract/person-id-clash']);
  });
});

describe('pinyin of names', () => {
  const compound = realEditorial().surnames.compound;
  it.each([
    ['李锦斌', 'Lǐ Jǐnbīn', 'lijinbin', 'li-jinbin'],
    ['单向前', 'Shàn Xiàngqián', 'shanxiangqian', 'shan-xiangqian'],
    ['曾庆红', 'Zēng Qìnghóng', 'zengqinghong', 'zeng-qinghong'],
    ['虞爱华', 'Yú Àihuá', 'yuaihua', 'yu-aihua'],
    ['陈敏尔', "Chén Mǐn'ěr", 'chenminer', 'chen-miner'],
    ['欧阳明高', 'Ōuyáng Mínggāo', 'ouyangminggao', 'ouyang-minggao'],
    ['吕梁', 'Lǚ Liáng', 'lvliang', 'lv-liang'],
  ])('%s → %s, %s, %s', (name, toned, plain, slug) => {
    expect(namePinyin(name, compound)).toEqual({ toned, plain, slug });
  });

  it('the plain forms derived from the toned ones are what pinyin-pro gives without tones, for every surname of the list', () => {
    // namePinyin asks pinyin-pro for the toned readings only and strips the marks itself
    const { single, compound: compounds } = realEditorial().surnames;
    const given = ['女', '绿', '略', '欸', '嗯', '安', '恩', '鸥', '锦斌', '旅军', '月娥'];
    const names: string[] = [];
    let g = 0;
    for (const surname of [...single, ...compounds]) names.push(surname + given[g++ % given.length]!);
    expect(names.length).toBeGreaterThan(400);
    for (const name of names) {
      const k = name.length >= 3 && compounds.has(name.slice(0, 2)) ? 2 : 1;
      const plain = (mode: 'surname' | 'normal', from: number, to?: number) =>
        pinyin(name, { mode, type: 'array', toneType: 'none', v: true })
          .slice(from, to)
          .join('')
          .toLowerCase()
          .replace(/[^a-z]/g, '');
      const s = plain('surname', 0, k);
      const rest = plain('normal', k);
      expect(namePinyin(name, compounds), name).toMatchObject({ plain: s + rest, slug: [s, rest].filter(Boolean).join('-') });
    }
  });
});
