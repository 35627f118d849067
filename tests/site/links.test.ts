/**
 * Every internal link, anchor and asset of the built site resolves, at the domain root and
 * under the sub-path; nothing is loaded from another host; the sitemap and feed point only at
 * pages that exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crawl, fileOf, formatIssues } from '../helpers/crawl.ts';
import { builds } from '../helpers/builds.ts';
import { generatedVisits } from './generated.ts';

const SITE = 'https://example.org';

describe.each(Object.entries(builds))('%s build', (_name, { dir, base }) => {
  const result = crawl(dir, base);

  it('crawls every page', () => {
    const visits = generatedVisits();
    expect(result.pages.length).toBeGreaterThan(visits.length + 34);
    expect(result.checked).toBeGreaterThan(result.pages.length * 10);
  });

  it('has no broken internal link, anchor or asset', () => {
    expect(result.issues, formatIssues(result.issues)).toEqual([]);
  });

  it('links only to pages under its base path', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const hrefs = [...html.matchAll(/(?:href|src|action)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const h of hrefs) expect(h.startsWith(base), h).toBe(true);
  });

  it('lists in the sitemap only pages that exist, each with an absolute URL under the base', () => {
    const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(generatedVisits().length);
    for (const loc of locs) {
      expect(loc.startsWith(`${SITE}${base}`), loc).toBe(true);
      const path = new URL(loc).pathname;
      if (path === `${base}search/`) continue; // the search page belongs to the search work (issue 4)
      expect(fileOf(dir, base, path).file, `${loc}: ${fileOf(dir, base, path).problem}`).toBeTruthy();
    }
    expect(new Set(locs).size).toBe(locs.length);
  });

  it('names the sitemap in robots.txt and links the feed entries to existing pages', () => {
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${base}sitemap.xml`);
    const feed = readFileSync(join(dir, 'feed.xml'), 'utf8');
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${SITE}${base}feed.xml"/>`);
    const links = [...feed.matchAll(/<link rel="alternate" type="text\/html" href="([^"]+)"\/>/g)].map((m) => m[1]!);
    const entries = feed.match(/<entry>/g)?.length ?? 0;
    expect(entries).toBe(Math.min(50, generatedVisits().length));
    for (const link of links) expect(fileOf(dir, base, new URL(link).pathname).file, link).toBeTruthy();
  });
});
