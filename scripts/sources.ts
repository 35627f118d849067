/**
 * Post-build stage: publishes each visit's raw source exactly as received (same bytes) at
 * `<out>/sources/<published name>`, the URL every page links to (`paths.source()` in
 * src/lib/url.ts: always `.txt`, `# ? % \` replaced by `_`, see publishedSourceName).
 *
 *   node scripts/sources.ts --site DIR [--generated DIR] [--sources DIR]
 *
 * Which sources: those named by a visit of the generated collection (`source.file` in each
 * content/generated/visits/*.md front matter), as the pages link them; a file the pipeline
 * skipped is not published. A plain file copy instead of one Astro route per source (at 5,000
 * articles that was about 11 s of Astro's page generation). `astro dev` does not serve them.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { publishedSourceName } from '../src/lib/url.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The `source.file` of a visit file's front matter (the pipeline writes `source:` as a top-level
 * block whose first entry is `file:`); only that one scalar is parsed, not the whole front matter.
 */
export function sourceFileOf(markdown: string, path = 'visit'): string {
  const end = markdown.indexOf('\n---\n', 4);
  const front = markdown.slice(0, end < 0 ? markdown.length : end + 1);
  const match = /\nsource:\n {2}file: (.*)\n/u.exec(front);
  if (!match) throw new Error(`${path}: no source.file in the front matter`);
  const file: unknown = parse(match[1]!);
  if (typeof file !== 'string' || file === '') throw new Error(`${path}: source.file is not a file name`);
  return file;
}

export interface PublishResult {
  copied: number;
  /** published names claimed by more than one source (the first in name order is kept) */
  clashes: string[];
}

/** Copies the raw source of every generated visit into `<site>/sources/`. */
export function publishSources(options: { site: string; generated: string; sources: string }): PublishResult {
  const visitsDir = join(options.generated, 'visits');
  const files = new Set<string>();
  if (existsSync(visitsDir)) {
    for (const name of readdirSync(visitsDir).filter((n) => n.endsWith('.md'))) {
      files.add(sourceFileOf(readFileSync(join(visitsDir, name), 'utf8'), join(visitsDir, name)));
    }
  }
  const out = join(options.site, 'sources');
  if (files.size) mkdirSync(out, { recursive: true });
  const published = new Map<string, string>();
  const clashes: string[] = [];
  for (const file of [...files].sort(cmp)) {
    if (file.includes('/') || file.includes('\\') || file.startsWith('.')) throw new Error(`sources: refusing file name ${file}`);
    const name = publishedSourceName(file);
    const taken = published.get(name);
    if (taken !== undefined) {
      clashes.push(`${file} and ${taken} are both published as sources/${name}: only ${taken} is`);
      continue;
    }
    published.set(name, file);
    copyFileSync(join(options.sources, file), join(out, name));
  }
  return { copied: published.size, clashes };
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist' },
      generated: { type: 'string', default: 'content/generated' },
      sources: { type: 'string', default: 'content/sources' },
    },
  });
  try {
    const result = publishSources({ site: resolve(root, values.site!), generated: resolve(root, values.generated!), sources: resolve(root, values.sources!) });
    for (const c of result.clashes) console.warn(`sources: warning: ${c}`);
  } catch (error) {
    console.error(`sources: error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
