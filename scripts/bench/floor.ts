/**
 * The framework floor: what Astro itself costs to build N plain Markdown pages of the same text
 * as the N articles of a corpus. The project is bench/floor/ (Astro's defaults, one content
 * collection, one trivial [slug].astro), copied into a temp dir with the pages added.
 *
 *   node scripts/bench/floor.ts --count 500      # builds it once and prints the time
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CorpusEntry, generateCorpus } from './corpus.ts';
import { linkModules, projectRoot, removeDir } from './project.ts';
import { measure, type Measured } from './measure.ts';

export interface FloorPage {
  title: string;
  paragraphs: string[];
}

const yamlString = (s: string) => JSON.stringify(s);

/** Each article as a Markdown page: its title and its body paragraphs, the text a visit page shows. */
export function floorMarkdown(page: FloorPage): string {
  return `---\ntitle: ${yamlString(page.title)}\n---\n\n${page.paragraphs.join('\n\n')}\n`;
}

export function writeFloorProject(pages: FloorPage[], parent = tmpdir()): string {
  const dir = mkdtempSync(join(parent, `bench-floor-${pages.length}-`));
  cpSync(join(projectRoot, 'bench/floor'), dir, { recursive: true });
  const content = join(dir, 'content/pages');
  mkdirSync(content, { recursive: true });
  const width = String(pages.length).length;
  pages.forEach((page, i) => writeFileSync(join(content, `p${String(i).padStart(width, '0')}.md`), floorMarkdown(page)));
  linkModules(dir);
  return dir;
}

export function buildFloor(dir: string, echo = false): Promise<Measured> {
  const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  return measure(process.execPath, [astro, 'build', '--silent'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    echo,
  });
}

export const floorPages = (entries: CorpusEntry[]): FloorPage[] => entries.map((e) => ({ title: e.title, paragraphs: e.paragraphs }));

if (import.meta.main) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '500' }, keep: { type: 'boolean', default: false } } });
  const corpus = generateCorpus({ count: Number(values.count) });
  const dir = writeFloorProject(floorPages(corpus.entries));
  const result = await buildFloor(dir, true);
  console.log(`floor: ${values.count} pages in ${result.wallMs} ms, exit ${result.code}, peak ${(result.peakTreeRss / 2 ** 20).toFixed(0)} MiB (${dir})`);
  if (!values.keep) removeDir(dir);
}
