/**
 * Editorial data: the YAML files in content/editorial/ that an editor maintains (gazetteers,
 * the province grid, dates a source omits, people whose identity the name alone does not settle).
 *
 * Each file is parsed with `yaml` (keeping line numbers) and validated with zod; a problem is an
 * EditorialError whose message is `file:line: field: problem`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { z } from 'astro/zod';

/** Folded YAML puts a space at each line break: none between Chinese characters. */
export function tidy(text: string): string {
  const cjk = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’]';
  return text.trim().replace(new RegExp(`(?<=${cjk})\\s+(?=${cjk})`, 'gu'), '');
}

export class EditorialError extends Error {
  override name = 'EditorialError';
}

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase ASCII slug');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date (quote it)');
const reason = z.string().min(10, 'give a reason an editor can check').transform(tidy);

const gridSchema = z.object({
  reason,
  tiles: z.record(z.string(), z.object({ row: z.number().int().nonnegative(), col: z.number().int().nonnegative() })),
});

const provincesSchema = z.object({
  slugs: z.array(z.object({ name: z.string(), slug, reason })).default([]),
  abbreviations: z.object({ reason, names: z.record(z.string(), z.string().length(1)) }).optional(),
});

const dateEntry = z
  .object({
    file: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    year: z.number().int().min(1949).max(2100).optional(),
    published: isoDate.optional(),
    reason,
  })
  .refine((e) => e.year !== undefined || e.published !== undefined, 'give a year or a published date');

const personEntry = z.object({
  id: slug,
  name: z.string().min(2),
  provinces: z.array(slug).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  pinyin: z.string().optional(),
  note: z.string().transform(tidy).optional(),
  reason,
});

const placeEntry = z.object({
  name: z.string().min(2),
  kind: z.enum(['city', 'district', 'site', 'company', 'institution', 'venue']),
  province: slug.nullable(),
  city: z.string().optional(),
  match: z.array(z.string().min(2)).optional(),
  reason,
});

const publisherEntry = z.object({
  name: z.string().min(2),
  province: slug.nullable(),
  match: z.array(z.string().min(2)).min(1),
  reason,
});

const surnamesSchema = z.object({ reason, single: z.string().min(1), compound: z.array(z.string().length(2)).default([]) });

export type Grid = z.infer<typeof gridSchema>;
export type ProvinceSupplements = z.infer<typeof provincesSchema>;
export type DateEntry = z.infer<typeof dateEntry>;
export type PersonEntry = z.infer<typeof personEntry>;
export type PlaceEntry = z.infer<typeof placeEntry>;
export type PublisherEntry = z.infer<typeof publisherEntry>;

export interface Editorial {
  dir: string;
  grid: Grid;
  provinces: ProvinceSupplements;
  dates: DateEntry[];
  people: PersonEntry[];
  places: PlaceEntry[];
  publishers: PublisherEntry[];
  surnames: { single: Set<string>; compound: Set<string> };
}

/** Line of the YAML node at `path` (for error messages), or 1. */
function lineOf(node: YamlNode | null | undefined, path: PropertyKey[], counter: LineCounter): number {
  let current: unknown = node;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      current = pair.value ?? pair.key;
    } else if (isSeq(current) && typeof key === 'number') {
      current = current.items[key];
    } else break;
  }
  const range = (current as { range?: [number, number, number] } | undefined)?.range;
  return range ? counter.linePos(range[0]).line : 1;
}

/** Parses and validates one editorial YAML file; `file:line: field: problem` on any error. */
export function parseEditorialYaml<T>(text: string, file: string, schema: z.ZodType<T>): T {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? 1;
    throw new EditorialError(`${file}:${line}: YAML: ${e.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const line = lineOf(doc.contents, issue.path, counter);
      const field = issue.path.length ? issue.path.join('.') : '(file)';
      return `${file}:${line}: ${field}: ${issue.message}`;
    });
    throw new EditorialError(lines.join('\n'));
  }
  return result.data;
}

function load<T>(dir: string, name: string, schema: z.ZodType<T>, fallback: T, root: string): T {
  const path = join(dir, name);
  if (!existsSync(path)) return fallback;
  return parseEditorialYaml(readFileSync(path, 'utf8'), relative(root, path) || path, schema);
}

/** Loads every editorial file of `dir` (missing optional files count as empty). */
export function loadEditorial(dir: string, root = process.cwd()): Editorial {
  const gridPath = join(dir, 'province-grid.yaml');
  if (!existsSync(gridPath)) throw new EditorialError(`${relative(root, gridPath)}: missing (the tile-grid map of the 34 divisions)`);
  const surnames = load(dir, 'surnames.yaml', surnamesSchema, { reason: 'none given', single: '', compound: [] }, root);
  return {
    dir,
    grid: load(dir, 'province-grid.yaml', gridSchema, { reason: '', tiles: {} }, root),
    provinces: load(dir, 'provinces.yaml', provincesSchema, { slugs: [] }, root),
    dates: load(dir, 'dates.yaml', z.array(dateEntry).nullable().transform((v) => v ?? []), [], root),
    people: load(dir, 'people.yaml', z.array(personEntry).nullable().transform((v) => v ?? []), [], root),
    places: load(dir, 'places.yaml', z.array(placeEntry).nullable().transform((v) => v ?? []), [], root),
    publishers: load(dir, 'publishers.yaml', z.array(publisherEntry).nullable().transform((v) => v ?? []), [], root),
    surnames: { single: new Set([...surnames.single]), compound: new Set(surnames.compound) },
  };
}
