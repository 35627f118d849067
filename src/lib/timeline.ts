/**
 * The timeline of visits by year and month: a row of twelve month bars per year, heights
 * relative to the busiest month. Pure geometry for src/components/Timeline.astro.
 */
import type { MonthCount } from './archive.ts';

export interface TimelineYear {
  year: number;
  total: number;
  /** twelve counts, January first */
  counts: number[];
}

export interface TimelineBar {
  year: number;
  month: number;
  count: number;
  x: number;
  y: number;
  height: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  years: TimelineYear[];
  bars: TimelineBar[];
  /** x of each year's first bar, for the year labels */
  labels: { year: number; x: number }[];
  max: number;
  barHeight: number;
  baseline: number;
}

/** Every year from the first to the last with visits (empty years included, so gaps show). */
export function timelineYears(months: readonly MonthCount[]): TimelineYear[] {
  if (months.length === 0) return [];
  const first = Math.min(...months.map((m) => m.year));
  const last = Math.max(...months.map((m) => m.year));
  const years: TimelineYear[] = [];
  for (let y = first; y <= last; y++) years.push({ year: y, total: 0, counts: Array.from({ length: 12 }, () => 0) });
  for (const m of months) {
    const y = years[m.year - first]!;
    y.counts[m.month - 1]! += m.count;
    y.total += m.count;
  }
  return years;
}

export function layoutTimeline(months: readonly MonthCount[], bar = 4, gap = 1, yearGap = 6, barHeight = 60): TimelineLayout {
  const years = timelineYears(months);
  const max = Math.max(1, ...years.flatMap((y) => y.counts));
  const baseline = barHeight + 4;
  const bars: TimelineBar[] = [];
  const labels: { year: number; x: number }[] = [];
  let x = 0;
  for (const y of years) {
    labels.push({ year: y.year, x });
    y.counts.forEach((count, i) => {
      const h = count === 0 ? 0 : Math.max(2, Math.round((count / max) * barHeight));
      bars.push({ year: y.year, month: i + 1, count, x: x + i * (bar + gap), y: baseline - h, height: h });
    });
    x += 12 * (bar + gap) - gap + yearGap;
  }
  return { width: Math.max(1, x - yearGap), height: baseline + 16, years, bars, labels, max, barHeight, baseline };
}
