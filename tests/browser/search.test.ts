/**
 * Search in a real Chromium against the built site (issue 4).
 *
 * Recall: a query set generated from the data (search-oracle.ts) runs through the search page's
 * own engine module in one page (page.evaluate: the same code the UI calls, batched); every visit
 * whose article or front matter contains the query must be returned, every leader named or spelled
 * in pinyin must be, and a traditional spelling must return what its simplified form returns.
 * Precision (results whose page shows the query) is printed, and must stay at 100 % for Chinese
 * queries: the engine verifies every result against its text.
 *
 * Then the real UI, for a representative sample: shareable URLs, facets, sort, paging, the
 * aria-busy/status contract, keyboard use, the text-fragment highlight on the opened page, and the
 * sub-path build.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { builds } from '../helpers/builds.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';
import { mustFind, pageHas, querySet, readTruth, type VisitTruth } from './search-oracle.ts';

interface Answer {
  entities: string[];
  visits: string[];
}

const engineChunk = (dir: string) => {
  const name = readdirSync(join(dir, '_astro')).find((f) => /^engine\.[\w-]+\.js$/.test(f));
  if (!name) throw new Error(`${dir}/_astro: no engine chunk (engine.*.js) in the build`);
  return name;
};

/** Runs queries through the page's search engine module, all in one page. */
async function ask(page: Page, base: string, chunk: string, queries: string[], options: { facets?: Record<string, string>; sort?: string } = {}): Promise<Record<string, Answer>> {
  // a string, so that Vitest does not rewrite the dynamic import for Node
  await page.evaluate(`import(${JSON.stringify(`${base}_astro/${chunk}`)}).then((m) => { window.__engine = m; })`);
  return page.evaluate(
    async ({ base, queries, options }) => {
      type Engine = {
        loadPagefind(url: string): Promise<unknown>;
        Searcher: new (api: unknown, t2s: string) => {
          search(q: string, f?: object, s?: string): Promise<{ terms: unknown[]; entities: { url: string }[]; visits: unknown[] }>;
          load(h: unknown, t: unknown[]): Promise<{ url: string } | null>;
        };
      };
      const w = window as unknown as { __engine: Engine; __searcher?: InstanceType<Engine['Searcher']> };
      if (!w.__searcher) w.__searcher = new w.__engine.Searcher(await w.__engine.loadPagefind(`${base}pagefind/`), `${base}search/`);
      const s = w.__searcher;
      const out: Record<string, { entities: string[]; visits: string[] }> = {};
      for (const q of queries) {
        const o = await s.search(q, options.facets ?? {}, options.sort ?? '');
        const visits: string[] = [];
        for (const h of o.visits) {
          const loaded = await s.load(h, o.terms);
          if (loaded) visits.push(loaded.url);
        }
        out[q] = { entities: o.entities.map((e) => e.url), visits };
      }
      return out;
    },
    { base, queries, options },
  );
}

async function settle(page: Page, q: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const r = document.querySelector<HTMLElement>('[data-search-results]');
      return r?.getAttribute('aria-busy') === 'false' && r.dataset.query === q;
    },
    q,
    { timeout: 30_000 },
  );
}

