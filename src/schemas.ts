/**
 * The data contract between the pipeline (`scripts/`) and the site (`src/`).
 *
 * The pipeline validates every record it writes against these schemas, and Astro
 * validates them again when it loads the collections (`src/content.config.ts`), so a
 * violation is reported with the file and the field either way.
 *
 * Conventions:
 * - ids are ASCII slugs (`anhui`, `li-jinbin`, `2019-10-23-anhui-zhejiang`);
 * - dates are ISO `YYYY-MM-DD` strings (never Date objects: they serialise deterministically);
 * - text is simplified Chinese as printed in the article.
 */
import { z } from 'astro/zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase ASCII slug');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date');
const isoTime = z.string().regex(/^\d{2}:\d{2}(?::\d{2})?$/, 'must be HH:MM or HH:MM:SS');

/** A fact the text does not state outright: how the pipeline got it. */
export const inference = z.object({
  /** dotted path of the field, e.g. `legs.0.dates.0` or `published.date` */
  field: z.string(),
  value: z.string(),
  /** `inferred` from evidence in the article, or `supplied` by an editorial file */
  how: z.enum(['inferred', 'supplied']),
  /** human-readable reason, in Chinese or English, shown on the visit page */
  reason: z.string(),
  /** for `supplied`: the editorial file and entry id */
  source: z.string().optional(),
});

export const credit = z.object({
  role: z.enum(['reporter', 'photographer', 'editor', 'author', 'correspondent']),
  /** the role as written: 记者, 摄, 责任编辑 … */
  label: z.string(),
  name: z.string(),
});

export const personRef = z.object({
  /** leader id (slug) in the leaders collection */
  leader: slug,
  name: z.string(),
  /** province id the person served in at the time */
  province: slug.nullable(),
  /** role as written in the article, e.g. `省委副书记、省长`; null when the text gives none (lists) */
  role: z.string().nullable(),
  /** delegation = visiting side; host = receiving side; attendee = other participants (meetings, lists) */
  group: z.enum(['delegation', 'host', 'attendee']),
  /** true for people named only in a list such as 浙江省领导陈金彪、冯飞… */
  listed: z.boolean().default(false),
});

export const place = z.object({
  name: z.string(),
  kind: z.enum(['city', 'district', 'site', 'company', 'institution', 'venue']),
  province: slug.nullable(),
  /** city this place is in, when known */
  city: z.string().optional(),
  /** date visited, when the text says */
  date: isoDate.optional(),
});

export const leg = z.object({
  /** host province of this leg (null for e.g. a meeting on a train) */
  province: slug.nullable(),
  dates: z.array(isoDate).min(1),
  /** free-text location, e.g. 返程火车上 */
  where: z.string().optional(),
  note: z.string().optional(),
});

export const meeting = z.object({
  name: z.string(),
  date: isoDate.optional(),
  /** city or venue */
  where: z.string().optional(),
  province: slug.nullable().optional(),
});

export const changeSummary = z.object({
  chromeLinesRemoved: z.number().int().nonnegative(),
  pinyinAnnotationsRemoved: z.number().int().nonnegative(),
  charactersRestored: z.array(z.object({ from: z.string(), to: z.string(), line: z.number().int(), evidence: z.string() })),
  gapsLeft: z.array(z.object({ line: z.number().int(), context: z.string() })),
  punctuationRestored: z.number().int().nonnegative(),
  convertedToSimplified: z.boolean(),
  copyrightSignsRepaired: z.number().int().nonnegative(),
});

export const visitSchema = z.object({
  title: z.string().min(1),
  /** title as printed in the source (traditional script for damaged copies) */
  originalTitle: z.string().optional(),
  kind: z.enum(['visit', 'meeting']),
  /** the visit's first and last day */
  start: isoDate,
  end: isoDate,
  /** visiting province (null for a multilateral meeting) */
  visiting: slug.nullable(),
  /** host province(s), in the order visited */
  hosts: z.array(slug),
  /** every province taking part (visiting + hosts, or all members of a meeting) */
  provinces: z.array(slug).min(1),
  legs: z.array(leg).min(1),
  people: z.array(personRef),
  /** business people and others named who are not officials */
  others: z.array(z.object({ name: z.string(), affiliation: z.string().optional(), note: z.string().optional() })).default([]),
  places: z.array(place),
  meeting: meeting.nullable(),
  published: z.object({ date: isoDate, time: isoTime.optional() }),
  /** publisher chain, first = the page we have, then whom it cites: [新京报, 浙江日报] */
  publishers: z.array(z.string()).min(1),
  credits: z.array(credit).default([]),
  source: z.object({
    /** file name under content/sources/ */
    file: z.string(),
    /** name the file had when received, if renamed */
    originalName: z.string().optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    encoding: z.string(),
    script: z.enum(['traditional', 'simplified']),
  }),
  inferences: z.array(inference).default([]),
  changes: changeSummary,
});

export const roleSeen = z.object({
  role: z.string(),
  province: slug.nullable(),
  /** visit id and its start date */
  visit: z.string(),
  date: isoDate,
});

export const leaderSchema = z.object({
  name: z.string(),
  /** tone-marked pinyin, surname first: `Lǐ Jǐnbīn` */
  pinyin: z.string(),
  /** plain ASCII pinyin, lowercase, no spaces: `lijinbin` */
  pinyinPlain: z.string().regex(/^[a-z]+$/),
  /** provinces served in, as seen in the articles (most recent last) */
  provinces: z.array(slug),
  roles: z.array(roleSeen),
  /** visit ids, date order */
  visits: z.array(z.string()),
  /** editorial note from content/editorial/people.yaml (homonyms, transfers) */
  note: z.string().optional(),
});

export const provinceSchema = z.object({
  name: z.string(),
  /** short name: 安徽, 上海, 内蒙古 */
  short: z.string(),
  /** one-character abbreviation: 皖 */
  abbr: z.string().optional(),
  /** GB/T 2260 code */
  code: z.string().regex(/^\d{6}$/),
  kind: z.enum(['province', 'municipality', 'autonomous-region', 'sar']),
  pinyin: z.string(),
  /** tile-grid map position */
  grid: z.object({ row: z.number().int(), col: z.number().int() }),
});

export type Visit = z.infer<typeof visitSchema>;
export type Leader = z.infer<typeof leaderSchema>;
export type Province = z.infer<typeof provinceSchema>;
export type PersonRef = z.infer<typeof personRef>;
export type Place = z.infer<typeof place>;
export type Inference = z.infer<typeof inference>;
export type ChangeSummary = z.infer<typeof changeSummary>;
