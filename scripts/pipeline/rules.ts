/**
 * Editorial rules of the cleaning steps, read from YAML in content/editorial/:
 * - chrome.yaml: what is site chrome (whole lines, lists, parts of lines);
 * - line-kinds.yaml: how kept lines are classified (meta, caption, credit).
 *
 * Every entry has an `id` (the rule id in the report), a pattern (a JavaScript regular
 * expression, flag `u`) and a `reason`. A malformed file fails with `file:line:col: problem`.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { z } from 'astro/zod';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export const EDITORIAL_DIR = resolve(import.meta.dirname, '../../content/editorial');
const ROOT = resolve(import.meta.dirname, '../..');

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like `recommend-list`');
const pattern = z.string().min(1, 'must not be empty');
const reason = z.string().min(8, 'give a reason an editor can follow (at least 8 characters)');
const where = z.enum(['anywhere', 'header', 'footer', 'edges']).default('anywhere');

const chromeFile = z.strictObject({
  lines: z.array(z.strictObject({ id, pattern, where, reason, example: z.string().optional() })).default([]),
  lists: z.array(z.strictObject({ id, heading: pattern, item: pattern, reason, example: z.string().optional() })).default([]),
  trims: z.array(z.strictObject({ id, pattern, reason, example: z.string().optional() })).default([]),
});

const kindRule = z.strictObject({ id, pattern, reason, example: z.string().optional() });
const kindsFile = z.strictObject({
  meta: z.array(kindRule).default([]),
  caption: z.array(kindRule).default([]),
  credit: z.array(kindRule).default([]),
  'split-credit': z.array(kindRule).default([]),
});

export interface LineRule {
  id: string;
  test: RegExp;
  where: 'anywhere' | 'header' | 'footer' | 'edges';
  reason: string;
}
export interface ListRule {
  id: string;
  heading: RegExp;
  item: RegExp;
  reason: string;
}
export interface TrimRule {
  id: string;
  test: RegExp;
  reason: string;
}
export interface KindRule {
  id: string;
  test: RegExp;
  reason: string;
}

export interface Rules {
  lines: LineRule[];
  lists: ListRule[];
  trims: TrimRule[];
  kinds: { meta: KindRule[]; caption: KindRule[]; credit: KindRule[]; splitCredit: KindRule[] };
}

export class RulesError extends Error {
  override name = 'RulesError';
}

interface Loaded<T> {
  data: T;
  place: (path: (string | number)[]) => string;
  file: string;
}

function load<T>(file: string, text: string, schema: z.ZodType<T>): Loaded<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const shown = relative(ROOT, file) || file;
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new RulesError(`${shown}:${line}:${col}: invalid YAML: ${error.message.split('\n')[0]}`);
  }
  const place = (path: (string | number)[]): string => {
    let node: unknown = doc.contents;
    let found: Node | null = null;
    for (const key of path) {
      if (isMap(node) || isSeq(node)) {
        const next = (node as { get(k: unknown, keepScalar: boolean): unknown }).get(key, true);
        if (next === undefined) break;
        node = next;
        if (node && typeof node === 'object' && 'range' in node) found = node as Node;
      } else break;
    }
    const offset = found?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  const parsed = schema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    throw new RulesError(`${place(path)}: ${path.join('.') || '(file)'}: ${issue.message}`);
  }
  return { data: parsed.data, place, file: shown };
}

function compile(loaded: Loaded<unknown>, path: (string | number)[], source: string): RegExp {
  try {
    return new RegExp(source, 'u');
  } catch (error) {
    throw new RulesError(`${loaded.place(path)}: ${path.join('.')}: invalid regular expression: ${(error as Error).message}`);
  }
}

function checkUnique(loaded: Loaded<unknown>, section: string, entries: { id: string }[]): void {
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (seen.has(entry.id)) throw new RulesError(`${loaded.place([section, i, 'id'])}: ${section}.${i}.id: duplicate id \`${entry.id}\``);
    seen.add(entry.id);
  });
}

/** Parse the two rule files' texts (exported for tests: bad input → RulesError). */
export function parseRules(chromeText: string, kindsText: string, dir = EDITORIAL_DIR): Rules {
  const chrome = load(resolve(dir, 'chrome.yaml'), chromeText, chromeFile);
  const kinds = load(resolve(dir, 'line-kinds.yaml'), kindsText, kindsFile);
  const all = [...chrome.data.lines, ...chrome.data.lists, ...chrome.data.trims];
  checkUnique(chrome, 'chrome', all);
  const kindRules = (section: 'meta' | 'caption' | 'credit' | 'split-credit'): KindRule[] => {
    checkUnique(kinds, section, kinds.data[section]);
    return kinds.data[section].map((r, i) => ({ id: r.id, reason: r.reason, test: compile(kinds, [section, i, 'pattern'], r.pattern) }));
  };
  return {
    lines: chrome.data.lines.map((r, i) => ({ id: r.id, where: r.where, reason: r.reason, test: compile(chrome, ['lines', i, 'pattern'], r.pattern) })),
    lists: chrome.data.lists.map((r, i) => ({
      id: r.id,
      reason: r.reason,
      heading: compile(chrome, ['lists', i, 'heading'], r.heading),
      item: compile(chrome, ['lists', i, 'item'], r.item),
    })),
    trims: chrome.data.trims.map((r, i) => ({ id: r.id, reason: r.reason, test: compile(chrome, ['trims', i, 'pattern'], r.pattern) })),
    kinds: { meta: kindRules('meta'), caption: kindRules('caption'), credit: kindRules('credit'), splitCredit: kindRules('split-credit') },
  };
}

let cached: Rules | null = null;

/** The rules in content/editorial/, read once per process. */
export function loadRules(dir = EDITORIAL_DIR): Rules {
  if (cached && dir === EDITORIAL_DIR) return cached;
  const read = (name: string): string => {
    try {
      return readFileSync(resolve(dir, name), 'utf8');
    } catch (error) {
      throw new RulesError(`${relative(ROOT, resolve(dir, name))}: cannot read: ${(error as Error).message}`);
    }
  };
  const rules = parseRules(read('chrome.yaml'), read('line-kinds.yaml'), dir);
  if (dir === EDITORIAL_DIR) cached = rules;
  return rules;
}
