/**
 * `/sitemap.xml`, only when SITE_URL is set: a sitemap must list absolute URLs, and without a
 * known origin there are none to give, so no sitemap is built (robots.txt then names none).
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../lib/data.ts';
import { sitemapPaths, sitemapXml } from '../lib/feeds.ts';
import { listingPages } from '../lib/listings.ts';

export function getStaticPaths() {
  return import.meta.env.SITE ? [{ params: { sitemap: 'sitemap.xml' } }] : [];
}

export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const xml = sitemapXml(import.meta.env.BASE_URL, site!, sitemapPaths(archive, listingPages(archive)));
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
