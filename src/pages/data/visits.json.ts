/** `/data/visits.json`: every visit record, date order (see README.md, "Data exports" for the schema). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { href, paths } from '../../lib/url.ts';
import { byKey, exportResponse } from './_export.ts';

export const GET: APIRoute = async () => {
  const visits = (await getCollection('visits')).sort(byKey((v) => `${v.data.start}\u0000${v.id}`));
  return exportResponse(
    'visits',
    visits.map((v) => ({ id: v.id, url: href(paths.visit(v.id)), sourceUrl: href(paths.source(v.data.source.file)), ...v.data })),
  );
};
