/**
 * Atom feed, sitemap and robots.txt as pure functions of the archive and the deployment
 * (base path, optional canonical origin). Deterministic: no clock, dates come from the records.
 */
import type { Archive, VisitRec } from './archive.ts';
import { formatRange, toRfc3339 } from './dates.ts';
import type { ListingPage } from './listings.ts';
import { joinBase, paths } from './url.ts';

export function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Absolute URL with an origin, else an absolute path (valid in Atom, resolved against the feed). */
function link(base: string, site: URL | undefined, path: string): string {
  const p = joinBase(base, path);
  return site ? new URL(p, site).href : p;
}

export interface FeedInput {
  base: string;
  site: URL | undefined;
  title: string;
  subtitle: string;
  /** newest first */
  visits: VisitRec[];
  route: (v: VisitRec) => string;
}

/** Atom 1.0. Entry ids are tag URIs, stable whatever the host or base path. */
export function atomFeed({ base, site, title, subtitle, visits, route }: FeedInput): string {
  const updatedOf = (v: VisitRec) => toRfc3339(v.data.published.date, v.data.published.time);
  const updated = visits.map(updatedOf).sort().at(-1) ?? '1970-01-01T00:00:00+08:00';
  const entries = visits.map((v) => {
    const summary = `${formatRange(v.data.start, v.data.end)}，${route(v)}。`;
    return [
      '  <entry>',
      `    <title>${escapeXml(v.data.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link(base, site, paths.visit(v.id)))}"/>`,
      `    <id>tag:delegation-archive,2024:visit/${escapeXml(v.id)}</id>`,
      `    <published>${updatedOf(v)}</published>`,
      `    <updated>${updatedOf(v)}</updated>`,
      `    <author><name>${escapeXml(v.data.publishers.join(' / '))}</name></author>`,
      `    <summary>${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escapeXml(title)}</title>`,
    `  <subtitle>${escapeXml(subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(link(base, site, paths.feed()))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(link(base, site, ''))}"/>`,
    '  <id>tag:delegation-archive,2024:feed</id>',
    `  <updated>${updated}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** Site-relative paths of every HTML page (the search page included), for the sitemap. */
export function sitemapPaths(archive: Archive, listings: readonly ListingPage[]): string[] {
  return [
    paths.home(),
    ...listings.map((l) => l.path),
    ...archive.visits.map((v) => paths.visit(v.id)),
    paths.leaders(),
    ...archive.leaders.map((l) => paths.leader(l.id)),
    paths.provinces(),
    ...archive.provinces.map((p) => paths.province(p.id)),
    paths.search(),
  ];
}

export function sitemapXml(base: string, site: URL, pagePaths: readonly string[]): string {
  const urls = pagePaths.map((p) => `  <url><loc>${escapeXml(new URL(joinBase(base, p), site).href)}</loc></url>`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

export function robotsTxt(base: string, site: URL | undefined): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(joinBase(base, paths.sitemap()), site).href}`);
  return lines.join('\n') + '\n';
}
