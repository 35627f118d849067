/**
 * Dates: the publication date and time, the dateline, every day the article mentions, and the
 * year when the article leaves it out.
 *
 * The year comes, in this order, from: a year written with the day (2019年5月22日); the
 * publication date; a stated interval the article itself anchors (15年前 … 2004年5月, both about
 * the same 时任… event); an entry of content/editorial/dates.yaml (which also overrides an
 * inference, with a warning). Each inferred or supplied fact becomes an `inferences` entry.
 */
import type { Inference } from '../../src/schemas.ts';
import { at, type Context, firstUnits, isHistorical, scanNear, type Sentence, words } from './context.ts';
import { endsBySentence } from './by-sentence.ts';
import type { DateEntry } from './editorial.ts';

export interface Publication {
  date?: { year: number; month: number; day: number };
  time?: string;
  line?: number;
}

export interface DayMarker {
  /** as written: 2月27日至28日 */
  text: string;
  year?: number;
  month?: number;
  day: number;
  endMonth?: number;
  endDay?: number;
  sentence: Sentence;
  index: number;
}

export interface EventDay {
  date: string;
  sentence: Sentence;
  marker: DayMarker;
}

export interface DateFacts {
  published: { date: string; time?: string } | undefined;
  /** every day mentioned about this visit, in text order (a range gives every day) */
  days: EventDay[];
  year: number | undefined;
  inferences: Inference[];
}

const pad = (n: number) => (n < 10 && n >= 0 ? `0${n}` : String(n));
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Publication date and time from the meta lines: `发布时间:2019-05-24`, `新京报2023-04-15 15:32`, `2024年03月01日 06:38`. */
const ISO_PUBLISHED = /(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?!\d))?)?/u;
const CN_PUBLISHED = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?!\d))?)?/u;

export function parsePublication(ctx: Context): Publication {
  for (const line of ctx.doc.lines) {
    if (line.kind !== 'meta') continue;
    const m = ISO_PUBLISHED.exec(line.text) ?? CN_PUBLISHED.exec(line.text);
    if (!m) continue;
    const pub: Publication = { date: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, line: line.line };
    if (m[4] !== undefined && m[5] !== undefined) pub.time = `${pad(Number(m[4]))}:${m[5]}${m[6] !== undefined ? `:${m[6]}` : ''}`;
    return pub;
  }
  return {};
}

/** Dateline `浙江在线重庆10月10日电`: month and day (no year) in the first body lines. */
const DATELINE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日电/u;

export function parseDateline(ctx: Context): { month: number; day: number; sentence: Sentence } | undefined {
  for (let k = 0; k < 3 && k < ctx.sentences.length; k++) {
    const s = ctx.sentences[k]!;
    // every dateline holds 日电: the pattern runs only where it occurs
    const m = s.text.includes('日电') ? DATELINE.exec(s.text) : null;
    if (m) return { month: Number(m[2]), day: Number(m[3]), sentence: s };
  }
  return undefined;
}

const MARKER = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\s*(?:至|到|—|－|-|～|~)\s*(?:(\d{1,2})月)?(\d{1,2})日)?(?!电|内|起|前|后)/gu;

/** the same, sticky, tried only at digits (every marker starts with one) */
const MARKER_AT = new RegExp(MARKER.source, 'uy');
const DIGITS = firstUnits('0123456789');
/** an ASCII digit's unit */
export const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const DAY = words('日');
/**
 * A marker's first 日 ends at most this many units after its start: 2019年 (5) 10月 (3) 10日 (3).
 * The range's second day comes later.
 */
const MARKER_SPAN = 11;

/** Every day marker in sentences about this visit (not in historical sentences). */
export function dayMarkers(ctx: Context): DayMarker[] {
  const out: DayMarker[] = [];
  // every marker holds 日: only the digits in the 11 units before one can start a marker (only
  // the sentences holding 日 are read: no list for every sentence of the article, as Context.occurrences builds)
  for (const { index, ends } of endsBySentence(ctx.found(DAY))) {
    const s = ctx.sentences[index]!;
    if (s.kind === 'title' || isHistorical(s)) continue;
    // a marker's first 日 follows a digit: a sentence whose every 日 follows none (日前, 今日) holds no marker
    if (!ends.some((e) => isDigit(s.text.charCodeAt(e - 2)))) continue;
    for (const m of scanNear(MARKER_AT, DIGITS, s.text, ends, MARKER_SPAN)) {
      const day = Number(m[3]);
      if (day < 1 || day > 31) continue;
      const marker: DayMarker = { text: m[0], day, sentence: s, index: m.index ?? 0 };
      if (m[1]) marker.year = Number(m[1]);
      if (m[2]) marker.month = Number(m[2]);
      if (m[5]) {
        marker.endDay = Number(m[5]);
        if (m[4]) marker.endMonth = Number(m[4]);
      }
      if (marker.month !== undefined && (marker.month < 1 || marker.month > 12)) continue;
      out.push(marker);
    }
  }
  return out;
}

const INTERVAL = /(\d{1,2})年前/u;
const STATED_YEAR = /(\d{4})年(?:(\d{1,2})月)?/u;

