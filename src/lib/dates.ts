/** Dates are ISO `YYYY-MM-DD` strings throughout (src/schemas.ts); these format them in Chinese. */

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export const yearOf = (iso: string): number => parts(iso)[0];
export const monthOf = (iso: string): number => parts(iso)[1];

/** `2019-10-23` → `2019年10月23日` */
export function formatDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${y}年${m}月${d}日`;
}

/** `2019-10`-style month label: `2019年10月` */
export function formatMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}

/**
 * A span of days, written as a Chinese reader expects:
 * same day `2019年10月8日`; same month `2019年10月8日至9日`; same year `2019年12月31日至1月1日`…
 */
export function formatRange(start: string, end: string): string {
  if (start === end) return formatDate(start);
  const [y1, m1] = parts(start);
  const [y2, m2, d2] = parts(end);
  if (y1 !== y2) return `${formatDate(start)}至${formatDate(end)}`;
  if (m1 !== m2) return `${formatDate(start)}至${m2}月${d2}日`;
  return `${formatDate(start)}至${d2}日`;
}

/**
 * The days of one leg: consecutive days collapse into a range, others are listed:
 * [`2019-10-08`,`2019-10-09`] → `2019年10月8日至9日`; [`…-12`,`…-14`] → `2023年4月12日、14日`.
 */
export function formatDays(days: readonly string[]): string {
  const sorted = [...new Set(days)].sort();
  if (sorted.length === 0) return '';
  const runs: [string, string][] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && nextDay(last[1]) === day) last[1] = day;
    else runs.push([day, day]);
  }
  if (runs.length === 1) return formatRange(runs[0]![0], runs[0]![1]);
  const sameMonth = sorted.every((d) => d.slice(0, 7) === sorted[0]!.slice(0, 7));
  if (!sameMonth) return runs.map(([s, e]) => formatRange(s, e)).join('、');
  const day = (iso: string) => `${parts(iso)[2]}日`;
  return runs
    .map(([s, e], i) => (i === 0 ? formatRange(s, e) : s === e ? day(s) : `${day(s)}至${day(e)}`))
    .join('、');
}

/** The ISO date after `iso` (UTC arithmetic, no time zone involved). */
export function nextDay(iso: string): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** RFC 3339 timestamp in China Standard Time for a publication date and optional time. */
export function toRfc3339(date: string, time?: string): string {
  const t = time ? (time.length === 5 ? `${time}:00` : time) : '00:00:00';
  return `${date}T${t}+08:00`;
}
