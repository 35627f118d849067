/**
 * Every cross-index the pages need, computed once per build from the three collections.
 *
 * Pure: records in, indexes out (no Astro import), so it is unit-tested on fixtures and the cost
 * of a build stays linear in the number of visits: every index is built in one pass over the
 * visits and their people; related visits are ranked from the leader and province indexes
 * (candidates share at least one key), never by comparing all pairs.
 */
import type { Leader, PersonRef, Province, Visit } from '../schemas.ts';
import { monthOf, yearOf } from './dates.ts';

export interface Rec<T> {
  id: string;
  data: T;
}
export type VisitRec = Rec<Visit>;
export type LeaderRec = Rec<Leader>;
export type ProvinceRec = Rec<Province>;

/** One person's appearance in one visit. */
export interface Appearance {
  visit: VisitRec;
  person: PersonRef;
}

/** A role as seen in the articles, with the first and last date it was seen. */
export interface RoleSpan {
  role: string;
  province: string | null;
  first: string;
  last: string;
  /** the visit where it was first seen */
  visit: string;
  count: number;
}

export interface Flow {
  from: string;
  to: string;
  count: number;
}

export interface Partner {
  province: string;
  /** visits this province sent to the partner */
  sent: number;
  /** visits this province received from the partner */
  received: number;
  /** multilateral meetings both attended */
  meetings: number;
  total: number;
}

export interface Companion {
  leader: string;
  name: string;
  count: number;
}

export interface MonthCount {
  year: number;
  month: number;
  count: number;
}

export interface Archive {
  /** all visits, oldest first (start date, then id) */
  visits: VisitRec[];
  /** all visits, newest first */
  latest: VisitRec[];
  visitById: Map<string, VisitRec>;
  leaders: LeaderRec[];
  leaderById: Map<string, LeaderRec>;
  /** provinces in code order */
  provinces: ProvinceRec[];
  provinceById: Map<string, ProvinceRec>;
  /** years with visits, newest first */
  years: number[];
  /** visits per year, newest first */
  byYear: Map<number, VisitRec[]>;
  /** visits each province took part in, newest first */
  byProvince: Map<string, VisitRec[]>;
  /** visits a province sent (it was the visiting side), newest first */
  sent: Map<string, VisitRec[]>;
  /** visits a province received (it was a host), newest first */
  received: Map<string, VisitRec[]>;
  /** appearances of each leader, oldest first */
  byLeader: Map<string, Appearance[]>;
  /** visiting → host flows, most frequent first */
  flows: Flow[];
  /** visits per year and month, oldest first, months without visits left out */
  months: MonthCount[];
  /** neighbours in date order */
  prevNext(id: string): { prev?: VisitRec; next?: VisitRec };
  /** up to `n` visits sharing the most leaders (weighted) and provinces with this one */
  related(id: string, n?: number): VisitRec[];
  /** partner provinces of a province, most frequent first */
  partners(province: string): Partner[];
  /** leaders seen for a province (served there at the time), most appearances first */
  leadersOf(province: string): { leader: LeaderRec; count: number }[];
  /** the roles a leader was seen in, in the order first seen */
  roles(leader: string): RoleSpan[];
  /** the people a leader appeared with most, most shared visits first */
  companions(leader: string, n?: number): Companion[];
}

/**
 * Related visits are ranked among the visits of the same leaders and provinces that are nearest
 * in date: at most this many per leader or province, which bounds the work per visit.
 */
export const RELATED_WINDOW = 40;

const byDateAsc = (a: VisitRec, b: VisitRec): number =>
  a.data.start < b.data.start ? -1 : a.data.start > b.data.start ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Pinyin order for names (plain ASCII pinyin first, then the characters). */
