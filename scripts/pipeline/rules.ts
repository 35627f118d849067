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
import { EndFilter } from './anchors.ts';

export const EDITORIAL_DIR = resolve(import.meta.dirname, '../../content/editorial');
const ROOT = resolve(import.meta.dirname, '../..');

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like `recommend-list`');
const pattern = z.string().min(1, 'must not be empty');
const reason = z.string().min(8, 'give a reason an editor can follow (at least 8 characters)');
const where = z.enum(['anywhere', 'header', 'footer', 'edges']).default('anywhere');

const chromeFile = z.strictObject({
  'max-line-length': z.number().int().positive().default(300),
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

/** A compiled pattern; `tail` when every alternative is anchored at the end only (see match). */
export interface Pattern {
  re: RegExp;
  tail: boolean;
}

/**
 * Patterns anchored at the end only (`…$`, no `^`) are run on the last TAIL characters of a
 * line: the regular-expression engine would otherwise try them at every position of every
 * paragraph, and they are the costliest part of the chrome step.
 */
export const TAIL = 200;

/** The top-level alternatives of a regular expression's source. */
export function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** Does every top-level alternative of `source` end with `$` and none start with `^`? */
export function endAnchoredOnly(source: string): boolean {
  return alternatives(source).every((a) => !a.startsWith('^') && a.endsWith('$') && !a.endsWith('\\$'));
}

/** `re.exec` on the line (or its tail), with `index` relative to the whole line. */
export function match(pattern: Pattern, text: string): RegExpExecArray | null {
  if (!pattern.tail || text.length <= TAIL) return pattern.re.exec(text);
  const offset = text.length - TAIL;
  const m = pattern.re.exec(text.slice(offset));
  if (m) m.index += offset;
  return m;
}

export function matches(pattern: Pattern, text: string): boolean {
  return pattern.tail && text.length > TAIL ? pattern.re.test(text.slice(text.length - TAIL)) : pattern.re.test(text);
}

/**
 * The first rule of `rules` whose pattern matches `text`.
 *
 * Two things keep this cheap on the lines no rule matches — nearly every paragraph:
 * - the rules a line cannot match are found from its first and last character (EndFilter,
 *   anchors.ts: a line ending with 。 cannot match `…摄$`), without a regular expression;
 * - the patterns of the rules left are compiled into up to three alternations (anchored at the
 *   start, at the end, and the rest), built once per set of rules, so that the line costs three
 *   regular-expression tests instead of one per rule; and a line of at most TAIL characters,
 *   where a pattern anchored at the end is tested on the whole line anyway, one test of all
 *   the patterns in one alternation.
 */
interface Group {
  test: Pattern;
  kind: 'start' | 'other' | 'tail';
}
interface Combined<T> {
  rules: T[];
  /** every pattern of the list, for a line of at most TAIL characters */
  all: RegExp;
  groups: Group[];
  unanchored: Set<object>;
}
interface Prepared<T> {
  whole: Combined<T>;
  ends: EndFilter | null;
  /** the combined patterns of the rules left by the filter, by its bit mask (built once each) */
  subsets: Map<number, Combined<T>>;
}
const prepared = new WeakMap<object, Prepared<{ test: Pattern }>>();
const alternation = (patterns: Pattern[]): RegExp => new RegExp(patterns.map((p) => `(?:${p.re.source})`).join('|'), 'u');

function combine<T extends { test: Pattern }>(rules: T[]): Combined<T> {
  const join = (list: T[], kind: Group['kind']): Group[] =>
    list.length === 0 ? [] : [{ test: { re: alternation(list.map((r) => r.test)), tail: kind === 'tail' }, kind }];
  const start = rules.filter((r) => !r.test.tail && alternatives(r.test.re.source).every((a) => a.startsWith('^')));
  const other = rules.filter((r) => !r.test.tail && !start.includes(r));
  const tail = rules.filter((r) => r.test.tail);
  return {
    rules,
    all: alternation(rules.map((r) => r.test)),
    groups: [...join(start, 'start'), ...join(tail, 'tail'), ...join(other, 'other')],
    unanchored: new Set(other),
  };
}

function prepare<T extends { test: Pattern }>(rules: T[]): Prepared<T> {
  let p = prepared.get(rules) as Prepared<T> | undefined;
  if (!p) {
    // a pattern run on a line's tail (match) does not see the line's first character
    const ends = EndFilter.of(rules.map((r) => ({ re: r.test.re, useFirst: !r.test.tail })));
    p = { whole: combine(rules), ends, subsets: new Map() };
    prepared.set(rules, p as Prepared<{ test: Pattern }>);
  }
  return p;
}

/**
 * `anchoredOnly`: test only the patterns anchored at the start or at the end (cheap on a long
 * line); the others, which would scan the whole line, are skipped.
 */
export function firstMatch<T extends { test: Pattern }>(rules: T[], text: string, anchoredOnly = false): T | undefined {
  if (rules.length === 0) return undefined;
  const p = prepare(rules);
  let c = p.whole;
  if (p.ends && text.length > 0) {
    const mask = p.ends.candidates(text);
    if (mask === 0) return undefined;
    if (mask !== p.ends.all) {
      let subset = p.subsets.get(mask);
      if (!subset) p.subsets.set(mask, (subset = combine(rules.filter((_, i) => (mask & (1 << i)) !== 0))));
      c = subset;
    }
  }
  const unanchored = c.unanchored;
  // one rule left: its own test (a combined test would only repeat it)
  if (c.rules.length === 1) {
    const rule = c.rules[0]!;
    return !(anchoredOnly && unanchored.has(rule)) && matches(rule.test, text) ? rule : undefined;
  }
  let any = false;
  if (!anchoredOnly && text.length <= TAIL) any = c.all.test(text);
  else {
    for (const g of c.groups) {
      if (anchoredOnly && g.kind === 'other') continue;
      if (matches(g.test, text)) {
        any = true;
        break;
      }
    }
  }
  if (!any) return undefined;
  return c.rules.find((r) => !(anchoredOnly && unanchored.has(r)) && matches(r.test, text));
}

export interface LineRule {
  id: string;
  test: Pattern;
  where: 'anywhere' | 'header' | 'footer' | 'edges';
  reason: string;
}
export interface ListRule {
  id: string;
  heading: Pattern;
  item: Pattern;
  reason: string;
}
export interface TrimRule {
  id: string;
  test: Pattern;
  reason: string;
}
export interface KindRule {
  id: string;
  test: Pattern;
  reason: string;
}

export interface Rules {
  /** a longer line is never removed whole, even if a rule matches it (it is kept, with a warning) */
  maxLineLength: number;
  lines: LineRule[];
  /** `lines` split by `where`, fixed arrays (firstMatch caches by array) */
  anywhere: LineRule[];
  regional: LineRule[];
  /** `lists` with their heading as `test`, for firstMatch */
  listHeadings: (ListRule & { test: Pattern })[];
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

/**
 * A numbered backreference (`\1`) outside a character class, after an even number of
 * backslashes. firstMatch joins a list's patterns into one alternation, where group numbers
 * shift: `\1` would then point at another pattern's group. A named one (`\k<name>`) is fine.
 */
const NUMBERED_BACKREFERENCE = /(?:^|[^\\])(?:\\\\)*\\[1-9]/;

function compile(loaded: Loaded<unknown>, path: (string | number)[], source: string): Pattern {
  let re: RegExp;
  try {
    re = new RegExp(source, 'u');
  } catch (error) {
    throw new RulesError(`${loaded.place(path)}: ${path.join('.')}: invalid regular expression: ${(error as Error).message}`);
  }
  // with flag u, `\1` inside a class is a syntax error, so any left is a backreference
  if (NUMBERED_BACKREFERENCE.test(source)) {
    throw new RulesError(`${loaded.place(path)}: ${path.join('.')}: numbered backreference: a list's patterns are tested as one alternation, where group numbers shift; name the group and use \\k<name>`);
  }
  return { re, tail: endAnchoredOnly(source) };
}

/** ids are unique across the given sections of one file */
function checkUnique(loaded: Loaded<unknown>, sections: [string, { id: string }[]][]): void {
  const seen = new Set<string>();
  for (const [section, entries] of sections) {
    entries.forEach((entry, i) => {
      if (seen.has(entry.id)) throw new RulesError(`${loaded.place([section, i, 'id'])}: ${section}.${i}.id: duplicate id \`${entry.id}\``);
      seen.add(entry.id);
    });
  }
}

/** Parse the two rule files' texts (exported for tests: bad input → RulesError). */
export function parseRules(chromeText: string, kindsText: string, dir = EDITORIAL_DIR): Rules {
  const chrome = load(resolve(dir, 'chrome.yaml'), chromeText, chromeFile);
  const kinds = load(resolve(dir, 'line-kinds.yaml'), kindsText, kindsFile);
  checkUnique(chrome, [
    ['lines', chrome.data.lines],
    ['lists', chrome.data.lists],
    ['trims', chrome.data.trims],
  ]);
  const kindRules = (section: 'meta' | 'caption' | 'credit' | 'split-credit'): KindRule[] => {
    checkUnique(kinds, [[section, kinds.data[section]]]);
    return kinds.data[section].map((r, i) => ({ id: r.id, reason: r.reason, test: compile(kinds, [section, i, 'pattern'], r.pattern) }));
  };
  const lists: ListRule[] = chrome.data.lists.map((r, i) => ({
    id: r.id,
    reason: r.reason,
    heading: compile(chrome, ['lists', i, 'heading'], r.heading),
    item: compile(chrome, ['lists', i, 'item'], r.item),
  }));
  const lines: LineRule[] = chrome.data.lines.map((r, i) => ({ id: r.id, where: r.where, reason: r.reason, test: compile(chrome, ['lines', i, 'pattern'], r.pattern) }));
  return {
    maxLineLength: chrome.data['max-line-length'],
    lines,
    anywhere: lines.filter((r) => r.where === 'anywhere'),
    regional: lines.filter((r) => r.where !== 'anywhere'),
    lists,
    listHeadings: lists.map((r) => ({ ...r, test: r.heading })),
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
