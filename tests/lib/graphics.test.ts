import { describe, expect, it } from 'vitest';
import { flowWidth, layoutTileMap, layoutTiles, shade } from '../../src/lib/tilemap.ts';
import { layoutTimeline, timelineYears } from '../../src/lib/timeline.ts';

const tiles = [
  { id: 'anhui', label: '安徽', row: 4, col: 5 },
  { id: 'zhejiang', label: '浙江', row: 5, col: 6 },
  { id: 'jiangsu', label: '江苏', row: 4, col: 6 },
];

describe('tile map', () => {
  it('places tiles on the grid, trimmed to the rows and columns in use', () => {
    const l = layoutTiles(tiles, 40, 4, 8);
    expect(l.tiles.map((t) => [t.id, t.x, t.y])).toEqual([
      ['anhui', 8, 8],
      ['zhejiang', 52, 52],
      ['jiangsu', 52, 8],
    ]);
    expect(l.width).toBe(8 + 2 * 44 - 4 + 8);
    expect(l.height).toBe(l.width);
  });

  it('draws one curved arrow per flow between known tiles, skipping unknown ones and capping the number', () => {
    const flows = [
      { from: 'anhui', to: 'zhejiang', count: 3 },
      { from: 'zhejiang', to: 'anhui', count: 1 },
      { from: 'anhui', to: 'tibet', count: 5 },
      { from: 'jiangsu', to: 'anhui', count: 1 },
    ];
    const l = layoutTileMap(tiles, flows, 2);
    expect(l.flows.map((f) => `${f.from}>${f.to}`)).toEqual(['anhui>zhejiang', 'zhejiang>anhui']);
    expect(l.flows[0]!.d).toMatch(/^M[\d.]+ [\d.]+Q[\d.]+ [\d.]+ [\d.]+ [\d.]+$/);
    // opposite directions bend to opposite sides, so the two arrows do not overlap
    expect(l.flows[0]!.d).not.toBe(l.flows[1]!.d);
    expect(l.flows[0]!.width).toBeGreaterThan(l.flows[1]!.width);
  });

  it('grows stroke width and shade with the count', () => {
    expect(flowWidth(1)).toBe(1.5);
    expect(flowWidth(100)).toBe(6);
    expect(shade(0, 10)).toBe(0);
    expect(shade(1, 10)).toBe(1);
    expect(shade(10, 10)).toBe(4);
    expect(shade(3, 10)).toBeGreaterThan(1);
  });
});

describe('timeline', () => {
  const months = [
    { year: 2019, month: 5, count: 1 },
    { year: 2019, month: 10, count: 2 },
    { year: 2021, month: 4, count: 4 },
  ];

  it('fills every year from the first to the last, empty years included', () => {
    const years = timelineYears(months);
    expect(years.map((y) => [y.year, y.total])).toEqual([
      [2019, 3],
      [2020, 0],
      [2021, 4],
    ]);
    expect(years[0]!.counts).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0]);
  });

  it('draws twelve bars per year, the busiest month at full height', () => {
    const l = layoutTimeline(months, 4, 1, 6, 60);
    expect(l.bars).toHaveLength(36);
    const top = l.bars.find((b) => b.year === 2021 && b.month === 4)!;
    expect(top.height).toBe(60);
    expect(l.bars.find((b) => b.year === 2019 && b.month === 10)!.height).toBe(30);
    expect(l.bars.filter((b) => b.count === 0).every((b) => b.height === 0)).toBe(true);
    expect(l.labels.map((x) => x.year)).toEqual([2019, 2020, 2021]);
  });

  it('is empty without visits', () => {
    expect(layoutTimeline([]).bars).toEqual([]);
  });
});
