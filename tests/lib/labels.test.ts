import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive.ts';
import { fieldLabel, provinceShort, publisherChain, routeText } from '../../src/lib/labels.ts';
import { leaders, provinces, visits } from './fixtures/records.ts';

const archive = buildArchive({ visits, leaders, provinces });

describe('labels', () => {
  it('writes a route as visiting → hosts, and a meeting as its members', () => {
    expect(routeText(archive, archive.visitById.get('2019-10-23-anhui-zhejiang')!)).toBe('安徽 → 浙江');
    expect(routeText(archive, archive.visitById.get('2023-04-12-zhejiang-jiangsu-shanghai')!)).toBe('浙江 → 江苏、上海');
    expect(routeText(archive, archive.visitById.get('2019-05-22-meeting')!)).toBe('上海、江苏、浙江、安徽');
  });

  it('falls back to the id for an unknown province', () => {
    expect(provinceShort(archive, 'atlantis')).toBe('atlantis');
    expect(provinceShort(archive, null)).toBe('');
  });

  it('names the fields of inferences in Chinese', () => {
    expect(fieldLabel('start')).toBe('开始日期');
    expect(fieldLabel('legs.1.dates.0')).toBe('第2段行程的日期');
    expect(fieldLabel('people.0.role')).toBe('第1位人物的职务');
    expect(fieldLabel('something.else')).toBe('something.else');
  });

  it('writes the publisher chain, citing sources in order', () => {
    expect(publisherChain(['新京报', '浙江日报'])).toBe('新京报（转引自浙江日报）');
    expect(publisherChain(['中安在线'])).toBe('中安在线');
  });
});
