/**
 * What pages ask of the network and what the Content-Security-Policy lets them do, in a real
 * Chromium:
 * - no page of the sub-path build (every built page), nor any template of the root build,
 *   requests anything from a host other than the site;
 * - every page carries the policy of src/lib/csp.ts in its <meta>, and `_headers` carries the
 *   header form of it for every path under the base;
 * - zero CSP violations on every template, including a search run to its results, with the
 *   policy as a <meta> and again with the `_headers` policy sent as a real HTTP header.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headerPolicy } from '../../src/lib/csp.ts';
import { builtPages, openSite, type Site, searchSettled, type TemplateName, templateNames, type Templates, templates, visit, watch } from './proof.ts';

/** Parses `_headers` (Netlify / Cloudflare Pages format) into path pattern → headers. */
function parseHeaders(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.set(line.trim(), (current = new Map()));
    else if (current) {
      const i = line.indexOf(':');
      current.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
    }
  }
  return rules;
}

describe.each(['sub', 'root'] as const)('network and CSP (%s build)', (name) => {
  let site: Site;
  let t: Templates;
  beforeAll(async () => {
    site = await openSite(name);
    t = templates(site);
  });
  afterAll(async () => site?.close());

  it('ships _headers with the CSP and security headers for every path under the base', () => {
    const file = join(site.dir, '_headers');
    expect(existsSync(file), `${file} is missing`).toBe(true);
    const rules = parseHeaders(readFileSync(file, 'utf8'));
    const all = rules.get(`${site.base}*`);
    expect(all, `_headers has no rule for ${site.base}*`).toBeDefined();
    expect(all!.get('content-security-policy')).toBe(headerPolicy);
    expect(all!.get('x-content-type-options')).toBe('nosniff');
    expect(all!.get('referrer-policy')).toBeTruthy();
    // the header form says everything the <meta> says, plus what only a header can
    for (const directive of contentSecurityPolicy.split('; ')) expect(headerPolicy).toContain(directive);
    expect(headerPolicy).toContain("frame-ancestors 'none'");
  });

  it('allows exactly what Pagefind needs and no inline code', () => {
    const directives = new Map(contentSecurityPolicy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|\*|https?:|data: *blob:/);
  });

  it('puts the policy in a <meta> on every built page', () => {
    const pages = builtPages(site);
    expect(pages.length).toBeGreaterThan(10);
    const missing = pages.filter((p) => {
      const html = readFileSync(join(site.dir, p.endsWith('.html') ? p : `${p}index.html`), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
      return !meta || meta[1]!.replaceAll('&#39;', "'").replaceAll('&apos;', "'") !== contentSecurityPolicy;
    });
    expect(missing, 'pages without the site CSP in a <meta>').toEqual([]);
  });

  async function templatesClean(context: BrowserContext) {
    const w = await watch(context, site.server.origin);
    const page = await context.newPage();
    for (const template of templateNames as readonly TemplateName[]) {
      await visit(page, site, t[template]);
      if (template === 'search') {
        // a second query typed into the page's own box, to load more of the index
        const box = page.locator('main input[type="search"], main input[name="q"]').first();
        if ((await box.count()) > 0) {
          await box.fill('长三角');
          await box.press('Enter');
          await page.waitForTimeout(100);
          await searchSettled(page);
        }
      }
    }
    await page.close();
    return w;
  }

  it('every template, with a search run to its results: no foreign request, no CSP violation, no error', async () => {
    const context = await site.browser.newContext();
    const w = await templatesClean(context);
    await context.close();
    expect(w.foreign, 'requests to other hosts').toEqual([]);
    expect(w.csp, 'CSP violations').toEqual([]);
    expect(w.errors, 'script errors').toEqual([]);
  });

  it('the same with the _headers policy sent as an HTTP header', async () => {
    const rules = parseHeaders(readFileSync(join(site.dir, '_headers'), 'utf8'));
    const headers = Object.fromEntries(rules.get(`${site.base}*`) ?? []);
    const context = await site.browser.newContext();
    let applied = 0;
    await context.route(`${site.server.origin}/**`, async (route) => {
      const response = await route.fetch();
      if (!/text\/html/.test(response.headers()['content-type'] ?? '')) return route.fulfill({ response });
      applied++;
      return route.fulfill({ response, headers: { ...response.headers(), ...headers } });
    });
    const w = await templatesClean(context);
    await context.close();
    expect(applied).toBeGreaterThanOrEqual(templateNames.length);
    expect(w.csp, 'CSP violations under the header policy').toEqual([]);
    expect(w.errors, 'script errors under the header policy').toEqual([]);
  });

  // every page of one build (the sub-path one, where a wrong base would show): the other build's
  // templates are covered above
  if (name === 'sub') it('no built page requests anything from another host', async () => {
    const context = await site.browser.newContext();
    const w = await watch(context, site.server.origin);
    const page = await context.newPage();
    const pages = builtPages(site).filter((p) => !p.startsWith('pagefind/'));
    for (const path of pages) await page.goto(site.url(path), { waitUntil: 'load' });
    await context.close();
    expect(pages.length).toBeGreaterThan(10);
    expect(w.foreign, 'requests to other hosts').toEqual([]);
    expect(w.csp, 'CSP violations').toEqual([]);
  }, 600_000);
});
