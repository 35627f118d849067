/** `/data/leaders.json`: every person, by id (see README.md, "Data exports" for the schema). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { href, paths } from '../../lib/url.ts';
import { byKey, exportResponse } from './_export.ts';

export const GET: APIRoute = async () => {
  const leaders = (await getCollection('leaders')).sort(byKey((l) => l.id));
  return exportResponse(
    'leaders',
    leaders.map((l) => ({ id: l.id, url: href(paths.leader(l.id)), ...l.data })),
  );
};
