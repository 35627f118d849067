/**
 * The five real sources against answers written by hand after reading each article in full
 * (tests/extract/answers/*.yaml): dates per leg, provinces, every named official with province,
 * role and side, business people, places, the meeting, publishers and credits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalize } from '../../scripts/normalize.ts';
import { cleanSource } from '../../scripts/pipeline/clean.ts';
import type { Leader, Visit } from '../../src/schemas.ts';

const root = resolve(import.meta.dirname, '../..');
const answersDir = join(import.meta.dirname, 'answers');

interface Answer {
  file: string;
  title: string;
  titleInferred: boolean;
  originalTitle?: string;
  kind: Visit['kind'];
  visiting: string | null;
  hosts: string[];
  provinces?: string[];
  start: string;
  end: string;
  year: 'inferred' | 'supplied' | 'stated';
  legs: { province: string | null; dates: string[]; whereIncludes?: string }[];
  published: null | { date: string; timeStartsWith?: string; inferred?: boolean };
  publishers: string[];
  credits: { role: string; name: string }[];
  meeting: { name: string; date?: string; where?: string; province: string | null };
  people: { name: string; province: string | null; role: string | null; group: string; listed: boolean }[];
  others: { name: string; affiliation?: string }[];
  places: Record<string, string>;
  placeDates?: Record<string, string>;
}

const answers: Answer[] = readdirSync(answersDir)
  .filter((f) => /^\d{3}\.yaml$/.test(f))
  .sort()
  .map((f) => parse(readFileSync(join(answersDir, f), 'utf8')) as Answer);
const people = parse(readFileSync(join(answersDir, 'people.yaml'), 'utf8')) as {
  sameAcrossVisits: Record<string, number>;
  pinyin: Record<string, { toned: string; plain: string; id: string }>;
  notOfficials: string[];
};

const visits = new Map<string, { id: string; data: Visit; body: string }>();
const leaders = new Map<string, Leader & { id: string }>();

beforeAll(() => {
  const out = normalize(
    { root, sources: join(root, 'content/sources'), out: join(root, 'content/generated'), editorial: join(root, 'content/editorial') },
    (bytes, path) => cleanSource(bytes, path),
  );
  expect(out.errors).toEqual([]);
  for (const [path, content] of out.files) {
    if (path.startsWith('visits/')) {
      const [, front, body] = content.split(/^---\n/m) as [string, string, string];
      const data = parse(front) as Visit;
      visits.set(data.source.file, { id: path.slice(7, -3), data, body });
    } else if (path.startsWith('leaders/')) {
      leaders.set(path.slice(8, -5), { id: path.slice(8, -5), ...(JSON.parse(content) as Leader) });
    }
  }
});

const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => (a.name < b.name ? -1 : 1));

describe.each(answers.map((a) => [a.file, a] as const))('answers for %s', (file, answer) => {
  const visit = () => {
    const v = visits.get(file);
    expect(v, `${file} produced no visit`).toBeDefined();
    return v!.data;
  };

  it('title, kind, provinces, dates', () => {
    const v = visit();
    expect(v.title).toBe(answer.title);
    expect(v.originalTitle).toBe(answer.originalTitle);
    expect(v.inferences.some((i) => i.field === 'title')).toBe(answer.titleInferred);
    expect(v.kind).toBe(answer.kind);
    expect(v.visiting).toBe(answer.visiting);
    expect(v.hosts).toEqual(answer.hosts);
    if (answer.provinces) expect([...v.provinces].sort()).toEqual([...answer.provinces].sort());
    else expect(v.provinces).toEqual([answer.visiting, ...answer.hosts].filter(Boolean));
    expect([v.start, v.end]).toEqual([answer.start, answer.end]);
  });

  it('the year: stated, inferred from the article, or supplied by an editorial file with a reason', () => {
    const v = visit();
    const year = v.inferences.find((i) => i.field === 'dates');
    if (answer.year === 'stated') expect(year).toBeUndefined();
    else {
      expect(year?.how).toBe(answer.year);
      expect(year?.value).toBe(answer.start.slice(0, 4));
      expect(year?.reason.length).toBeGreaterThan(10);
      if (answer.year === 'supplied') expect(year?.source).toMatch(/^content\/editorial\/dates\.yaml#/);
    }
  });

  it('legs, day by day', () => {
    const legs = visit().legs;
    expect(legs.map((l) => ({ province: l.province, dates: l.dates }))).toEqual(answer.legs.map((l) => ({ province: l.province, dates: l.dates })));
    answer.legs.forEach((l, i) => {
      if (l.whereIncludes) expect(legs[i]!.where).toContain(l.whereIncludes);
    });
  });

  it('publication, publishers and credits (credits are never officials)', () => {
    const v = visit();
    if (answer.published === null) {
      expect(v.inferences.some((i) => i.field === 'published.date')).toBe(true);
    } else {
      expect(v.published.date).toBe(answer.published.date);
      if (answer.published.timeStartsWith) expect(v.published.time).toMatch(new RegExp(`^${answer.published.timeStartsWith}`));
      expect(v.inferences.some((i) => i.field === 'published.date')).toBe(Boolean(answer.published.inferred));
    }
    expect(v.publishers).toEqual(answer.publishers);
    expect(v.credits.map((c) => ({ role: c.role, name: c.name }))).toEqual(answer.credits);
    const officials = new Set(v.people.map((p) => p.name));
    for (const c of v.credits) expect(officials.has(c.name), `${c.name} is a credit, not an official`).toBe(false);
  });

  it('the main meeting', () => {
    const m = visit().meeting;
    expect(m).not.toBeNull();
    expect(m!.name).toBe(answer.meeting.name);
    expect(m!.date).toBe(answer.meeting.date);
    expect(m!.province ?? null).toBe(answer.meeting.province);
    if (answer.meeting.where) expect(m!.where).toBe(answer.meeting.where);
  });

  it('every named official with province, role as written, side and list flag', () => {
    const got = visit().people.map((p) => ({ name: p.name, province: p.province, role: p.role, group: p.group, listed: p.listed }));
    expect(byName(got)).toEqual(byName(answer.people));
  });

  it('business people apart from officials', () => {
    const v = visit();
    expect(v.others.map((o) => ({ name: o.name, ...(o.affiliation ? { affiliation: o.affiliation } : {}) }))).toEqual(answer.others);
    for (const o of v.others) expect(v.people.some((p) => p.name === o.name)).toBe(false);
  });

  it('places visited, with their kind', () => {
    const v = visit();
    const got = Object.fromEntries(v.places.map((p) => [p.name, p.kind]));
    expect(got).toEqual(answer.places);
    for (const [name, date] of Object.entries(answer.placeDates ?? {})) expect(v.places.find((p) => p.name === name)?.date, name).toBe(date);
  });

  it('every place and person named in the record occurs in the article text', () => {
    const v = visits.get(file)!;
    const text = v.body.replace(/\\(.)/g, '$1');
    for (const p of v.data.places) expect(text, p.name).toContain(p.name);
    for (const p of v.data.people) expect(text, p.name).toContain(p.name);
  });
});

describe('people across the five articles', () => {
  it.each(Object.entries(people.sameAcrossVisits))('%s is one leader record in %i visits', (name, count) => {
    const records = [...leaders.values()].filter((l) => l.name === name);
    expect(records).toHaveLength(1);
    expect(records[0]!.visits).toHaveLength(count);
  });

  it.each(Object.entries(people.pinyin))('%s has pinyin and an ASCII id', (name, expected) => {
    const record = [...leaders.values()].find((l) => l.name === name)!;
    expect({ toned: record.pinyin, plain: record.pinyinPlain, id: record.id }).toEqual(expected);
  });

  it('journalists, editors, business people and historical figures are never leaders', () => {
    const names = new Set([...leaders.values()].map((l) => l.name));
    for (const n of people.notOfficials) expect(names.has(n), n).toBe(false);
  });

  it('roles are kept as written at the time, with the visit and its date', () => {
    const cheJun = [...leaders.values()].find((l) => l.name === '车俊')!;
    expect(cheJun.roles.map((r) => [r.date, r.role, r.province])).toEqual([
      ['2019-05-22', '省委书记', 'zhejiang'],
      ['2019-10-08', '省委书记', 'zhejiang'],
      ['2019-10-23', '省委书记', 'zhejiang'],
    ]);
    const liQiang = [...leaders.values()].find((l) => l.name === '李强')!;
    expect(liQiang.roles[0]!.role).toBe('中共中央政治局委员、上海市委书记');
  });
});
