/**
 * The source pipeline: raw articles → the content collections the site renders.
 *
 *   node scripts/normalize.ts [--sources DIR] [--out DIR] [--report FILE] [--editorial DIR] [--quiet]
 *
 * Defaults: content/sources → content/generated/{visits,leaders,provinces}, report in
 * reports/normalize.txt (+ reports/normalize.json). Every file of the sources folder is read in
 * code-point order of its name (hidden files, starting with `.`, are ignored); each is cleaned
 * (scripts/pipeline/clean.ts), its facts extracted (scripts/extract/), every record validated
 * with the zod schemas of src/schemas.ts, and the collections written; files this run did not
 * produce are removed. Running twice gives byte-identical output. The report is saved and printed
 * (only its warnings, errors and summary with --quiet or when it is longer than 2,000 lines).
 *
 * A file that cannot become an article (empty, binary, undecodable: a SourceError; or no date,
 * no province) is skipped with a warning naming it; the others still build. A schema violation
 * or an editorial-file error is fatal: exit 1, `file: field: problem`, nothing written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { leaderSchema, provinceSchema, visitSchema, type Leader, type Province } from '../src/schemas.ts';
import { EditorialError, loadEditorial } from './extract/editorial.ts';
import { buildLeaders, type VisitForLeaders } from './extract/leaders.ts';
import { loadGeography, provinceRecords } from './extract/provinces.ts';
import { buildVisit, type VisitRecord } from './extract/records.ts';
import { SourceError } from './pipeline/errors.ts';
import { formatReport, restoreStackTraces, ruleOf, severityOf, skippedFile, stopStackTraces } from './pipeline/report.ts';
import type { CleanDocument } from './pipeline/types.ts';

export type Cleaner = (bytes: Uint8Array, path: string) => CleanDocument;

export interface NormalizeOptions {
  root: string;
  sources: string;
  out: string;
  editorial: string;
}

export interface NormalizeOutput {
  /** relative path under `out` → file content */
  files: Map<string, string>;
  vfiles: VFile[];
  /** fatal problems (`file: field: problem`); when any, nothing should be written */
  errors: string[];
  counts: { sources: number; visits: number; leaders: number; provinces: number; skipped: number };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Path as shown in messages: relative to the project when inside it, with forward slashes. */
function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return (rel.startsWith('..') || isAbsolute(rel) ? path : rel).split(sep).join('/');
}

/**
 * A scalar as YAML: JSON (YAML 1.2 is a superset of JSON), every string double-quoted so dates
 * stay strings and nothing is misread. What JSON leaves raw but YAML does not allow in a
 * double-quoted scalar (DEL, C1 controls, U+2028/2029, BOM, U+FFFE/FFFF) is escaped as `\uXXXX`
 * (JSON escapes lone surrogates itself).
 */
function scalar(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value).replace(unsafeInYaml, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`front matter: ${value} is not a number YAML and JSON share`);
    return JSON.stringify(value);
  }
  throw new Error(`front matter: cannot write a ${typeof value}`);
}
const unsafeInYaml = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/gu;
/** A key: plain when it is an identifier that no YAML schema reads as anything else. */
function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/.test(name) ? name : scalar(name);
}
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function block(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isPlainObject(item) && Object.values(item).some((v) => v !== undefined)) {
        const lines: string[] = [];
        block(item, `${indent}  `, lines);
        out.push(`${indent}- ${lines[0]!.slice(indent.length + 2)}`, ...lines.slice(1));
      } else if (Array.isArray(item) && item.length) {
        out.push(`${indent}-`);
        block(item, `${indent}  `, out);
      } else out.push(`${indent}- ${inline(item)}`);
    }
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length) {
      out.push(`${indent}${key(k)}:`);
      block(v, `${indent}  `, out);
    } else if (isPlainObject(v) && Object.values(v).some((x) => x !== undefined)) {
      out.push(`${indent}${key(k)}:`);
      block(v, `${indent}  `, out);
    } else out.push(`${indent}${key(k)}: ${inline(v)}`);
  }
}
/** A value on one line: a scalar, or an empty list or map. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (isPlainObject(value)) return '{}';
  return scalar(value);
}

/**
 * YAML front matter, written directly in block layout with JSON scalars (about 10 × faster than
 * the `yaml` library's stringify, which was a quarter of normalisation's time): every string
 * double-quoted, so dates stay strings and nothing is misread; deterministic (key order as given).
 */
export function frontMatter(data: unknown): string {
  if (!isPlainObject(data)) throw new Error('front matter: a map expected');
  const out: string[] = [];
  block(data, '', out);
  return out.length ? `${out.join('\n')}\n` : '{}\n';
}

