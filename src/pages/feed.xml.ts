/** `/feed.xml`: an Atom feed of the latest visits (absolute links when SITE_URL is set). */
import type { APIRoute } from 'astro';
import { getArchive, site as siteInfo } from '../lib/data.ts';
import { atomFeed } from '../lib/feeds.ts';
import { routeText } from '../lib/labels.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const xml = atomFeed({
    base: import.meta.env.BASE_URL,
    site,
    title: siteInfo.name,
    subtitle: siteInfo.description,
    visits: archive.latest.slice(0, 50),
    route: (v) => routeText(archive, v),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
