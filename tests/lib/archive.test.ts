import { describe, expect, it } from 'vitest';
import { buildArchive, groupByMonth, paginate } from '../../src/lib/archive.ts';
import { leaders, person, provinces, visit, visits } from './fixtures/records.ts';

const archive = buildArchive({ visits, leaders, provinces });
const ids = (list: { id: string }[]) => list.map((v) => v.id);

describe('buildArchive', () => {
  it('orders visits by date, oldest first, and newest first in `latest`', () => {
    expect(ids(archive.visits)).toEqual(['2019-05-22-meeting', '2019-10-08-zhejiang-chongqing', '2019-10-23-anhui-zhejiang', '2023-04-12-zhejiang-jiangsu-shanghai']);
    expect(ids(archive.latest)).toEqual([...ids(archive.visits)].reverse());
  });

  it('sorts leaders by pinyin and provinces by code', () => {
    expect(ids(archive.leaders)).toEqual(['che-jun', 'chen-miner', 'li-jinbin', 'li-qiang', 'yuan-jiajun']);
    expect(ids(archive.provinces)).toEqual(['shanghai', 'jiangsu', 'zhejiang', 'anhui', 'chongqing']);
  });

  it('indexes visits by year, province, sent and received', () => {
    expect(archive.years).toEqual([2023, 2019]);
    expect(ids(archive.byYear.get(2019)!)).toEqual(['2019-10-23-anhui-zhejiang', '2019-10-08-zhejiang-chongqing', '2019-05-22-meeting']);
    expect(ids(archive.byProvince.get('anhui')!)).toEqual(['2019-10-23-anhui-zhejiang', '2019-05-22-meeting']);
    expect(ids(archive.sent.get('zhejiang')!)).toEqual(['2023-04-12-zhejiang-jiangsu-shanghai', '2019-10-08-zhejiang-chongqing']);
    expect(ids(archive.received.get('zhejiang')!)).toEqual(['2019-10-23-anhui-zhejiang', '2019-05-22-meeting']);
  });

  it('counts flows from the visiting province to each host, most frequent first', () => {
    const more = buildArchive({ visits: [...visits, visit('2020-01-01-anhui-zhejiang', '2020-01-01', 'anhui', ['zhejiang'], [])], leaders, provinces });
    expect(more.flows[0]).toEqual({ from: 'anhui', to: 'zhejiang', count: 2 });
    expect(more.flows).toHaveLength(4);
    expect(archive.flows.some((f) => f.from === f.to)).toBe(false);
  });

  it('gives previous and next by date', () => {
    const { prev, next } = archive.prevNext('2019-10-08-zhejiang-chongqing');
    expect(prev?.id).toBe('2019-05-22-meeting');
    expect(next?.id).toBe('2019-10-23-anhui-zhejiang');
    expect(archive.prevNext('2019-05-22-meeting').prev).toBeUndefined();
    expect(archive.prevNext('nope')).toEqual({});
  });

  it('ranks related visits by shared leaders, then shared provinces, never itself', () => {
    const related = ids(archive.related('2019-10-23-anhui-zhejiang'));
    // the meeting shares three leaders and two provinces; the Chongqing visit one leader and one province
    expect(related[0]).toBe('2019-05-22-meeting');
    expect(related).toContain('2019-10-08-zhejiang-chongqing');
    expect(related).not.toContain('2019-10-23-anhui-zhejiang');
    expect(archive.related('2019-10-23-anhui-zhejiang', 1)).toHaveLength(1);
  });

  it('keeps related visits bounded and near in time for a busy province', () => {
    const many = Array.from({ length: 600 }, (_, i) => {
      const d = new Date(Date.UTC(2015, 0, 1 + i)).toISOString().slice(0, 10);
      return visit(`${d}-anhui-zhejiang`, d, 'anhui', ['zhejiang'], []);
    });
    const big = buildArchive({ visits: many, leaders, provinces });
    const here = many[300]!.id;
    const related = big.related(here, 4);
    expect(related).toHaveLength(4);
    for (const r of related) expect(Math.abs(big.visits.indexOf(r) - 300)).toBeLessThanOrEqual(2);
  });

  it('lists the roles a leader was seen in, with first and last dates', () => {
    const roles = archive.roles('che-jun');
    expect(roles).toEqual([
      { role: '浙江省委书记', province: 'zhejiang', first: '2019-05-22', last: '2019-10-23', visit: '2019-05-22-meeting', count: 2 },
      { role: '省委书记', province: 'zhejiang', first: '2019-10-08', last: '2019-10-08', visit: '2019-10-08-zhejiang-chongqing', count: 1 },
    ]);
  });

  it('finds the people a leader appeared with most', () => {
    const c = archive.companions('che-jun');
    expect(c[0]).toEqual({ leader: 'li-jinbin', name: '李锦斌', count: 2 });
    expect(c.find((x) => x.leader === 'yuan-jiajun')?.count).toBe(2);
    expect(c.find((x) => x.leader === 'chen-miner')?.count).toBe(1);
    expect(c.some((x) => x.leader === 'che-jun')).toBe(false);
  });

  it('counts partner provinces of a province by direction', () => {
    const zj = archive.partners('zhejiang');
    // one visit from Anhui and one meeting with it
    expect(zj.find((p) => p.province === 'anhui')).toEqual({ province: 'anhui', sent: 0, received: 1, meetings: 1, total: 2 });
    expect(zj.find((p) => p.province === 'chongqing')).toMatchObject({ sent: 1, received: 0 });
    const ah = archive.partners('anhui');
    // Anhui hosted the meeting: its partners there count as meetings
    expect(ah.find((p) => p.province === 'shanghai')).toMatchObject({ meetings: 1, total: 1 });
  });

  it('lists the leaders seen for a province', () => {
    expect(archive.leadersOf('zhejiang').map((l) => [l.leader.id, l.count])).toEqual([
      ['che-jun', 3],
      ['yuan-jiajun', 2],
    ]);
  });

  it('counts visits per month', () => {
    expect(archive.months).toEqual([
      { year: 2019, month: 5, count: 1 },
      { year: 2019, month: 10, count: 2 },
      { year: 2023, month: 4, count: 1 },
    ]);
  });

  it('counts a person once per visit even if listed twice', () => {
    const twice = visit('2020-02-02-x', '2020-02-02', 'anhui', ['zhejiang'], [person('li-jinbin', '李锦斌', 'anhui', 'delegation', '省委书记'), person('li-jinbin', '李锦斌', 'anhui', 'delegation', null, true)]);
    const a = buildArchive({ visits: [twice], leaders, provinces });
    expect(a.byLeader.get('li-jinbin')).toHaveLength(1);
  });
});

describe('paginate and groupByMonth', () => {
  it('splits into pages, with one empty page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 10)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(/positive/);
  });

  it('groups visits by year and month in the given order', () => {
    const groups = groupByMonth(archive.latest);
    expect(groups.map((g) => [g.year, g.months.map((m) => [m.month, m.visits.length])])).toEqual([
      [2023, [[4, 1]]],
      [2019, [[10, 2], [5, 1]]],
    ]);
  });
});