export function json(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

function issues(file: string, error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
  return error.issues.map((i) => `${file}: ${i.path.map(String).join('.') || '(record)'}: ${i.message}`);
}

/**
 * Source file names the archive will not take: hidden files (editor and OS leftovers such as
 * `.DS_Store`, `.foo.txt.swp`) and names a site cannot publish as one URL path segment
 * (`/sources/<name>`): a backslash, a control character. Such a file is skipped with a warning
 * (rule `source/hidden` or `source/name`) and the build goes on.
 */
export function unpublishableName(name: string): { rule: string; reason: string } | null {
  if (name.startsWith('.')) return { rule: 'source/hidden', reason: 'hidden file (the name starts with “.”), not read; rename it if it is an article' };
  if (name.includes('\\')) return { rule: 'source/name', reason: 'the file name contains “\\”, which cannot be published as a URL path; rename it' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { rule: 'source/name', reason: 'the file name contains a control character; rename it' };
  return null;
}

function skippedName(path: string, reason: string, rule: string): VFile {
  const file = new VFile({ path });
  const message = file.message(`skipped: ${reason}`, { ruleId: rule, source: 'normalize' });
  message.fatal = false;
  return file;
}

/** Runs the whole pipeline in memory; `write` puts the result on disk. */
export function normalize(options: NormalizeOptions, clean: Cleaner): NormalizeOutput {
  const errors: string[] = [];
  const vfiles: VFile[] = [];
  const files = new Map<string, string>();
  const counts = { sources: 0, visits: 0, leaders: 0, provinces: 0, skipped: 0 };
  const editorial = loadEditorial(options.editorial, options.root);
  const geo = loadGeography(editorial);

  if (!existsSync(options.sources)) {
    errors.push(`${shown(options.root, options.sources)}: sources folder not found`);
    return { files, vfiles, errors, counts };
  }
  const names: string[] = [];
  for (const entry of readdirSync(options.sources, { withFileTypes: true }).sort((a, b) => cmp(a.name, b.name))) {
    if (!entry.isFile()) continue;
    const refused = unpublishableName(entry.name);
    if (refused) {
      // not read at all, but named in the report so that an editor sees it was left out
      vfiles.push(skippedName(shown(options.root, join(options.sources, entry.name)), refused.reason, refused.rule));
      counts.sources++;
      counts.skipped++;
      continue;
    }
    names.push(entry.name);
  }

  const bySha = new Map<string, string>();
  const ids = new Map<string, string>();
  const visits: (VisitForLeaders & { record: VisitRecord })[] = [];
  for (const name of names) {
    counts.sources++;
    const full = join(options.sources, name);
    const path = shown(options.root, full);
    const bytes = readFileSync(full);
    let doc: CleanDocument;
    try {
      doc = clean(bytes, path);
    } catch (error) {
      if (error instanceof SourceError) {
        vfiles.push(skippedFile(error));
        counts.skipped++;
        continue;
      }
      const message = error instanceof Error ? error.message : String(error);
      errors.push(`${path}: cleaning failed: ${message}`);
      continue;
    }
    vfiles.push(doc.vfile);
    const skip = (reason: string, rule: string) => {
      const m = doc.vfile.message(`skipped: ${reason}`, { ruleId: rule, source: 'extract' });
      m.fatal = false;
      counts.skipped++;
    };
    const twin = bySha.get(doc.sha256);
    if (twin) {
      skip(`identical to ${twin} (same sha256): one visit, from ${twin}`, 'extract/duplicate');
      continue;
    }
    bySha.set(doc.sha256, path);
    let built: ReturnType<typeof buildVisit>;
    // messages are vfile messages (Errors): their stack traces are never shown and cost time
    const stackLimit = stopStackTraces();
    try {
      built = buildVisit(doc, editorial, geo, bytes);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push(`${path}: extraction failed: ${message}`);
      continue;
    } finally {
      restoreStackTraces(stackLimit);
    }
    if (!built.ok) {
      skip(built.reason, 'extract/skipped');
      continue;
    }
    const record = built.record;
    if (ids.has(record.id)) {
      let n = 2;
      while (ids.has(`${record.id}-${n}`)) n++;
      const m = doc.vfile.message(`visit id ${record.id} is taken by ${ids.get(record.id)}: this visit is ${record.id}-${n}`, { ruleId: 'extract/id-clash', source: 'extract' });
      m.fatal = false;
      record.id = `${record.id}-${n}`;
    }
    ids.set(record.id, path);
    visits.push({ id: record.id, data: record.data, vfile: doc.vfile, record });
  }

  const leaders = buildLeaders(visits, editorial);
  for (const v of visits) {
    const parsed = visitSchema.safeParse(v.record.data);
    if (!parsed.success) {
      errors.push(...issues(v.vfile.path, parsed.error));
      continue;
    }
    files.set(`visits/${v.id}.md`, `---\n${frontMatter(parsed.data)}---\n\n${v.record.body}`);
    counts.visits++;
  }
  for (const l of leaders) {
    const parsed = leaderSchema.safeParse(l.data);
    if (!parsed.success) errors.push(...issues(`leaders/${l.id}.json`, parsed.error));
    else files.set(`leaders/${l.id}.json`, json(parsed.data satisfies Leader));
    counts.leaders++;
  }
  for (const p of provinceRecords(geo)) {
    const parsed = provinceSchema.safeParse(p.data);
    if (!parsed.success) errors.push(...issues(`provinces/${p.id}.json`, parsed.error));
    else files.set(`provinces/${p.id}.json`, json(parsed.data satisfies Province));
    counts.provinces++;
  }
  return { files, vfiles, errors, counts };
}

const COLLECTIONS = ['visits', 'leaders', 'provinces'];

/** Writes the collections (unchanged files are left alone) and removes files not produced. */
export function write(out: string, files: Map<string, string>): { written: number; removed: number } {
  let written = 0;
  let removed = 0;
  for (const dir of COLLECTIONS) mkdirSync(join(out, dir), { recursive: true });
  for (const [rel, content] of [...files].sort((a, b) => cmp(a[0], b[0]))) {
    const path = join(out, rel);
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    writeFileSync(path, content);
    written++;
  }
  for (const dir of COLLECTIONS) {
    for (const name of readdirSync(join(out, dir))) {
      if (files.has(`${dir}/${name}`)) continue;
      rmSync(join(out, dir, name), { recursive: true, force: true });
      removed++;
    }
  }
  return { written, removed };
}

/** The report as JSON: one object per message, in report order. */
export function reportJson(vfiles: VFile[]): string {
  const rows = vfiles.flatMap((f) =>
    [...f.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || cmp(ruleOf(a), ruleOf(b)))
      .map((m) => ({ file: f.path, line: m.line ?? null, column: m.column ?? null, severity: severityOf(m), message: m.reason, rule: ruleOf(m) })),
  );
  return json(rows);
}

async function main(): Promise<number> {
  const root = resolve(import.meta.dirname, '..');
  const { values } = parseArgs({
    options: {
      sources: { type: 'string', default: 'content/sources' },
      out: { type: 'string', default: 'content/generated' },
      report: { type: 'string', default: 'reports/normalize.txt' },
      editorial: { type: 'string', default: 'content/editorial' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const options: NormalizeOptions = {
    root,
    sources: resolve(root, values.sources!),
    out: resolve(root, values.out!),
    editorial: resolve(root, values.editorial!),
  };
  const { cleanSource } = await import('./pipeline/clean.ts');
  const started = performance.now();
  const result = normalize(options, (bytes, path) => cleanSource(bytes, path));
  const report = formatReport(result.vfiles);
  const reportPath = resolve(root, values.report!);
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, report);
  writeFileSync(reportPath.replace(/\.txt$/u, '') + '.json', reportJson(result.vfiles));
  // a large archive's report runs to tens of thousands of lines: on the terminal (always with
  // --quiet, as scripts/build.ts runs it), the warnings and errors and the summary; every line
  // stays in the report file
  const lines = report.split('\n');
  if (!values.quiet && lines.length <= 2000) process.stdout.write(report);
  else {
    const loud = lines.filter((l) => /\s(?:warning|error)\s/u.test(l));
    process.stdout.write(`${loud.length ? `${loud.join('\n')}\n` : ''}${lines.at(-2)}\n(${lines.length - 2 - loud.length} info messages not shown: see ${shown(root, reportPath)})\n`);
  }
  if (result.errors.length) {
    for (const e of result.errors) console.error(`normalize: error: ${e}`);
    console.error(`normalize: ${result.errors.length} fatal problem(s); nothing written to ${shown(root, options.out)}`);
    return 1;
  }
  const { written, removed } = write(options.out, result.files);
  const c = result.counts;
  const ms = Math.round(performance.now() - started);
  console.log(
    `normalize: ${c.sources} sources → ${c.visits} visits, ${c.leaders} leaders, ${c.provinces} provinces (${c.skipped} skipped); ${written} files written, ${removed} stale removed; ${ms} ms; report: ${shown(root, reportPath)}`,
  );
  return 0;
}

if (import.meta.main) {
  // exitCode, not exit(): a long report written to a pipe must be flushed first
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof EditorialError || error instanceof SourceError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`normalize: error: ${message}`);
      process.exitCode = 2;
    },
  );
}
