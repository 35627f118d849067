/** robots.txt: everything may be crawled; the Sitemap line only when SITE_URL gives an origin. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feeds.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(import.meta.env.BASE_URL, site), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
