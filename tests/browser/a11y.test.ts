/**
 * Accessibility of every page template (home, indexes, visit, leader, province, search with
 * results, 404) in light and dark colour schemes, in a real Chromium:
 * - axe-core finds zero violations at WCAG 2.1 AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa);
 * - landmarks (banner, navigation, search, main, contentinfo), exactly one h1, lang="zh-CN";
 * - a visible focus indicator on links, the search box and its button;
 * - the map and the timeline are images with a name and a description, followed by the same
 *   facts as a table (one row per arrow drawn on the map).
 *
 * axe is evaluated through the DevTools protocol (page.evaluate), which the page's CSP does not
 * govern; an inline <script> would be refused by that CSP (checked below), so no bypassCSP
 * context is needed and the pages are tested with their real policy in force.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, openSite, type Site, type TemplateName, templateNames, type Templates, templates, visit } from './proof.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, tags);
}

const describeViolations = (vs: AxeViolation[]) =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('')}`).join('\n')}`).join('\n');

describe('accessibility (sub-path build)', () => {
  let site: Site;
  let t: Templates;
  beforeAll(async () => {
    site = await openSite('sub');
    t = templates(site);
  });
  afterAll(async () => site?.close());

  describe.each(['light', 'dark'] as const)('%s colour scheme', (scheme) => {
    it.each(templateNames.map((n) => [n] as [TemplateName]))('%s: zero axe violations at WCAG 2.1 AA', async (name) => {
      const context = await site.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await visit(page, site, t[name]);
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await axe(page);
      await context.close();
      expect(violations, `${t[name] || 'home'} (${scheme}):\n${describeViolations(violations)}`).toEqual([]);
    });
  });

  it('every visit page (their texts differ: gaps, captions, traditional titles): zero axe violations, light and dark', async () => {
    const visits = builtPages(site).filter((p) => /^visits\/\d{4}-\d{2}-\d{2}[a-z0-9-]*\/$/.test(p));
    expect(visits.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      for (const path of visits) {
        await visit(page, site, path);
        const violations = await axe(page);
        if (violations.length) found.push(`${path} (${scheme}):\n${describeViolations(violations)}`);
      }
      await context.close();
    }
    expect(found, found.join('\n')).toEqual([]);
  }, 600_000);

  it.each(templateNames.map((n) => [n] as [TemplateName]))('%s: landmarks, one h1, lang="zh-CN", title', async (name) => {
    const page = await site.browser.newPage();
    await visit(page, site, t[name]);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      title: document.title.trim(),
      h1: document.querySelectorAll('h1').length,
      banner: document.querySelectorAll('body > header, [role="banner"]').length,
      nav: document.querySelectorAll('nav, [role="navigation"]').length,
      search: document.querySelectorAll('form[role="search"], search').length,
      main: document.querySelectorAll('main, [role="main"]').length,
      contentinfo: document.querySelectorAll('body > footer, [role="contentinfo"]').length,
      h1InMain: Boolean(document.querySelector('main h1')),
    }));
    await page.close();
    expect(facts.lang).toBe('zh-CN');
    expect(facts.title.length).toBeGreaterThan(0);
    expect(facts.h1, 'exactly one h1').toBe(1);
    expect(facts.h1InMain, 'the h1 is inside <main>').toBe(true);
    expect(facts.banner, 'one banner (<header>)').toBe(1);
    expect(facts.nav, 'a navigation landmark').toBeGreaterThan(0);
    expect(facts.search, 'a search landmark').toBeGreaterThan(0);
    expect(facts.main, 'one <main>').toBe(1);
    expect(facts.contentinfo, 'one contentinfo (<footer>)').toBe(1);
  });

  it.each(['light', 'dark'] as const)('shows a visible focus indicator on links, the search box and its button (%s)', async (scheme) => {
    const context = await site.browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await visit(page, site, t.visit);
    const seen = new Set<string>();
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        // past the last stop, focus leaves the document: the tour is over
        if (!el || el === document.body) return null;
        const kind = el.matches('input') ? 'input' : el.matches('button') ? 'button' : el.matches('a') ? 'link' : el.localName;
        const focused = getComputedStyle(el);
        const outline = focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) >= 1;
        const ring = focused.boxShadow !== 'none';
        // compare with the same element unfocused: the indicator must be a change on focus
        const before = { outline: focused.outlineStyle + focused.outlineWidth + focused.outlineColor, shadow: focused.boxShadow, bg: focused.backgroundColor, border: focused.borderColor, deco: focused.textDecorationLine };
        el.blur();
        const blurred = getComputedStyle(el);
        const after = { outline: blurred.outlineStyle + blurred.outlineWidth + blurred.outlineColor, shadow: blurred.boxShadow, bg: blurred.backgroundColor, border: blurred.borderColor, deco: blurred.textDecorationLine };
        el.focus();
        const changed = JSON.stringify(before) !== JSON.stringify(after);
        return { kind, label: el.outerHTML.slice(0, 80), visible: (outline || ring) && changed };
      });
      if (!focus) break;
      expect(focus.visible, `no visible focus indicator (${scheme}) on ${focus.label}`).toBe(true);
      seen.add(focus.kind);
      checked++;
    }
    await context.close();
    expect(checked).toBeGreaterThan(5);
    expect([...seen]).toEqual(expect.arrayContaining(['link', 'input', 'button']));
  });

  it.each(['home', 'province', 'visits'] as const)('%s: map and timeline are named images followed by the same facts as a table', async (name) => {
    const page = await site.browser.newPage();
    await visit(page, site, t[name]);
    const figures = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main svg[role="img"]')).map((svg) => {
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        const name = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim() || svg.getAttribute('aria-label') || '';
        const figure = svg.closest('figure');
        const table = (figure?.nextElementSibling?.querySelector('table') ?? figure?.querySelector('table')) as HTMLTableElement | null;
        return {
          kind: svg.closest('.tilemap') ? 'map' : svg.closest('.timeline') ? 'timeline' : 'other',
          name,
          hasDesc: Boolean(svg.querySelector('desc')?.textContent?.trim()),
          arrows: svg.querySelectorAll('path.flow').length,
          rows: table ? table.tBodies[0]?.rows.length ?? 0 : -1,
        };
      }),
    );
    await page.close();
    if (name === 'home' || name === 'province') expect(figures.some((f) => f.kind === 'map'), `${name} has no map`).toBe(true);
    if (name === 'home' || name === 'visits') expect(figures.some((f) => f.kind === 'timeline'), `${name} has no timeline`).toBe(true);
    for (const f of figures) {
      expect(f.name, `a ${f.kind} without an accessible name`).not.toBe('');
      expect(f.hasDesc, `a ${f.kind} without a <desc>`).toBe(true);
      if (f.kind === 'map' && f.arrows > 0) expect(f.rows, `the map draws ${f.arrows} arrows but its table has ${f.rows} rows`).toBe(f.arrows);
      if (f.kind === 'timeline') expect(f.rows, 'the timeline has no table of the same data').toBeGreaterThan(0);
    }
  });

  it('the axe harness is not vacuous: it reports a contrast failure and a missing label when made', async () => {
    const page = await site.browser.newPage();
    await visit(page, site, t.home);
    await page.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('main p, main a'))) el.style.setProperty('color', '#eeeeee', 'important');
      document.querySelector('header label')?.remove();
      document.querySelector('header input[name="q"]')?.removeAttribute('placeholder');
    });
    const ids = (await axe(page)).map((v) => v.id);
    await page.close();
    expect(ids).toEqual(expect.arrayContaining(['color-contrast', 'label']));
  });

  it('an inline <script> is refused by the page’s CSP (why axe is evaluated, not injected)', async () => {
    const page = await site.browser.newPage();
    await visit(page, site, t.home);
    const ran = await page
      .addScriptTag({ content: 'window.__inlineRan = true;' })
      .then(() => page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan === true))
      .catch(() => false);
    await page.close();
    expect(ran, 'an inline script ran: the CSP does not forbid inline script').toBe(false);
  });
});
