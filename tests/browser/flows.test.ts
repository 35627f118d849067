/**
 * Reader flows in a real Chromium, at the root build and under the sub-path build: following
 * links as a reader does (home → visit → leader → province → another visit), searching from the
 * header and coming back, a missing page, a 360 px phone, and the keyboard alone. On every page
 * of every flow: no request to another host, no CSP violation, no script error.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site, searchSettled, type Templates, templates, visit, type Watch, watch } from './proof.ts';

describe.each(['sub', 'root'] as const)('reader flows (%s build)', (name) => {
  let site: Site;
  let t: Templates;
  beforeAll(async () => {
    site = await openSite(name);
    t = templates(site);
  });
  afterAll(async () => site?.close());

  /** A fresh context per flow, watched from its first request. */
  async function fresh(options: { width?: number; height?: number } = {}): Promise<{ page: Page; w: Watch; done(): Promise<void> }> {
    const context = await site.browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
    const w = await watch(context, site.server.origin);
    const page = await context.newPage();
    return {
      page,
      w,
      done: async () => {
        await context.close();
        expect(w.foreign, 'requests to other hosts').toEqual([]);
        expect(w.csp, 'CSP violations').toEqual([]);
        expect(w.errors, 'script errors').toEqual([]);
      },
    };
  }

  const path = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);
  const h1 = async (page: Page) => (await page.locator('h1').first().innerText()).trim();

  /** Clicks the first link in <main> whose href is a page of `kind` (and not one of `not`). */
  async function follow(page: Page, kind: 'visits' | 'leaders' | 'provinces', not: string[] = []): Promise<string> {
    const pattern = kind === 'visits' ? String.raw`visits/\d{4}-\d{2}-\d{2}[a-z0-9-]*/$` : `${kind}/[a-z0-9-]+/$`;
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const target = hrefs.find((h) => new RegExp(`^${site.base}${pattern}`).test(h) && !not.includes(h));
    expect(target, `no link to a ${kind} page in <main> of ${path(page)}`).toBeTruthy();
    await Promise.all([page.waitForURL((u) => u.pathname === target), page.locator(`main a[href="${target}"]`).first().click()]);
    expect(await page.locator('h1').count(), `${target} has no h1`).toBe(1);
    return target!;
  }

  it('home → visit → leader → province → another visit, by clicking links', async () => {
    const { page, done } = await fresh();
    expect(await visit(page, site, t.home)).toBe(200);
    const first = await follow(page, 'visits');
    const leaderLink = await page.locator(`main a[href^="${site.base}leaders/"]`).first().innerText();
    const leader = await follow(page, 'leaders');
    expect(await h1(page), `${leader} is not the page of ${leaderLink}`).toContain(leaderLink.trim().replace(/\s.*$/, ''));
    await follow(page, 'provinces');
    const second = await follow(page, 'visits', [first]);
    expect(second).not.toBe(first);
    await page.goBack();
    expect(path(page)).toMatch(/provinces\/[a-z0-9-]+\/$/);
    await done();
  });

  it('searches from the header of a reading page, opens a result and comes back', async () => {
    const { page, done } = await fresh();
    await visit(page, site, t.visit);
    const box = page.locator('header form[role="search"] input[name="q"]');
    await box.fill(t.query);
    await Promise.all([page.waitForURL((u) => u.pathname === `${site.base}search/`), box.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe(t.query);
    await searchSettled(page);
    const results = page.locator('[data-search-results] a[href]');
    expect(await results.count(), `no result for ${t.query}`).toBeGreaterThan(0);
    const href = (await results.first().getAttribute('href'))!;
    expect(href.startsWith(site.base) || href.startsWith(site.server.origin + site.base), `result link ${href} is outside ${site.base}`).toBe(true);
    await Promise.all([page.waitForURL((u) => u.pathname !== `${site.base}search/`), results.first().click()]);
    expect(await page.locator('main').innerText(), `the first result for ${t.query} does not show it`).toContain(t.query);
    await page.goBack();
    await searchSettled(page);
    expect(new URL(page.url()).searchParams.get('q')).toBe(t.query);
    expect(await page.locator('[data-search-results] a[href]').count(), 'results are gone after coming back').toBeGreaterThan(0);
    await done();
  });

  it('answers a missing page with the site’s 404, from which the reader gets home', async () => {
    const { page, done } = await fresh();
    expect(await visit(page, site, t.notFound)).toBe(404);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('header form[role="search"]').count(), '404 without the site header').toBe(1);
    const home = page.locator(`main a[href="${site.base}"]`).first();
    expect(await home.count(), '404 has no link to the home page in <main>').toBe(1);
    await Promise.all([page.waitForURL((u) => u.pathname === site.base), home.click()]);
    expect(await page.locator('h1').count()).toBe(1);
    // 404s of the page itself are expected here: only the document, nothing it loads
    await done();
  });

  it('fits a 360 px phone: no horizontal scroll, navigation usable', async () => {
    const { page, done } = await fresh({ width: 360, height: 740 });
    for (const key of ['home', 'visits', 'visit', 'leaders', 'leader', 'provinces', 'province', 'search', 'notFound'] as const) {
      await visit(page, site, t[key]);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `${t[key] || 'home'} scrolls sideways at 360 px (${scroll} > ${client})`).toBeLessThanOrEqual(client);
      const nav = page.locator('header nav a[href]');
      expect(await nav.count()).toBeGreaterThanOrEqual(3);
      for (const box of await nav.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.width * box.height, 'a navigation link is hidden at 360 px').toBeGreaterThan(0);
        expect(box.right, 'a navigation link sticks out at 360 px').toBeLessThanOrEqual(361);
      }
      const q = await page.locator('header input[name="q"]').boundingBox();
      expect(q && q.x + q.width <= 361 && q.width > 60, 'the header search box does not fit at 360 px').toBe(true);
    }
    await visit(page, site, t.home);
    const leaders = page.locator(`header nav a[href="${site.base}leaders/"]`);
    await Promise.all([page.waitForURL((u) => u.pathname === `${site.base}leaders/`), leaders.tap().catch(() => leaders.click())]);
    await done();
  });

  it('works with the keyboard alone: skip link first, focus in reading order, search without a mouse', async () => {
    const { page, done } = await fresh();
    await visit(page, site, t.visit);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement;
      const r = a.getBoundingClientRect();
      return { href: a.getAttribute('href'), visible: r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0 };
    });
    expect(skip.href, 'the first Tab does not reach a skip link').toMatch(/^#/);
    expect(skip.visible, 'the focused skip link is not visible').toBe(true);
    await page.keyboard.press('Enter');
    const target = skip.href!.slice(1);
    const landed = await page.evaluate((id) => {
      const el = document.getElementById(id);
      return Boolean(el && (document.activeElement === el || el.contains(document.activeElement)) && el.localName === 'main');
    }, target);
    expect(landed, 'the skip link does not move focus to <main>').toBe(true);

    // focus order = document order (no positive tabindex, nothing out of sequence)
    await visit(page, site, t.visit);
    const positive = await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count();
    expect(positive, 'elements with a positive tabindex').toBe(0);
    const order: number[] = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const all = Array.from(document.querySelectorAll('*'));
          return all.indexOf(document.activeElement!);
        }),
      );
    }
    const sorted = [...order].sort((a, b) => a - b);
    expect(order, 'Tab does not follow the document order').toEqual(sorted);

    // search: Tab to the header box, type, Enter, Tab to a result, Enter
    await visit(page, site, t.home);
    let inBox = false;
    for (let i = 0; i < 30 && !inBox; i++) {
      await page.keyboard.press('Tab');
      inBox = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'q');
    }
    expect(inBox, 'the header search box cannot be reached with Tab').toBe(true);
    await page.keyboard.type(t.query);
    await Promise.all([page.waitForURL((u) => u.pathname === `${site.base}search/`), page.keyboard.press('Enter')]);
    await searchSettled(page);
    let onResult = false;
    for (let i = 0; i < 60 && !onResult; i++) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-search-results]') && document.activeElement?.matches('a[href]')));
    }
    expect(onResult, 'no search result can be reached with Tab').toBe(true);
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname);
    await Promise.all([page.waitForURL((u) => u.pathname === href), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').count()).toBe(1);
    await done();
  });
});
