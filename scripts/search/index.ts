/**
 * Builds the search index of a built site (run by scripts/build.ts after `astro build`):
 *
 *   node scripts/search/index.ts --site dist [--content content/generated]
 *
 * Reads the records the pipeline wrote (visits as Markdown, leaders and provinces as JSON),
 * turns every visit, leader and province page into a Pagefind custom record (records.ts) and
 * writes the Pagefind bundle to <site>/pagefind/ and the traditional → simplified table to
 * <site>/search/t2s.txt, and the chunks one-character searches must load to <site>/search/prefix.txt
 * (pagefind-meta.ts). Result URLs are site paths; the runtime puts the deployment base in front.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import * as pagefind from 'pagefind';
import { pinyin } from 'pinyin-pro';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { parse as parseYaml } from 'yaml';
import { leaderSchema, provinceSchema, visitSchema, type Province } from '../../src/schemas.ts';
import { decode, formatProbes, formatT2S, segments } from '../../src/scripts/search/text.ts';
import { htmlToText } from './html-text.ts';
import { prefixProbes, readPagefindMeta } from './pagefind-meta.ts';
import { leaderRecord, provinceRecord, type SearchRecord, visitRecord } from './records.ts';
import { buildT2S } from './t2s.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    content: { type: 'string', default: join(root, 'content/generated') },
  },
});
if (!values.site) {
  console.error('usage: node scripts/search/index.ts --site <built site dir> [--content <generated records dir>]');
  process.exit(2);
}
const site = resolve(values.site);
const content = resolve(values.content!);


function fail(message: string): never {
  console.error(`search: ${message}`);
  process.exit(1);
}

function files(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

const idOf = (dir: string, file: string, ext: string) => relative(dir, file).slice(0, -ext.length).split(/[\\/]/).join('/');

function readJson<T>(file: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${relative(root, file)}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(`${relative(root, file)}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

const started = performance.now();
const phases: string[] = [];
let mark = started;
const phase = (name: string) => {
  const now = performance.now();
  phases.push(`${name} ${Math.round(now - mark)} ms`);
  mark = now;
};
const provinces = new Map<string, Province>();
for (const file of files(join(content, 'provinces'), '.json')) {
  provinces.set(idOf(join(content, 'provinces'), file, '.json'), readJson(file, provinceSchema));
}

const records: SearchRecord[] = [];
const missingPages: string[] = [];
const pageExists = (path: string) => existsSync(join(site, path, 'index.html'));

/**
 * The visits' front matter, as the site exported it (`<site>/data/visits.json`, written by the
 * Astro build from the same collection): one JSON.parse instead of a YAML parse per visit (the
 * `yaml` parser was a third of this script's CPU at 5,000 articles). A visit missing from the
 * export (or a site without it) falls back to its own front matter.
 */
function exportedVisits(): Map<string, unknown> {
  const file = join(site, 'data', 'visits.json');
  const out = new Map<string, unknown>();
  if (!existsSync(file)) return out;
  let body: unknown;
  try {
    body = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.warn(`search: warning: ${relative(root, file)} is not valid JSON (${(e as Error).message}); reading the front matter instead`);
    return out;
  }
  const list = (body as { visits?: unknown }).visits;
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    if (!item || typeof item !== 'object') continue;
    const { id, url: _url, sourceUrl: _sourceUrl, ...data } = item as Record<string, unknown>;
    if (typeof id === 'string') out.set(id, data);
  }
  return out;
}
const exported = exportedVisits();
let fromYaml = 0;

