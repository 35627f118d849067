/**
 * Every hand-written link and asset goes through `href()`, so the site works at the domain root
 * and under a sub-path (`BASE_PATH=/archive/`): Astro applies `base` to its own assets only.
 */

/** Joins a base (`/` or `/archive/`) and a site-relative path (`visits/x/`, `/visits/x/`, ``). */
export function joinBase(base: string, path = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** A link to a page or file of this site, e.g. `href('visits/2019/')` → `/archive/visits/2019/`. */
export function href(path = ''): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The absolute URL of a site path when the canonical origin (`SITE_URL`) is known, else undefined. */
export function absoluteUrl(site: URL | string | undefined, pathWithBase: string): string | undefined {
  if (!site) return undefined;
  return new URL(pathWithBase, site).href;
}

/** Path segment for a file name that may hold spaces or Chinese characters. */
export function fileSegment(name: string): string {
  return encodeURIComponent(name);
}

/**
 * The name a raw source is published under: always a `.txt` file, so that a host serves it as
 * plain text whatever it was called (a source named `x.html` must never become a page), and
 * without the characters that a URL or Astro's router reads as syntax (`#`, `?`, `%`, `\`),
 * which become `_` (else the link to `报道 #1.txt` is broken and `100%.txt` stops the build).
 */
export function publishedSourceName(file: string): string {
  const safe = file.replace(/[#?%\\]/g, '_');
  return /\.txt$/i.test(safe) ? safe : `${safe}.txt`;
}

/** Site-relative paths of the pages, in one place (the URL scheme others rely on). */
export const paths = {
  home: () => '',
  visits: () => 'visits/',
  visit: (id: string) => `visits/${id}/`,
  year: (year: number | string) => `visits/${year}/`,
  visitsOfProvince: (id: string) => `visits/province/${id}/`,
  visitsOfLeader: (id: string) => `visits/leader/${id}/`,
  leaders: () => 'leaders/',
  leader: (id: string) => `leaders/${id}/`,
  provinces: () => 'provinces/',
  province: (id: string) => `provinces/${id}/`,
  search: () => 'search/',
  source: (file: string) => `sources/${fileSegment(publishedSourceName(file))}`,
  feed: () => 'feed.xml',
  sitemap: () => 'sitemap.xml',
} as const;

/** Page N (1-based) of a paginated list whose first page is `first` (ends in `/`). */
export function pagePath(first: string, page: number): string {
  return page <= 1 ? first : `${first}page/${page}/`;
}
