/**
 * Visits, leaders and provinces → Pagefind custom records (pure: data in, records out).
 *
 * The record's `content` is the page's searchable text turned into index tokens
 * (src/scripts/search/text.ts): Pagefind indexes them as words, and the search page decodes them
 * back into text for verification and excerpts. Each searchable string is kept on its own line,
 * so no bigram spans two of them (a name followed by a role never yields a false bigram).
 */
import type { Leader, Province, Visit } from '../../src/schemas.ts';
import { encode } from '../../src/scripts/search/text.ts';

/** Pagefind's language for the records: one without word segmentation or stemming. */
export const indexLanguage = 'unknown';

export interface VisitInput {
  id: string;
  data: Visit;
  /** the article text as shown on the visit page (Markdown rendered to text, `¶ ` before each paragraph) */
  text: string;
}
export interface LeaderInput {
  id: string;
  data: Leader;
}
export interface ProvinceInput {
  id: string;
  data: Province;
}

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort?: Record<string, string>;
}

/**
 * Record URLs are site paths without the base: Pagefind's runtime puts the base in front (it
 * derives it from where the bundle is served, `/archive/pagefind/` → `/archive/`), so one index
 * serves any deployment path.
 */
export function sitePath(path: string): string {
  return `/${path.replace(/^\/+/, '')}`;
}

function lines(parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim().length > 0)
    .join('\n');
}

function years(start: string, end: string, extra: string[]): string[] {
  const set = new Set<string>();
  const from = Number(start.slice(0, 4));
  const to = Number(end.slice(0, 4));
  for (let y = from; y <= to; y++) set.add(String(y));
  for (const d of extra) set.add(d.slice(0, 4));
  return [...set].sort();
}

export function provinceLabel(provinces: Map<string, Province>, id: string | null | undefined): string {
  if (!id) return '';
  return provinces.get(id)?.short ?? id;
}

/** `浙江 → 重庆`, `安徽 → 浙江、上海`, or for a meeting the members `上海、江苏、浙江、安徽`. */
export function routeOf(visit: Visit, provinces: Map<string, Province>): string {
  const names = (ids: string[]) => ids.map((id) => provinceLabel(provinces, id)).join('、');
  if (visit.visiting) return `${provinceLabel(provinces, visit.visiting)} → ${names(visit.hosts)}`;
  return names(visit.provinces);
}

/** Ends the article in a record's text (see `paragraphMark` in html-text.ts for the start of each paragraph). */
export const bodyEnd = '¦';

export function visitRecord(input: VisitInput, provinces: Map<string, Province>): SearchRecord {
  const v = input.data;
  const text = lines([
    v.title,
    input.text,
    // the end of the article: what follows is the front matter (no paragraph to link to)
    bodyEnd,
    ...v.people.map((p) => lines([p.name, p.role])),
    ...v.others.map((o) => lines([o.name, o.affiliation, o.note])),
    ...v.places.map((p) => lines([p.name, p.city])),
    v.meeting?.name,
    v.meeting?.where,
    ...v.legs.map((l) => lines([l.where, l.note])),
    ...v.provinces.map((id) => lines([provinces.get(id)?.name, provinces.get(id)?.short])),
    ...v.publishers,
    ...v.credits.map((c) => c.name),
  ]);
  const leaders = [...new Set(v.people.map((p) => p.leader))].sort();
  return {
    url: sitePath(`visits/${input.id}/`),
    content: encode(text).join(' '),
    language: indexLanguage,
    meta: {
      title: v.title,
      type: 'visit',
      kind: v.kind,
      start: v.start,
      end: v.end,
      route: routeOf(v, provinces),
    },
    filters: {
      kind: ['visit'],
      leader: leaders,
      province: [...new Set(v.provinces)].sort(),
      year: years(v.start, v.end, v.legs.flatMap((l) => l.dates)),
    },
    sort: { date: v.start },
  };
}

/** `Lǐ Jǐnbīn` → `li jinbin`; ü is written `v` (as typed on a keyboard) or, with `u`, `u`. */
export function plainPinyin(pinyin: string, umlaut: 'v' | 'u' = 'v'): string {
  return pinyin
    .normalize('NFC')
    .replace(/[üǖǘǚǜÜǕǗǙǛ]/g, umlaut)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function leaderRecord(
  input: LeaderInput,
  provinces: Map<string, Province>,
  syllables: string[] = [],
): SearchRecord {
  const l = input.data;
  const spaced = plainPinyin(l.pinyin);
  const spacedU = plainPinyin(l.pinyin, 'u');
  const roles = [...new Set(l.roles.map((r) => r.role))];
  const latest = l.roles.reduce<(typeof l.roles)[number] | undefined>((a, r) => (!a || r.date >= a.date ? r : a), undefined);
  const text = lines([
    l.name,
    spaced,
    spacedU !== spaced ? `${spacedU} ${spacedU.replace(/ /g, '')}` : null,
    l.pinyinPlain,
    syllables.length > 1 ? syllables.join(' ') : null,
    ...roles,
    ...l.provinces.map((id) => lines([provinces.get(id)?.name, provinces.get(id)?.short])),
  ]);
  return {
    url: sitePath(`leaders/${input.id}/`),
    content: encode(text).join(' '),
    language: indexLanguage,
    meta: {
      title: l.name,
      type: 'leader',
      pinyin: l.pinyin,
      role: latest ? lines([provinceLabel(provinces, latest.province), latest.role]).replace('\n', ' ') : '',
      visits: String(l.visits.length),
    },
    filters: { kind: ['entity'] },
  };
}

export function provinceRecord(input: ProvinceInput): SearchRecord {
  const p = input.data;
  const text = lines([p.name, p.short, p.abbr, plainPinyin(p.pinyin), p.pinyin.toLowerCase().replace(/[^a-z]/g, '')]);
  return {
    url: sitePath(`provinces/${input.id}/`),
    content: encode(text).join(' '),
    language: indexLanguage,
    meta: { title: p.name, type: 'province', short: p.short },
    filters: { kind: ['entity'] },
  };
}
