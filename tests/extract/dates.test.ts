import { describe, expect, it } from 'vitest';
import { dayMarkers, daysInMonth, extractDates, intervalYear, parsePublication } from '../../scripts/extract/dates.ts';
import type { Editorial } from '../../scripts/extract/editorial.ts';
import { context, messages, realEditorial } from './helpers.ts';

describe('publication date and time', () => {
  it.each([
    ['发布时间：2019-05-24作者：来源：中安在线', '2019-05-24', undefined],
    ['新京报2023-04-15 15:32:52', '2023-04-15', '15:32:52'],
    ['2024年03月01日 06:38   来源：中安在线', '2024-03-01', '06:38'],
  ])('%s', (meta, date, time) => {
    const ctx = context([['title', '标题'], ['meta', meta], ['body', '5月1日，代表团到访。']]);
    const pub = parsePublication(ctx);
    expect(pub.date && `${pub.date.year}-${String(pub.date.month).padStart(2, '0')}-${String(pub.date.day).padStart(2, '0')}`).toBe(date);
    expect(pub.time).toBe(time);
  });
});

describe('days in a month', () => {
  it('as Date.UTC gives them, for any year and month (0–99 read as 1900–1999, month 13 as the next January)', () => {
    for (const y of [-1, 0, 4, 99, 100, 1900, 1999, 2000, 2019, 2020, 2024, 2100, 9999, 10000, 2019.5, 300000]) {
      for (let m = -1; m <= 14; m++) expect([y, m, daysInMonth(y, m)]).toEqual([y, m, new Date(Date.UTC(y, m, 0)).getUTCDate()]);
    }
  });
});

describe('day markers', () => {
  it('reads ranges across the days and carries the month to later markers', () => {
    const ctx = context([
      ['meta', '2024年03月01日 06:38'],
      ['body', '2月27日至28日，省委书记率代表团赴广东省考察。'],
      ['body', '27日上午，代表团来到甲公司。28日上午，代表团前往深圳市。'],
    ]);
    const facts = extractDates(ctx);
    expect(facts.days.map((d) => d.date)).toEqual(['2024-02-27', '2024-02-28', '2024-02-27', '2024-02-28']);
    expect(facts.year).toBe(2024);
    expect(facts.inferences).toEqual([expect.objectContaining({ field: 'dates', value: '2024', how: 'inferred' })]);
  });

  it('a day after the publication month and day belongs to the year before', () => {
    const ctx = context([['meta', '发布时间：2024-01-03'], ['body', '12月30日至31日，代表团在某地考察。']]);
    expect(extractDates(ctx).days.map((d) => d.date)).toEqual(['2023-12-30', '2023-12-31']);
  });

  it('ignores datelines, 30日内 and days in sentences about the past', () => {
    const ctx = context([
      ['body', '浙江在线重庆10月10日电 8日至9日，代表团在重庆学习考察。请在30日内联系。'],
      ['body', '15年前，时任省委书记5月8日率团考察。'],
    ]);
    expect(dayMarkers(ctx).map((m) => m.text)).toEqual(['8日至9日']);
  });

  it('finds the markers beside numbers that are not days (only digits up to 11 units before a 日 are tried)', () => {
    const ctx = context([['body', '签约项目120个、总投资1000亿元，2019年12月30日至2020年1月2日考察，12345日记，5G，31日。']]);
    // 至 followed by a year is no range; 45日 is no day
    expect(dayMarkers(ctx).map((m) => [m.text, m.index, m.year, m.month, m.day])).toEqual([
      ['2019年12月30日', 19, 2019, 12, 30],
      ['2020年1月2日', 31, 2020, 1, 2],
      ['31日', 54, undefined, undefined, 31],
    ]);
  });
});