export function comparePinyin(a: LeaderRec, b: LeaderRec): number {
  const pa = a.data.pinyinPlain;
  const pb = b.data.pinyinPlain;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.data.name < b.data.name ? -1 : a.data.name > b.data.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildArchive(input: { visits: VisitRec[]; leaders: LeaderRec[]; provinces: ProvinceRec[] }): Archive {
  const visits = [...input.visits].sort(byDateAsc);
  const latest = [...visits].reverse();
  const visitById = new Map(visits.map((v) => [v.id, v]));
  const leaders = [...input.leaders].sort(comparePinyin);
  const leaderById = new Map(leaders.map((l) => [l.id, l]));
  const provinces = [...input.provinces].sort((a, b) => (a.data.code < b.data.code ? -1 : a.data.code > b.data.code ? 1 : 0));
  const provinceById = new Map(provinces.map((p) => [p.id, p]));
  const position = new Map(visits.map((v, i) => [v.id, i]));

  const byYear = new Map<number, VisitRec[]>();
  const byProvince = new Map<string, VisitRec[]>();
  const sent = new Map<string, VisitRec[]>();
  const received = new Map<string, VisitRec[]>();
  const byLeader = new Map<string, Appearance[]>();
  const flowCounts = new Map<string, Flow>();
  const monthCounts = new Map<string, MonthCount>();

  for (const v of latest) {
    push(byYear, yearOf(v.data.start), v);
    for (const p of new Set(v.data.provinces)) push(byProvince, p, v);
    if (v.data.visiting) push(sent, v.data.visiting, v);
    for (const h of new Set(v.data.hosts)) push(received, h, v);
  }
  for (const v of visits) {
    const y = yearOf(v.data.start);
    const m = monthOf(v.data.start);
    const key = `${y}-${m}`;
    const mc = monthCounts.get(key);
    if (mc) mc.count++;
    else monthCounts.set(key, { year: y, month: m, count: 1 });
    const seen = new Set<string>();
    for (const person of v.data.people) {
      if (seen.has(person.leader)) continue;
      seen.add(person.leader);
      push(byLeader, person.leader, { visit: v, person });
    }
    if (v.data.visiting) {
      for (const h of new Set(v.data.hosts)) {
        if (h === v.data.visiting) continue;
        const k = `${v.data.visiting}>${h}`;
        const f = flowCounts.get(k);
        if (f) f.count++;
        else flowCounts.set(k, { from: v.data.visiting, to: h, count: 1 });
      }
    }
  }
  const flows = [...flowCounts.values()].sort((a, b) => b.count - a.count || (a.from + a.to < b.from + b.to ? -1 : 1));
  const years = [...byYear.keys()].sort((a, b) => b - a);
  const months = [...monthCounts.values()];

  const leaderVisits = new Map<string, VisitRec[]>();
  const visitsOfLeader = (leader: string): VisitRec[] => {
    let list = leaderVisits.get(leader);
    if (!list) leaderVisits.set(leader, (list = (byLeader.get(leader) ?? []).map((a) => a.visit)));
    return list;
  };

  const relatedMemo = new Map<string, VisitRec[]>();
  function related(id: string, n = 5): VisitRec[] {
    const key = `${id}#${n}`;
    const cached = relatedMemo.get(key);
    if (cached) return cached;
    const v = visitById.get(id);
    if (!v) return [];
    const score = new Map<string, number>();
    const add = (other: VisitRec, w: number) => {
      if (other.id !== id) score.set(other.id, (score.get(other.id) ?? 0) + w);
    };
    // A shared leader weighs more than a shared province; only the nearest (in date) visits of
    // a busy province are considered, which keeps the work per visit bounded at any scale.
    for (const leader of new Set(v.data.people.map((p) => p.leader))) {
      for (const a of nearest(visitsOfLeader(leader), v, RELATED_WINDOW)) add(a, 3);
    }
    for (const p of new Set(v.data.provinces)) {
      for (const o of nearest(byProvince.get(p) ?? [], v, RELATED_WINDOW)) add(o, 1);
    }
    const here = position.get(id)!;
    const result = [...score.entries()]
      .sort((a, b) => b[1] - a[1] || Math.abs(position.get(a[0])! - here) - Math.abs(position.get(b[0])! - here) || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([rid]) => visitById.get(rid)!);
    relatedMemo.set(key, result);
    return result;
  }

  /**
   * At most `limit` visits of `list` closest in date order to `v`. `list` is in date order
   * (oldest or newest first, as the indexes keep them): a binary search finds `v`'s place and a
   * window around it is taken, so this costs O(log n + limit) whatever the list's length.
   */
  function nearest(list: VisitRec[], v: VisitRec, limit: number): VisitRec[] {
    if (list.length <= limit) return list;
    const here = position.get(v.id)!;
    const asc = position.get(list[0]!.id)! <= position.get(list.at(-1)!.id)!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = position.get(list[mid]!.id)!;
      if (asc ? p < here : p > here) lo = mid + 1;
      else hi = mid;
    }
    const start = Math.max(0, Math.min(lo - (limit >> 1), list.length - limit));
    return list.slice(start, start + limit);
  }

  const partnersMemo = new Map<string, Partner[]>();
  function partners(province: string): Partner[] {
    const cached = partnersMemo.get(province);
    if (cached) return cached;
    const acc = new Map<string, Partner>();
    const get = (p: string) => {
      let e = acc.get(p);
      if (!e) acc.set(p, (e = { province: p, sent: 0, received: 0, meetings: 0, total: 0 }));
      return e;
    };
    for (const v of byProvince.get(province) ?? []) {
      if (v.data.visiting === province) for (const h of new Set(v.data.hosts)) h !== province && get(h).sent++;
      else if (v.data.visiting && v.data.hosts.includes(province)) get(v.data.visiting).received++;
      else for (const p of new Set(v.data.provinces)) p !== province && get(p).meetings++;
    }
    const result = [...acc.values()]
      .map((p) => ({ ...p, total: p.sent + p.received + p.meetings }))
      .sort((a, b) => b.total - a.total || (a.province < b.province ? -1 : 1));
    partnersMemo.set(province, result);
    return result;
  }

  let leadersByProvince: Map<string, Map<string, number>> | undefined;
  function leadersOf(province: string): { leader: LeaderRec; count: number }[] {
    if (!leadersByProvince) {
      leadersByProvince = new Map();
      for (const [leader, apps] of byLeader) {
        for (const { person } of apps) {
          if (!person.province) continue;
          let m = leadersByProvince.get(person.province);
          if (!m) leadersByProvince.set(person.province, (m = new Map()));
          m.set(leader, (m.get(leader) ?? 0) + 1);
        }
      }
    }
    return [...(leadersByProvince.get(province) ?? new Map<string, number>()).entries()]
      .filter(([id]) => leaderById.has(id))
      .map(([id, count]) => ({ leader: leaderById.get(id)!, count }))
      .sort((a, b) => b.count - a.count || comparePinyin(a.leader, b.leader));
  }

  function roles(leader: string): RoleSpan[] {
    const spans = new Map<string, RoleSpan>();
    for (const { visit, person } of byLeader.get(leader) ?? []) {
      if (!person.role) continue;
      const key = `${person.province ?? ''}|${person.role}`;
      const s = spans.get(key);
      if (s) {
        s.last = visit.data.start;
        s.count++;
      } else {
        spans.set(key, { role: person.role, province: person.province, first: visit.data.start, last: visit.data.start, visit: visit.id, count: 1 });
      }
    }
    return [...spans.values()];
  }

  function companions(leader: string, n = 10): Companion[] {
    const counts = new Map<string, Companion>();
    for (const { visit } of byLeader.get(leader) ?? []) {
      const seen = new Set<string>([leader]);
      for (const p of visit.data.people) {
        if (seen.has(p.leader)) continue;
        seen.add(p.leader);
        const c = counts.get(p.leader);
        if (c) c.count++;
        else counts.set(p.leader, { leader: p.leader, name: leaderById.get(p.leader)?.data.name ?? p.name, count: 1 });
      }
    }
    return [...counts.values()]
      .sort((a, b) => {
        if (b.count !== a.count) return b.count - a.count;
        const la = leaderById.get(a.leader);
        const lb = leaderById.get(b.leader);
        if (la && lb) return comparePinyin(la, lb);
        return a.leader < b.leader ? -1 : 1;
      })
      .slice(0, n);
  }

  return {
    visits,
    latest,
    visitById,
    leaders,
    leaderById,
    provinces,
    provinceById,
    years,
    byYear,
    byProvince,
    sent,
    received,
    byLeader,
    flows,
    months,
    prevNext(id) {
      const i = position.get(id);
      if (i === undefined) return {};
      return { prev: visits[i - 1], next: visits[i + 1] };
    },
    related,
    partners,
    leadersOf,
    roles,
    companions,
  };
}

/** Splits a list into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(list: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error(`page size must be positive, got ${size}`);
  const pages: T[][] = [];
  for (let i = 0; i < list.length; i += size) pages.push(list.slice(i, i + size));
  return pages.length ? pages : [[]];
}

/** Groups visits (already in the wanted order) by year and month, keeping that order. */
export function groupByMonth(list: readonly VisitRec[]): { year: number; months: { month: number; visits: VisitRec[] }[] }[] {
  const years: { year: number; months: { month: number; visits: VisitRec[] }[] }[] = [];
  for (const v of list) {
    const y = yearOf(v.data.start);
    const m = monthOf(v.data.start);
    let yg = years.at(-1);
    if (!yg || yg.year !== y) years.push((yg = { year: y, months: [] }));
    let mg = yg.months.at(-1);
    if (!mg || mg.month !== m) yg.months.push((mg = { month: m, visits: [] }));
    mg.visits.push(v);
  }
  return years;
}