const markdown = await createMarkdownProcessor({ remarkPlugins: [remarkCjkFriendly], smartypants: false, syntaxHighlight: false });
for (const file of files(join(content, 'visits'), '.md')) {
  const id = idOf(join(content, 'visits'), file, '.md');
  const source = readFileSync(file, 'utf8');
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) fail(`${relative(root, file)}:1: no front matter (--- … ---)`);
  let frontmatter: unknown = exported.get(id);
  if (frontmatter === undefined) {
    fromYaml++;
    try {
      // YAML 1.2 (package yaml): dates stay strings, as the schema wants
      frontmatter = parseYaml(match[1]!);
    } catch (e) {
      fail(`${relative(root, file)}: front matter is not valid YAML (${(e as Error).message})`);
    }
  }
  const body = source.slice(match[0].length);
  const parsed = visitSchema.safeParse(frontmatter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = exported.has(id) ? `${relative(root, join(site, 'data', 'visits.json'))} (visit ${id})` : `${relative(root, file)}: front matter`;
    fail(`${where} ${issue.path.join('.')}: ${issue.message}`);
  }
  if (!pageExists(`visits/${id}`)) missingPages.push(`visits/${id}/`);
  const html = (await markdown.render(body)).code;
  records.push(visitRecord({ id, data: parsed.data, text: htmlToText(html) }, provinces));
}
for (const file of files(join(content, 'leaders'), '.json')) {
  const id = idOf(join(content, 'leaders'), file, '.json');
  const data = readJson(file, leaderSchema);
  if (!pageExists(`leaders/${id}`)) missingPages.push(`leaders/${id}/`);
  const syllables = pinyin(data.name, { toneType: 'none', type: 'array' });
  records.push(leaderRecord({ id, data }, provinces, syllables.join('') === data.pinyinPlain ? syllables : []));
}
for (const [id, data] of provinces) {
  if (!pageExists(`provinces/${id}`)) missingPages.push(`provinces/${id}/`);
  records.push(provinceRecord({ id, data }));
}
if (missingPages.length > 0) {
  console.warn(`search: warning: ${missingPages.length} record(s) have no page in ${relative(root, site) || site} (indexed anyway): ${missingPages.slice(0, 5).join(', ')}${missingPages.length > 5 ? ' …' : ''}`);
}

phase('read');
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'unknown' });
if (!index) fail(`pagefind: ${errors.join('; ')}`);
for (const record of records) {
  const res = await index.addCustomRecord(record);
  if (res.errors.length) fail(`pagefind: ${record.url}: ${res.errors.join('; ')}`);
}
phase('add');
const outputPath = join(site, 'pagefind');
rmSync(outputPath, { recursive: true, force: true });
const written = await index.writeFiles({ outputPath });
if (written.errors.length) fail(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();

phase('write');
// the browser bundle needs only the search API; drop Pagefind's stock UI files
for (const name of readdirSync(outputPath)) {
  if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(name)) rmSync(join(outputPath, name));
}

const runs: string[] = [];
for (const r of records) for (const seg of segments(decode(r.content))) if (seg.han) runs.push(seg.text);
const table = buildT2S(runs);
mkdirSync(join(site, 'search'), { recursive: true });
writeFileSync(join(site, 'search', 't2s.txt'), formatT2S(table));

phase('t2s');
// one-character searches: the chunks beyond the first that hold a character's words
let meta: ReturnType<typeof readPagefindMeta>;
try {
  meta = readPagefindMeta(outputPath);
} catch (e) {
  fail(`cannot read the Pagefind bundle's chunk table: ${(e as Error).message}`);
}
const { probes, unreachable } = prefixProbes(meta.chunks);
writeFileSync(join(site, 'search', 'prefix.txt'), formatProbes(probes));
for (const { char, chunk } of unreachable) {
  console.warn(`search: warning: index chunk ${chunk.hash} (${chunk.from} … ${chunk.to}) has no word a query can reach: one-character searches for ${char} will not see it`);
}
phase('prefix');
const count = (type: string) => records.filter((r) => r.meta.type === type).length;
console.log(
  `search: indexed ${count('visit')} visits, ${count('leader')} leaders, ${count('province')} provinces; ` +
    `${table.size} traditional characters mapped; ${meta.chunks.length} index chunks, ${probes.size} characters spread over several; front matter: ${records.length - fromYaml - count('leader') - count('province')} from data/visits.json, ${fromYaml} from YAML; ${Math.round(performance.now() - started)} ms (${phases.join(', ')})`,
);
