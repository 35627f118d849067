/** `/data/provinces.json`: the 34 provincial-level divisions, GB/T 2260 order (see README.md, "Data exports"). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { href, paths } from '../../lib/url.ts';
import { byKey, exportResponse } from './_export.ts';

export const GET: APIRoute = async () => {
  const provinces = (await getCollection('provinces')).sort(byKey((p) => p.data.code));
  return exportResponse(
    'provinces',
    provinces.map((p) => ({ id: p.id, url: href(paths.province(p.id)), ...p.data })),
  );
};