describe('the year', () => {
  const interval = [
    ['body', '浙江在线重庆10月10日电 8日至9日，代表团在重庆学习考察。'],
    ['body', '2004年5月，时任浙江省委书记习近平同志率队赴涪陵考察。'],
    ['body', '15年前，时任浙江省委书记的习近平同志率省党政代表团赴重庆考察。'],
  ] as const;

  it('is inferred from a stated interval anchored in the same article (15年前 … 2004年5月)', () => {
    const ctx = context(interval.map(([k, t]) => [k, t]));
    expect(intervalYear(ctx)?.year).toBe(2019);
    const facts = extractDates(ctx);
    expect(facts.days.map((d) => d.date)).toEqual(['2019-10-08', '2019-10-09']);
    expect(facts.published).toEqual({ date: '2019-10-10' });
    expect(facts.inferences.map((i) => [i.field, i.how])).toEqual([
      ['dates', 'inferred'],
      ['published.date', 'inferred'],
    ]);
  });

  it('an interval about a different office proves nothing', () => {
    const ctx = context([
      ['body', '8日至9日，代表团在重庆学习考察。'],
      ['body', '2004年5月，时任市长某某率队考察。'],
      ['body', '15年前，时任浙江省委书记的某某率团考察。'],
    ]);
    expect(intervalYear(ctx)).toBeUndefined();
    expect(extractDates(ctx).year).toBeUndefined();
  });

  it('is supplied by content/editorial/dates.yaml with its reason, and an editorial year overrides an inference with a warning', () => {
    const base = realEditorial();
    const editorial: Editorial = { ...base, dates: [{ file: 'fixture.txt', year: 2018, reason: 'a reason an editor can check' }] };
    const none = context([['body', '10月23日，代表团赴浙江省考察。']], { editorial });
    const supplied = extractDates(none);
    expect(supplied.days.map((d) => d.date)).toEqual(['2018-10-23']);
    expect(supplied.inferences[0]).toEqual({ field: 'dates', value: '2018', how: 'supplied', reason: 'a reason an editor can check', source: 'content/editorial/dates.yaml#fixture.txt' });
    expect(messages(none).some((m) => m.startsWith('extract/year-supplied'))).toBe(true);

    const disagreeing = context([['meta', '发布时间：2019-10-24'], ['body', '10月23日，代表团赴浙江省考察。']], { editorial });
    expect(extractDates(disagreeing).year).toBe(2018);
    expect(messages(disagreeing).some((m) => m.startsWith('extract/year-override'))).toBe(true);
  });

  it('an entry pinned to other content (sha256) is ignored with a warning', () => {
    const editorial: Editorial = { ...realEditorial(), dates: [{ file: 'fixture.txt', sha256: '0'.repeat(64), year: 2018, reason: 'a reason an editor can check' }] };
    const ctx = context([['body', '10月23日，代表团赴浙江省考察。']], { editorial });
    expect(extractDates(ctx).year).toBeUndefined();
    expect(messages(ctx).some((m) => m.startsWith('extract/date-entry-stale'))).toBe(true);
  });

  it('with no publication date, the last day stands in as a lower bound, with a warning', () => {
    const editorial: Editorial = { ...realEditorial(), dates: [{ file: 'fixture.txt', year: 2019, reason: 'a reason an editor can check' }] };
    const ctx = context([['body', '10月23日，代表团赴浙江省考察。']], { editorial });
    expect(extractDates(ctx).published).toEqual({ date: '2019-10-23' });
    expect(messages(ctx).some((m) => m.startsWith('extract/published-missing'))).toBe(true);
  });
});

describe('days around the new year', () => {
  it('a trip over the new year, published in January: December days are of the year before', () => {
    const ctx = context([
      ['meta', '发布时间：2016-01-03'],
      ['body', '1日傍晚，代表团在返程的火车上召开交流总结会。'],
      ['caption', '12月31日，代表团在甘肃考察'],
      ['body', '31日，代表团考察某实验室。'],
    ]);
    expect(extractDates(ctx).days.map((d) => d.date)).toEqual(['2016-01-01', '2015-12-31', '2015-12-31']);
  });

  it('a day-only marker that would fall after the publication belongs to the month before', () => {
    const ctx = context([['meta', '发布时间：2016-01-03'], ['body', '1日上午，代表团考察甲地。'], ['body', '31日，代表团考察乙地。']]);
    expect(extractDates(ctx).days.map((d) => d.date)).toEqual(['2016-01-01', '2015-12-31']);
  });
});

describe('a publication date supplied by dates.yaml', () => {
  it('anchors the year like a printed one, both recorded as inferences', () => {
    const editorial: Editorial = { ...realEditorial(), dates: [{ file: 'fixture.txt', published: '2024-03-01', reason: 'the site’s listing page dates it 2024-03-01' }] };
    const ctx = context([['body', '2月27日至28日，代表团赴广东省考察。']], { editorial });
    const facts = extractDates(ctx);
    expect(facts.days.map((d) => d.date)).toEqual(['2024-02-27', '2024-02-28']);
    expect(facts.published).toEqual({ date: '2024-03-01' });
    expect(facts.inferences.map((i) => [i.field, i.how])).toEqual([
      ['published.date', 'supplied'],
      ['dates', 'inferred'],
    ]);
  });
});
