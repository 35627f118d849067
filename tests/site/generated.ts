/** The records the built site must show, read straight from content/generated/ (not via Astro). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type Leader, leaderSchema, type Province, provinceSchema, type Visit, visitSchema } from '../../src/schemas.ts';
import { projectRoot } from '../helpers/builds.ts';

const dir = join(projectRoot, 'content/generated');

function ids(sub: string, ext: string): string[] {
  return readdirSync(join(dir, sub))
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

export function generatedVisits(): { id: string; data: Visit }[] {
  return ids('visits', '.md').map((id) => {
    const text = readFileSync(join(dir, 'visits', `${id}.md`), 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
    if (!m) throw new Error(`content/generated/visits/${id}.md: no front matter`);
    return { id, data: visitSchema.parse(parseYaml(m[1]!)) };
  });
}

export function generatedLeaders(): { id: string; data: Leader }[] {
  return ids('leaders', '.json').map((id) => ({ id, data: leaderSchema.parse(JSON.parse(readFileSync(join(dir, 'leaders', `${id}.json`), 'utf8'))) }));
}

export function generatedProvinces(): { id: string; data: Province }[] {
  return ids('provinces', '.json').map((id) => ({ id, data: provinceSchema.parse(JSON.parse(readFileSync(join(dir, 'provinces', `${id}.json`), 'utf8'))) }));
}