/** `15年前 …` and `2004年5月 …` about the same 时任… event → 2019. */
export function intervalYear(ctx: Context): { year: number; reason: string; sentence: Sentence } | undefined {
  const after = (text: string) => {
    const i = text.indexOf('时任');
    return i < 0 ? undefined : text.slice(i + 2, i + 8);
  };
  for (const a of ctx.sentences) {
    // a sentence holding N年前 is about the past (isHistorical): the others are not searched
    if (!isHistorical(a)) continue;
    const interval = INTERVAL.exec(a.text);
    const role = after(a.text);
    if (!interval || !role) continue;
    for (const b of ctx.sentences) {
      if (b === a) continue;
      // 时任 looked for first: most sentences do not hold it, and the pattern then does not run
      const roleB = after(b.text);
      const stated = roleB ? STATED_YEAR.exec(b.text) : null;
      if (!stated || !roleB) continue;
      let common = 0;
      while (common < role.length && role[common] === roleB[common]) common++;
      if (common < 4) continue;
      const year = Number(stated[1]) + Number(interval[1]);
      const quote = (s: Sentence) => s.text.replace(/[，。]$/u, '').slice(0, 60);
      return {
        year,
        sentence: a,
        reason: `文中未写年份：“${quote(a)}”与“${quote(b)}”所指为同一次考察（同为“时任${role.slice(0, common)}”），${stated[1]}＋${interval[1]}＝${year}`,
      };
    }
  }
  return undefined;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days of month `m` of year `y`, as `new Date(Date.UTC(y, m, 0)).getUTCDate()` gives them. */
export function daysInMonth(y: number, m: number): number {
  // asked for every day marker and every day of a range: the usual years and months without a
  // Date; any other (Date.UTC reads 0–99 as 1900–1999, month 13 as the next January …) by Date.UTC
  if (Number.isInteger(y) && Number.isInteger(m) && y >= 100 && y <= 9999 && m >= 1 && m <= 12) {
    if (m !== 2) return MONTH_DAYS[m - 1]!;
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  }
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * The entries of content/editorial/dates.yaml by file, indexed once per loaded editorial list:
 * a linear search per article made normalisation quadratic when an editor supplies years for
 * many articles (measured by the benchmark: 1.2 s of 29 s at 5,000 articles with 2,000 entries).
 */
const datesByFile = new WeakMap<readonly DateEntry[], Map<string, DateEntry[]>>();
function dateEntriesFor(entries: readonly DateEntry[], file: string): DateEntry[] {
  let index = datesByFile.get(entries);
  if (!index) {
    index = new Map();
    for (const e of entries) index.set(e.file, [...(index.get(e.file) ?? []), e]);
    datesByFile.set(entries, index);
  }
  return index.get(file) ?? [];
}

/**
 * The days of the markers (each day of a range), in `base` (the year, or the publication's
 * when the year comes from it: `anchor` then given, whose month a day-only marker after it is of
 * the year before), none after `limit` (the publication date) — see extractDates. Its own
 * function: V8's optimising compiler spent hundreds of milliseconds on extractDates with this
 * loop inside (--turbo-stats), noticeably less on the two apart.
 */
function markerDays(markers: DayMarker[], base: number, anchor: { month: number } | undefined, limit: string | undefined): EventDay[] {
  const days: EventDay[] = [];
  const back = (y: number, month: number) => (month === 1 ? { y: y - 1, month: 12 } : { y, month: month - 1 });
  let prev: { y: number; month: number } | undefined;
  for (const m of markers) {
    if (m.month === undefined) continue;
    let y: number;
    if (m.text.includes('月')) {
      y = m.year ?? base;
      if (limit && m.year === undefined && isoDate(y, m.month, m.day) > limit) y -= 1;
    } else {
      // the month (and year) of the marker before it, else the anchor's guess
      y = prev ? prev.y : base;
      if (prev) m.month = prev.month;
      else if (anchor && m.month > anchor.month) y -= 1;
      if (limit && isoDate(y, m.month, m.day) > limit) ({ y, month: m.month } = back(y, m.month));
    }
    prev = { y, month: m.month };
    if (m.day > daysInMonth(y, m.month)) continue;
    days.push({ date: isoDate(y, m.month, m.day), sentence: m.sentence, marker: m });
    if (m.endDay !== undefined) {
      const endMonth = m.endMonth ?? m.month;
      let cm = m.month;
      let cd = m.day;
      for (let guard = 0; guard < 62; guard++) {
        cd++;
        if (cd > daysInMonth(y, cm)) {
          cd = 1;
          cm++;
          if (cm > 12) break;
        }
        if (cm > endMonth || (cm === endMonth && cd > m.endDay)) break;
        days.push({ date: isoDate(y, cm, cd), sentence: m.sentence, marker: m });
      }
    }
  }
  return days;
}

/** Resolves the day markers to ISO dates and the publication date, recording inferences. */
export function extractDates(ctx: Context): DateFacts {
  const inferences: Inference[] = [];
  const pub = parsePublication(ctx);
  const file = ctx.doc.file;
  const early = dateEntriesFor(ctx.editorial.dates, file).find((e) => !e.sha256 || e.sha256 === ctx.doc.sha256);
  let publishedSupplied = false;
  if (!pub.date && early?.published) {
    // a publication date supplied by the editorial file anchors the year like a printed one
    const [y, m, d] = early.published.split('-').map(Number) as [number, number, number];
    pub.date = { year: y, month: m, day: d };
    publishedSupplied = true;
    inferences.push({ field: 'published.date', value: early.published, how: 'supplied', reason: early.reason.trim(), source: `content/editorial/dates.yaml#${file}` });
  }
  const dateline = parseDateline(ctx);
  const markers = dayMarkers(ctx);

  // the month of a marker without one: the previous marker's, else the dateline's / publication's
  const anchor = dateline ?? (pub.date ? { month: pub.date.month, day: pub.date.day } : undefined);
  let month: number | undefined;
  for (const m of markers) {
    if (m.month !== undefined) month = m.month;
    else if (month !== undefined) m.month = month;
    else if (anchor) month = m.month = m.day <= anchor.day ? anchor.month : anchor.month === 1 ? 12 : anchor.month - 1;
  }

  // the year
  let year: number | undefined = markers.find((m) => m.year !== undefined)?.year;
  let how: { how: 'inferred' | 'supplied'; reason: string; source?: string } | undefined;
  let fromPublication = false;
  const firstMarker = markers.find((m) => m.month !== undefined);
  if (year === undefined && pub.date && firstMarker?.month !== undefined) {
    const later = firstMarker.month > pub.date.month || (firstMarker.month === pub.date.month && firstMarker.day > pub.date.day);
    year = later ? pub.date.year - 1 : pub.date.year;
    fromPublication = true;
    how = { how: 'inferred', reason: `文中日期只写月日；年份取自${publishedSupplied ? '编辑补充的' : ''}发布日期 ${isoDate(pub.date.year, pub.date.month, pub.date.day)}${later ? '（活动月日晚于发布月日，故为上一年）' : ''}` };
  }
  if (year === undefined) {
    const interval = intervalYear(ctx);
    if (interval) {
      year = interval.year;
      how = { how: 'inferred', reason: interval.reason };
      ctx.info(`year ${year} inferred from a stated interval`, at(interval.sentence), 'extract/year-interval');
    }
  }
  const entry = dateEntriesFor(ctx.editorial.dates, file)[0];
  if (entry && entry.sha256 && entry.sha256 !== ctx.doc.sha256) {
    ctx.warn(`content/editorial/dates.yaml has an entry for ${file} made for other content (sha256 differs): ignored`, undefined, 'extract/date-entry-stale');
  } else if (entry?.year !== undefined) {
    if (year !== undefined && year !== entry.year) {
      ctx.warn(`content/editorial/dates.yaml gives year ${entry.year}, the article suggests ${year}: the editorial year is used`, undefined, 'extract/year-override');
    }
    if (year !== entry.year || !how) {
      year = entry.year;
      fromPublication = false;
      how = { how: 'supplied', reason: entry.reason.trim(), source: `content/editorial/dates.yaml#${file}` };
      ctx.warn(`year ${year} supplied by content/editorial/dates.yaml (the article does not state it)`, firstMarker ? at(firstMarker.sentence, firstMarker.index) : undefined, 'extract/year-supplied');
    }
  }
  if (year !== undefined && how && firstMarker) {
    inferences.push({ field: 'dates', value: String(year), ...how });
  }

  // nothing reported can be later than its publication: a written 月日 after it is of the year
  // before; a day-only marker (12日) after it is of the month before
  const limit = pub.date ? isoDate(pub.date.year, pub.date.month, pub.date.day) : undefined;
  const days = year === undefined ? [] : markerDays(markers, fromPublication ? pub.date!.year : year, fromPublication ? anchor : undefined, limit);

  // the publication date
  let published: DateFacts['published'];
  if (pub.date) {
    published = { date: isoDate(pub.date.year, pub.date.month, pub.date.day), ...(pub.time ? { time: pub.time } : {}) };
  } else if (dateline && year !== undefined) {
    const y = firstMarker?.month !== undefined && dateline.month < firstMarker.month ? year + 1 : year;
    published = { date: isoDate(y, dateline.month, dateline.day) };
    inferences.push({ field: 'published.date', value: published.date, how: 'inferred', reason: `未注明发布日期；取电头“${dateline.month}月${dateline.day}日电”的月日，年份同活动日期` });
    ctx.info(`publication date ${published.date} inferred from the dateline`, at(dateline.sentence), 'extract/published-dateline');
  } else if (days.length > 0) {
    const last = days.map((d) => d.date).sort().at(-1)!;
    published = { date: last };
    inferences.push({ field: 'published.date', value: last, how: 'inferred', reason: `来源未注明发布日期，也无电头；以所述最后活动日 ${last} 作为发布日期（实际发布不早于此日）` });
    ctx.warn(`no publication date in the source: using the last day of the visit (${last}) as a lower bound`, undefined, 'extract/published-missing');
  }
  return { published, days, year, inferences };
}
