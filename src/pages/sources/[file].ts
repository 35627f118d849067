/**
 * `/sources/<file>`: each visit's raw source exactly as received (bytes identical), from
 * content/sources/. A static endpoint: the host serves it by its extension (`.txt` → text/plain).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { getArchive } from '../../lib/data.ts';
import { publishedSourceName } from '../../lib/url.ts';

const sourcesDir = resolve(process.cwd(), 'content/sources');

export async function getStaticPaths() {
  const archive = await getArchive();
  const files = [...new Set(archive.visits.map((v) => v.data.source.file))].sort();
  // published as .txt whatever the source is called (see publishedSourceName)
  return files.map((file) => ({ params: { file: publishedSourceName(file) }, props: { file } }));
}

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
  const { file } = props;
  if (file.includes('/') || file.includes('\\') || file.startsWith('.')) throw new Error(`sources: refusing file name ${file}`);
  const bytes = await readFile(join(sourcesDir, file));
  return new Response(bytes);
};