async function resultLinks(page: Page): Promise<string[]> {
  return page.locator('[data-search-results] a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
}

const pathOf = (href: string) => href.replace(/#.*$/, '');

describe('search (root build)', () => {
  const { dir, base } = builds.root;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let chunk: string;
  let truth: ReturnType<typeof readTruth>;
  const visitUrl = (v: VisitTruth) => `${base}visits/${v.id}/`;
  const errors: string[] = [];

  beforeAll(async () => {
    truth = readTruth(dir);
    chunk = engineChunk(dir);
    server = await serveStatic(dir, base);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}search/`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds every name, place, substring, traditional spelling and pinyin (recall 100 %)', async () => {
    const queries = querySet(truth);
    const answers = await ask(page, base, chunk, queries.map((q) => q.q));
    const misses: string[] = [];
    let returned = 0;
    let right = 0;
    const byKind = new Map<string, { n: number; returned: number; right: number }>();
    for (const query of queries) {
      const answer = answers[query.q]!;
      const simplified = query.same ?? query.q;
      const expected = truth.visits.filter((v) => mustFind(v, simplified)).map(visitUrl);
      for (const url of expected) if (!answer.visits.includes(url)) misses.push(`${query.why} "${query.q}": missing ${url}`);
      if (query.leader && !answer.entities.includes(`${base}leaders/${query.leader}/`)) misses.push(`${query.why} "${query.q}": missing leader ${query.leader}`);
      if (query.same) {
        const plain = answers[query.same];
        if (plain && JSON.stringify([...plain.visits].sort()) !== JSON.stringify([...answer.visits].sort()))
          misses.push(`traditional "${query.q}" gives other visits than "${query.same}"`);
      }
      const k = byKind.get(query.why) ?? { n: 0, returned: 0, right: 0 };
      k.n++;
      for (const url of answer.visits) {
        const v = truth.visits.find((t) => visitUrl(t) === url);
        const ok = Boolean(v && pageHas(v, simplified));
        returned++;
        k.returned++;
        if (ok) {
          right++;
          k.right++;
        }
      }
      byKind.set(query.why, k);
    }
    const lines = [...byKind].map(([why, k]) => `  ${why.padEnd(12)} ${String(k.n).padStart(4)} queries, ${k.returned} visit results, precision ${k.returned ? ((100 * k.right) / k.returned).toFixed(1) : '—'} %`);
    console.log(`search recall over ${queries.length} queries: ${misses.length ? 'MISSES' : '100 %'}; precision ${((100 * right) / Math.max(1, returned)).toFixed(2)} % (${right}/${returned} results show the query on their page)\n${lines.join('\n')}`);
    expect(queries.length).toBeGreaterThan(200);
    expect(misses).toEqual([]);
    // Chinese queries are verified against the text: nothing that does not contain them
    expect(right).toBe(returned);
  });

  it('shows the person first when the query is their name', async () => {
    const unique = truth.leaders.filter((l) => truth.leaders.filter((o) => o.data.name === l.data.name).length === 1);
    const answers = await ask(page, base, chunk, unique.map((l) => l.data.name));
    for (const l of unique) expect(answers[l.data.name]!.entities[0], l.data.name).toBe(`${base}leaders/${l.id}/`);
  });

  it('lists for a pinyin only the leaders it spells, and nothing for a pinyin nobody has', async () => {
    const answers = await ask(page, base, chunk, [...truth.leaders.map((l) => l.data.pinyinPlain), 'lizzzz', 'wang zzzz']);
    for (const l of truth.leaders) {
      const same = truth.leaders.filter((o) => o.data.pinyinPlain === l.data.pinyinPlain).map((o) => `${base}leaders/${o.id}/`);
      expect(answers[l.data.pinyinPlain]!.entities.sort(), l.data.pinyinPlain).toEqual(same.sort());
    }
    expect(answers['lizzzz']).toEqual({ entities: [], visits: [] });
    expect(answers['wang zzzz']).toEqual({ entities: [], visits: [] });
  });

  it('does not list a page that lacks a name made of characters it has elsewhere', async () => {
    // pairs of characters that occur in the articles, but never next to each other
    const text = truth.visits.map((v) => v.page).join('\n');
    const chars = [...new Set(text.match(/\p{Script=Han}/gu) ?? [])].slice(0, 60);
    const absent: string[] = [];
    for (const a of chars) for (const b of chars) if (absent.length < 40 && !text.includes(a + b)) absent.push(a + b);
    const answers = await ask(page, base, chunk, absent);
    for (const q of absent) expect(answers[q], q).toEqual({ entities: [], visits: [] });
  });

  it('filters by leader, province and year exactly like the data says', async () => {
    const sample = truth.visits[0]!;
    const leader = sample.data.people[0]!.leader;
    const province = sample.data.provinces[0]!;
    const year = sample.data.start.slice(0, 4);
    const expectFacet = async (facets: Record<string, string>, keep: (v: VisitTruth) => boolean) => {
      const got = (await ask(page, base, chunk, [''], { facets }))['']!.visits.sort();
      expect(got, JSON.stringify(facets)).toEqual(truth.visits.filter(keep).map(visitUrl).sort());
    };
    await expectFacet({ leader }, (v) => v.data.people.some((p) => p.leader === leader));
    await expectFacet({ province }, (v) => v.data.provinces.includes(province));
    await expectFacet({ year }, (v) => v.data.start.slice(0, 4) <= year && v.data.end.slice(0, 4) >= year);
    // with a query: the facet narrows the answer to the query
    const name = sample.data.people[0]!.name;
    const all = (await ask(page, base, chunk, [name]))[name]!.visits;
    const narrowed = (await ask(page, base, chunk, [name], { facets: { year } }))[name]!.visits;
    expect(narrowed.sort()).toEqual(all.filter((u) => truth.visits.find((v) => visitUrl(v) === u)!.data.start.startsWith(year)).sort());
  });

  it('sorts by date both ways', async () => {
    const byDate = [...truth.visits].sort((a, b) => (a.data.start < b.data.start ? -1 : a.data.start > b.data.start ? 1 : 0));
    const province = byDate[0]!.data.provinces[0]!;
    const desc = (await ask(page, base, chunk, [''], { facets: { province }, sort: 'date-desc' }))['']!.visits;
    const asc = (await ask(page, base, chunk, [''], { facets: { province }, sort: 'date-asc' }))['']!.visits;
    const dates = (urls: string[]) => urls.map((u) => truth.visits.find((v) => visitUrl(v) === u)!.data.start);
    expect(dates(desc)).toEqual([...dates(desc)].sort().reverse());
    expect(dates(asc)).toEqual([...dates(asc)].sort());
    expect(asc.length).toBeGreaterThan(0);
  });

  it('runs a shared URL on load and keeps the results contract (aria-busy, status, links, marks)', async () => {
    const v = truth.visits.find((t) => t.data.people.length > 0)!;
    const name = v.data.people[0]!.name;
    const year = v.data.start.slice(0, 4);
    await page.goto(`${server.url}search/?q=${encodeURIComponent(name)}&year=${year}&sort=date-asc`);
    await settle(page, name);
    expect(await page.inputValue('[data-search-form] input[name="q"]')).toBe(name);
    expect(await page.inputValue('[data-search-form] select[name="year"]')).toBe(year);
    expect(await page.inputValue('[data-search-form] select[name="sort"]')).toBe('date-asc');
    const links = (await resultLinks(page)).map(pathOf);
    expect(links).toContain(visitUrl(v));
    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toMatch(/找到.*\d+ 篇考察报道/);
    expect(await page.locator('[data-search-results] mark').first().textContent()).toBe(name);
    // result details: title, date, route
    const first = page.locator('.search-hit').first();
    expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await first.locator('.search-hit-meta').textContent())!.length).toBeGreaterThan(4);
    // nothing found: the message is rendered and aria-busy is false
    await page.goto(`${server.url}search/?q=${encodeURIComponent('没有这种说法啊')}`);
    await settle(page, '没有这种说法啊');
    expect(await page.locator('[data-search-results]').textContent()).toContain('没有找到');
    expect(await resultLinks(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('filters by a leader typed by name, pinyin or id in the leader box; the URL keeps leader=<id>', async () => {
    const unique = truth.leaders.filter((l) => truth.leaders.filter((o) => o.data.name === l.data.name || o.data.pinyinPlain === l.data.pinyinPlain).length === 1);
    const leader = unique.find((l) => truth.visits.some((v) => v.data.people.some((p) => p.leader === l.id)))!;
    const expected = truth.visits.filter((v) => v.data.people.some((p) => p.leader === leader.id)).map(visitUrl).sort();
    expect(expected.length).toBeGreaterThan(0);
    const box = '[data-search-form] input[name="leader"]';
    // a labelled text field with suggestions (not a select of every leader); a leader missing
    // from the suggestions (as most are in a large archive) is found by the search itself
    for (const [typed, suggested] of [leader.data.name, leader.data.pinyinPlain, leader.id].flatMap((t) => [[t, true], [t, false]] as const)) {
      await page.goto(`${server.url}search/`);
      expect(await page.locator(`${box}[list]`).count()).toBe(1);
      expect(await page.getByLabel(/人物/).count()).toBeGreaterThan(0);
      if (!suggested) await page.evaluate(() => document.querySelectorAll('[data-search-form] datalist option').forEach((o) => o.remove()));
      await page.fill(box, typed);
      await page.press(box, 'Enter');
      await page.waitForFunction((id) => new URLSearchParams(location.search).get('leader') === id, leader.id, { timeout: 30_000 });
      await settle(page, '');
      expect((await resultLinks(page)).map(pathOf).sort(), `${typed} (suggested: ${suggested})`).toEqual(expected);
    }
    // a name that is nobody's lists nothing
    await page.goto(`${server.url}search/?leader=${encodeURIComponent('没有此人')}`);
    await settle(page, '');
    expect(await resultLinks(page)).toEqual([]);
    expect(await page.locator('[data-search-results]').textContent()).toContain('没有找到');
    expect(errors).toEqual([]);
  });

  it('reaches every result with "更多结果"', async () => {
    // the query matching the most visits, two results per page
    const counts = truth.visits.flatMap((v) => v.data.provinces);
    const province = counts.sort((a, b) => counts.filter((x) => x === b).length - counts.filter((x) => x === a).length)[0]!;
    const expected = truth.visits.filter((v) => v.data.provinces.includes(province)).map(visitUrl).sort();
    await page.goto(`${server.url}search/`);
    await page.evaluate(() => ((document.querySelector<HTMLElement>('[data-search-root]')!.dataset.pageSize = '2')));
    await page.selectOption('[data-search-form] select[name="province"]', province);
    await settle(page, '');
    const more = page.locator('[data-search-more]');
    for (let i = 0; i < 10 && (await more.isVisible()); i++) {
      const before = (await resultLinks(page)).length;
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] a[href]').length > n, before);
      // focus moves to the first new result
      expect(await page.evaluate(() => document.activeElement?.matches('[data-search-results] a[href]'))).toBe(true);
    }
    expect(await more.isVisible()).toBe(false);
    expect((await resultLinks(page)).map(pathOf).sort()).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('province')).toBe(province);
  });

  it('is usable with the keyboard: type, Enter, ↓ to the results, Enter opens one', async () => {
    const name = truth.visits[0]!.data.people[0]!.name;
    await page.goto(`${server.url}search/`);
    await page.focus('[data-search-form] input[name="q"]');
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await settle(page, name);
    expect(new URL(page.url()).searchParams.get('q')).toBe(name);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBeTruthy();
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(second).not.toBe(focused);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(focused);
    await Promise.all([page.waitForURL((u) => u.pathname === pathOf(focused!)), page.keyboard.press('Enter')]);
  });

  it('opens a result with the match highlighted and scrolled into view (text fragment)', async () => {
    // a phrase from the last paragraph of the longest article: far below the fold
    const v = [...truth.visits].sort((a, b) => b.article.length - a.article.length)[0]!;
    const last = v.paragraphs.filter((p) => /\p{Script=Han}{6}/u.test(p.text)).pop()!;
    const phrase = last.text.match(/\p{Script=Han}{5,6}/u)![0];
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const p = await context.newPage();
    await p.goto(`${server.url}search/?q=${encodeURIComponent(phrase)}`);
    await settle(p, phrase);
    const link = p.locator(`[data-search-results] a[href^="${visitUrl(v)}"]`).first();
    const href = (await link.getAttribute('href'))!;
    // the link goes to the first paragraph holding the phrase
    const paragraph = v.paragraphs.find((p) => p.text.includes(phrase))!.id;
    expect(href).toContain(`#${paragraph}:~:text=${encodeURIComponent(phrase)}`);
    await Promise.all([p.waitForURL((u) => u.pathname === visitUrl(v)), link.click()]);
    await p.waitForLoadState('load');
    // a browser with text fragments highlights the phrase (::target-text) and scrolls to it; the
    // headless shell of the tests drops the directive (`location.hash` keeps only `#pN`) and
    // scrolls to the paragraph, which holds the phrase
    expect(await p.evaluate(() => location.hash)).toBe(`#${paragraph}`);
    expect(await p.evaluate(() => 'fragmentDirective' in document)).toBe(true);
    await p.waitForFunction(() => window.scrollY > 0, undefined, { timeout: 5000 });
    const inView = await p.evaluate((phrase) => {
      const el = document.querySelector(':target');
      if (!el?.textContent?.includes(phrase)) return `target ${el?.id} does not hold the phrase`;
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight ? 'yes' : `no (${Math.round(r.top)})`;
    }, phrase);
    expect(inView).toBe('yes');
    expect(await p.evaluate(() => CSS.supports('selector(::target-text)'))).toBe(true);
    // the reading page ships no script of its own
    expect(await p.locator('script').count()).toBe(0);
    await context.close();
  });
});

describe('search (sub-path build)', () => {
  const { dir, base } = builds.sub;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(dir, base);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the bundle and links results under the base path', async () => {
    const truth = readTruth(dir);
    const leader = truth.leaders.find((l) => l.data.visits.length > 0)!;
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}search/?q=${encodeURIComponent(leader.data.name)}`);
    await settle(page, leader.data.name);
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href.startsWith(base), href).toBe(true);
    expect(links.map(pathOf)).toContain(`${base}leaders/${leader.id}/`);
    expect(requested.some((p) => p.startsWith(`${base}pagefind/`))).toBe(true);
    expect(requested.filter((p) => !p.startsWith(base))).toEqual([]);
    // pinyin and traditional input work here too
    const chunk = engineChunk(dir);
    const answers = await ask(page, base, chunk, [leader.data.pinyinPlain]);
    expect(answers[leader.data.pinyinPlain]!.entities).toContain(`${base}leaders/${leader.id}/`);
    const response = await page.goto(`${server.origin}${pathOf(links[0]!)}`);
    expect(response?.status()).toBe(200);
    await page.close();
  });
});
