/**
 * Shared by the proof tests (flows, a11y, network): one Chromium and one static server per
 * build, the URL of one page per template found in the built output, and a watcher that records
 * what a page must never do (ask another host for anything, break the CSP, throw).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { type BuildName, builds } from '../helpers/builds.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

export interface Site {
  name: BuildName;
  dir: string;
  base: string;
  server: StaticServer;
  browser: Browser;
  /** absolute URL of a site path (`''` = home, `visits/` …) */
  url(path: string): string;
  close(): Promise<void>;
}

export async function openSite(name: BuildName): Promise<Site> {
  const { dir, base } = builds[name];
  const server = await serveStatic(dir, base);
  const browser = await launchBrowser();
  return {
    name,
    dir,
    base,
    server,
    browser,
    url: (path) => server.url + path.replace(/^\//, ''),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);

/** The first href in a built page that matches `pattern` (given as a site path, without base). */
function firstLink(site: Site, page: string, pattern: RegExp, not: string[] = []): string | undefined {
  const file = join(site.dir, page, 'index.html');
  if (!existsSync(file)) return undefined;
  for (const h of hrefs(readFileSync(file, 'utf8'))) {
    if (!h.startsWith(site.base)) continue;
    const path = h.slice(site.base.length).replace(/[?#].*$/, '');
    if (pattern.test(path) && !not.includes(path)) return path;
  }
  return undefined;
}

export interface Templates {
  home: string;
  visits: string;
  visit: string;
  leaders: string;
  leader: string;
  provinces: string;
  province: string;
  /** a search with results: `search/?q=<the leader's name>` */
  search: string;
  notFound: string;
  /** the name searched for */
  query: string;
}

const visitPath = /^visits\/\d{4}-\d{2}-\d{2}[a-z0-9-]*\/$/;
const leaderPath = /^leaders\/[a-z0-9-]+\/$/;
const provincePath = /^provinces\/[a-z0-9-]+\/$/;

/** One page of each template, found by following the built site's own links. */
export function templates(site: Site): Templates {
  const visit = firstLink(site, 'visits', visitPath) ?? firstLink(site, '', visitPath);
  if (!visit) throw new Error(`${site.dir}: no link to a visit page on the visits index or the home page`);
  const leader = firstLink(site, visit, leaderPath) ?? firstLink(site, 'leaders', leaderPath);
  if (!leader) throw new Error(`${site.dir}: no link to a leader page from ${visit}`);
  const province = firstLink(site, visit, provincePath) ?? firstLink(site, 'provinces', provincePath);
  if (!province) throw new Error(`${site.dir}: no link to a province page from ${visit}`);
  const leaderHtml = readFileSync(join(site.dir, leader, 'index.html'), 'utf8');
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(leaderHtml)?.[1]?.replace(/<[^>]+>/g, ' ') ?? '';
  const query = (h1.match(/\p{Script=Han}{2,4}/u) ?? [])[0];
  if (!query) throw new Error(`${site.dir}: the h1 of ${leader} has no Chinese name`);
  return {
    home: '',
    visits: 'visits/',
    visit,
    leaders: 'leaders/',
    leader,
    provinces: 'provinces/',
    province,
    search: `search/?q=${encodeURIComponent(query)}`,
    notFound: 'no-such-page-在此/',
    query,
  };
}

export const templateNames = ['home', 'visits', 'visit', 'leaders', 'leader', 'provinces', 'province', 'search', 'notFound'] as const;
export type TemplateName = (typeof templateNames)[number];

/** Waits for the search page's results contract: `[data-search-results]` with aria-busy false. */
export async function searchSettled(page: Page): Promise<void> {
  await page.waitForSelector('[data-search-results][aria-busy="false"]', { timeout: 30_000 });
}

/** Loads a template's page; search pages are waited for until their results are rendered. */
export async function visit(page: Page, site: Site, path: string): Promise<number | undefined> {
  const response = await page.goto(site.url(path), { waitUntil: 'load' });
  if (path.startsWith('search/')) await searchSettled(page);
  return response?.status();
}

export interface Watch {
  /** requests to any origin other than the site's */
  foreign: string[];
  /** CSP violations (securitypolicyviolation events and console reports) */
  csp: string[];
  /** uncaught exceptions and console errors */
  errors: string[];
}

/**
 * Records, for every page the context opens, requests to other hosts, CSP violations and
 * errors. The violation listener is installed before any page script runs and reports through
 * a binding, so violations on every page of a flow are kept across navigations.
 */
export async function watch(context: BrowserContext, origin: string): Promise<Watch> {
  const w: Watch = { foreign: [], csp: [], errors: [] };
  await context.exposeBinding('__proofCspViolation', (_source, report: string) => {
    w.csp.push(report);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __proofCspViolation(r: string): void }).__proofCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} on ${location.pathname}`,
      );
    });
  });
  const track = (page: Page) => {
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return;
      w.foreign.push(`${url} (from ${page.url()})`);
    });
    page.on('console', (message) => {
      const text = message.text();
      if (/content security policy/i.test(text)) w.csp.push(`console: ${text}`);
      else if (message.type() === 'error' && !/status of 404/.test(text)) w.errors.push(`console: ${text} (${page.url()})`);
    });
    page.on('pageerror', (error) => w.errors.push(`${error.message} (${page.url()})`));
  };
  context.on('page', track);
  for (const page of context.pages()) track(page);
  // a worker (Pagefind's) is a client too: its requests go through the context as well
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!w.foreign.some((f) => f.startsWith(url))) w.foreign.push(`${url} (from a worker or service)`);
  });
  return w;
}

/** Every built HTML page of a site, as site paths (`''`, `visits/`, `visits/…/`, `404.html`). */
export function builtPages(site: Site): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name === 'index.html') out.push(prefix);
      else if (entry.name.endsWith('.html')) out.push(prefix + entry.name);
    }
  };
  walk(site.dir, '');
  return out.sort();
}
