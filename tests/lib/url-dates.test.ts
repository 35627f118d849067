import { describe, expect, it } from 'vitest';
import { formatDate, formatDays, formatRange, nextDay, toRfc3339 } from '../../src/lib/dates.ts';
import { absoluteUrl, fileSegment, joinBase, pagePath, paths } from '../../src/lib/url.ts';

describe('joinBase', () => {
  it('joins the base and a path with exactly one slash', () => {
    expect(joinBase('/', 'visits/')).toBe('/visits/');
    expect(joinBase('/archive/', 'visits/')).toBe('/archive/visits/');
    expect(joinBase('/archive', '/visits/')).toBe('/archive/visits/');
    expect(joinBase('/archive/')).toBe('/archive/');
  });

  it('makes absolute URLs only when the origin is known', () => {
    expect(absoluteUrl(undefined, '/archive/visits/')).toBeUndefined();
    expect(absoluteUrl(new URL('https://example.org'), '/archive/visits/')).toBe('https://example.org/archive/visits/');
  });

  it('encodes file names with spaces and Chinese characters as one path segment', () => {
    expect(fileSegment('新 文章.txt')).toBe('%E6%96%B0%20%E6%96%87%E7%AB%A0.txt');
    expect(paths.source('a b.txt')).toBe('sources/a%20b.txt');
    // a raw source is always published as plain text, whatever it was called
    expect(paths.source('x.html')).toBe('sources/x.html.txt');
  });

  it('names list pages', () => {
    expect(pagePath('visits/2019/', 1)).toBe('visits/2019/');
    expect(pagePath('visits/2019/', 3)).toBe('visits/2019/page/3/');
  });
});

describe('dates', () => {
  it('formats dates and ranges the Chinese way', () => {
    expect(formatDate('2019-10-23')).toBe('2019年10月23日');
    expect(formatRange('2019-10-08', '2019-10-08')).toBe('2019年10月8日');
    expect(formatRange('2019-10-08', '2019-10-09')).toBe('2019年10月8日至9日');
    expect(formatRange('2019-09-30', '2019-10-02')).toBe('2019年9月30日至10月2日');
    expect(formatRange('2019-12-31', '2020-01-01')).toBe('2019年12月31日至2020年1月1日');
  });

  it('collapses consecutive days of a leg and lists the others', () => {
    expect(formatDays(['2019-10-09', '2019-10-08'])).toBe('2019年10月8日至9日');
    expect(formatDays(['2023-04-12', '2023-04-14'])).toBe('2023年4月12日、14日');
    expect(formatDays(['2023-04-12', '2023-04-14', '2023-04-15'])).toBe('2023年4月12日、14日至15日');
    expect(formatDays(['2023-04-30', '2023-05-02'])).toBe('2023年4月30日、2023年5月2日');
    expect(formatDays([])).toBe('');
  });

  it('steps over month and year ends', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2023-12-31')).toBe('2024-01-01');
  });

  it('rejects a date that is not ISO', () => {
    expect(() => formatDate('2019/10/23')).toThrow(/not an ISO date/);
  });

  it('writes RFC 3339 timestamps in China Standard Time', () => {
    expect(toRfc3339('2023-04-15', '15:32:52')).toBe('2023-04-15T15:32:52+08:00');
    expect(toRfc3339('2024-03-01', '06:38')).toBe('2024-03-01T06:38:00+08:00');
    expect(toRfc3339('2019-10-24')).toBe('2019-10-24T00:00:00+08:00');
  });
});
