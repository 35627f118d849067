/** The five real sources, read once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SOURCES_DIR = join(ROOT, 'content/sources');
export const FIXTURES = join(ROOT, 'tests/fixtures/pipeline');

export interface Source {
  /** e.g. `000` */
  id: string;
  path: string;
  bytes: Uint8Array;
  text: string;
  /** raw lines, 1-based: rawLines[n - 1] */
  rawLines: string[];
}

export const sources: Source[] = readdirSync(SOURCES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const bytes = new Uint8Array(readFileSync(join(SOURCES_DIR, f)));
    const text = new TextDecoder().decode(bytes);
    return { id: f.slice(0, 3), path: `content/sources/${f}`, bytes, text, rawLines: text.split('\n') };
  });

export function source(id: string): Source {
  const s = sources.find((x) => x.id === id);
  if (!s) throw new Error(`no source ${id}`);
  return s;
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}
