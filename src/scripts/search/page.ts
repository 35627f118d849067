/**
 * The search page (the site's only client script): form and URL state, rendering, keyboard.
 *
 * Contract relied on by tests: results are links inside `[data-search-results]`, which carries
 * `aria-busy="true"` while a search runs and `aria-busy="false"` once its results (or the
 * no-result message) are rendered; `[data-search-status]` announces the count (aria-live).
 * `/search/?q=…&leader=…&province=…&year=…&sort=…` runs on load.
 */
import type { Facets, Hit, LoadedHit, Outcome, Searcher, SortOrder } from './engine.ts';
import { excerpt, textFragment } from './highlight.ts';
import { decode, encode } from './text.ts';

/** results per page; `data-page-size` on the root overrides it (the tests page through 2 at a time) */
const PAGE_SIZE = 10;

interface State {
  q: string;
  leader: string;
  province: string;
  year: string;
  sort: SortOrder;
}

const root = document.querySelector<HTMLElement>('[data-search-root]');
if (root) start(root);

function start(root: HTMLElement): void {
  const base = root.dataset.base || '/';
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const results = root.querySelector<HTMLElement>('[data-search-results]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const select = (name: string) => form.querySelector<HTMLSelectElement | HTMLInputElement>(`[name="${name}"]`)!;
  // the leader field is free text with suggestions (SearchPanel.astro): name, pinyin or id
  const suggested = (text: string): HTMLOptionElement | undefined => {
    const plain = text.toLowerCase().replace(/[\s'’]+/g, '');
    return [...form.querySelectorAll<HTMLOptionElement>('datalist option')].find((o) => o.value === text || o.dataset.name === text || o.dataset.pinyin === plain);
  };
  /** A leader id (`li-jinbin`, `wang-yong-2`): the URL contract, taken as it is. */
  const leaderId = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

  let searcher: Promise<Searcher> | null = null;
  // the engine is a separate module, fetched with Pagefind when the reader first searches
  const engine = () =>
    (searcher ??= import('./engine.ts').then(async ({ loadPagefind, Searcher }) => new Searcher(await loadPagefind(`${base}pagefind/`), `${base}search/`)));

  const baseTitle = document.title;
  let runId = 0;
  let current: { outcome: Outcome; shown: number; total: number; list: HTMLOListElement | null } | null = null;

  function readForm(): State {
    const sort = select('sort').value;
    return {
      q: input.value.trim(),
      leader: select('leader').value.trim(),
      province: select('province').value,
      year: select('year').value,
      sort: sort === 'date-desc' || sort === 'date-asc' ? sort : '',
    };
  }

  function writeForm(s: State): void {
    input.value = s.q;
    const set = (name: string, value: string) => {
      const el = select(name);
      el.value = value;
      if (el.value !== value) el.value = ''; // unknown value in the URL: show "all"
    };
    // the leader box shows a suggested leader's name (it resolves back to the id)
    select('leader').value = suggested(s.leader)?.dataset.name ?? s.leader;
    set('province', s.province);
    set('year', s.year);
    set('sort', s.sort);
  }

  function fromUrl(): State {
    const p = new URLSearchParams(location.search);
    const sort = p.get('sort') ?? '';
    return {
      q: p.get('q') ?? '',
      leader: p.get('leader') ?? '',
      province: p.get('province') ?? '',
      year: p.get('year') ?? '',
      sort: sort === 'date-desc' || sort === 'date-asc' ? sort : '',
    };
  }

  function toUrl(s: State, push: boolean): void {
    const p = new URLSearchParams();
    for (const key of ['q', 'leader', 'province', 'year', 'sort'] as const) if (s[key]) p.set(key, s[key]);
    const url = `${location.pathname}${p.size ? `?${p}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /**
   * The leader id for what is in the leader box: a suggestion (by id, name or pinyin), an id as
   * it is, else the first leader the search finds for it (a name or pinyin outside the
   * suggestions). Text that names nobody stays as it is and so matches no visit.
   */
  async function resolveLeader(text: string): Promise<string> {
    if (!text) return '';
    const option = suggested(text);
    if (option) return option.value;
    if (leaderId.test(text)) return text;
    const found = (await (await engine()).search(text)).entities.find((e) => e.meta.type === 'leader');
    const match = found ? /\/leaders\/([^/]+)\/$/.exec(new URL(found.url, location.href).pathname) : null;
    return match ? decodeURIComponent(match[1]!) : text;
  }

  async function run(s: State): Promise<void> {
    const id = ++runId;
    if (s.leader) {
      const leader = await resolveLeader(s.leader);
      if (id !== runId) return;
      if (leader !== s.leader) {
        s = { ...s, leader };
        toUrl(s, false);
      }
    }
    const facets: Facets = { leader: s.leader, province: s.province, year: s.year };
    const hasFacets = Boolean(s.leader || s.province || s.year);
    document.title = s.q ? `“${s.q}” · ${baseTitle}` : baseTitle;
    if (!s.q && !hasFacets) {
      current = null;
      results.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      results.dataset.query = '';
      results.setAttribute('aria-busy', 'false');
      return;
    }
    results.setAttribute('aria-busy', 'true');
    status.textContent = '正在搜索…';
    try {
      const outcome = await (await engine()).search(s.q, facets, s.sort);
      if (id !== runId) return;
      current = { outcome, shown: 0, total: outcome.visits.length, list: null };
      const nodes: Node[] = [];
      if (outcome.entities.length > 0) nodes.push(renderEntities(outcome.entities, outcome.entityTotal));
      if (outcome.visits.length > 0) {
        const section = el('section', { class: 'search-section', 'aria-labelledby': 'search-visits-heading' });
        section.append(el('h2', { id: 'search-visits-heading' }, '考察报道'));
        current.list = el('ol', { class: 'search-hits' });
        section.append(current.list);
        nodes.push(section);
      }
      if (nodes.length === 0) {
        const what = s.q ? `包含“${s.q}”的` : '符合条件的';
        nodes.push(el('p', { class: 'search-empty' }, `没有找到${what}内容。${hasFacets ? '可以试试取消筛选条件。' : '可以换个说法，或减少关键词。'}`));
      }
      results.replaceChildren(...nodes);
      await showMore(id, false);
      if (id !== runId) return;
      if (current.list && current.list.childElementCount === 0) {
        // every candidate failed verification (possible only for mixed-script terms)
        current.list.closest('section')?.remove();
        if (outcome.entities.length === 0) results.append(el('p', { class: 'search-empty' }, `没有找到包含“${s.q}”的内容。`));
      }
      announce(outcome, s);
    } catch (error) {
      if (id !== runId) return;
      console.error(error);
      results.replaceChildren(el('p', { class: 'search-empty' }, '搜索出错了，请稍后重试。'));
      status.textContent = '搜索出错了。';
      more.hidden = true;
    }
    if (id === runId) {
      results.dataset.query = s.q; // the query these results are for (tests and benchmarks wait on it)
      results.setAttribute('aria-busy', 'false');
    }
  }

  function announce(outcome: Outcome, s: State): void {
    const c = current!;
    const parts: string[] = [];
    if (outcome.entities.length) parts.push(`${outcome.entityTotal} 个人物或省份`);
    if (c.total || !outcome.entities.length) parts.push(`${outcome.approximate && c.shown < outcome.visits.length ? '至多 ' : ''}${c.total} 篇考察报道`);
    const none = outcome.entities.length === 0 && c.total === 0;
    status.textContent = none ? '没有找到结果。' : `找到 ${parts.join('、')}${s.q ? '' : '（仅按筛选条件）'}。`;
  }

  /** Loads, verifies and renders the next page of visits. */
  async function showMore(id: number, focus: boolean): Promise<void> {
    const c = current;
    if (!c || !c.list) {
      more.hidden = true;
      return;
    }
    const { outcome } = c;
    const added: HTMLElement[] = [];
    const size = Number(root.dataset.pageSize) || PAGE_SIZE;
    while (added.length < size && c.shown < outcome.visits.length) {
      const batch = outcome.visits.slice(c.shown, c.shown + size - added.length);
      c.shown += batch.length;
      const loaded = await Promise.all(batch.map((h: Hit) => searcherNow()!.load(h, outcome.terms)));
      if (id !== runId) return;
      for (const hit of loaded) {
        if (!hit) {
          c.total--; // the index matched but the text does not contain the query: never shown
          continue;
        }
        const item = renderVisit(hit, outcome);
        c.list.append(item);
        added.push(item);
      }
    }
    more.hidden = c.shown >= outcome.visits.length;
    more.textContent = `更多结果（还有 ${outcome.visits.length - c.shown} 篇）`;
    if (focus && added[0]) added[0].querySelector('a')?.focus();
  }

  let resolved: Searcher | null = null;
  const searcherNow = () => resolved;
  const ensure = async () => (resolved = await engine());

  function renderEntities(entities: LoadedHit[], total: number): HTMLElement {
    const section = el('section', { class: 'search-section', 'aria-labelledby': 'search-entities-heading' });
    section.append(el('h2', { id: 'search-entities-heading' }, '人物与省份'));
    if (total > entities.length) {
      section.append(el('p', { class: 'search-entity-detail' }, `共 ${total} 个，这里列出最相关的 ${entities.length} 个；加上更多关键词可以缩小范围，或浏览`, el('a', { href: `${base}leaders/` }, '人物索引'), '。'));
    }
    const list = el('ul', { class: 'search-entities' });
    for (const hit of entities) {
      const a = el('a', { href: hit.url + textFragment(hit.found), 'data-hit': '' }, hit.meta.title ?? hit.url);
      const detail =
        hit.meta.type === 'leader'
          ? [hit.meta.pinyin, hit.meta.role, hit.meta.visits ? `${hit.meta.visits} 次考察` : ''].filter(Boolean).join(' · ')
          : '省级行政区';
      const li = el('li', {}, a);
      if (detail) li.append(' ', el('span', { class: 'search-entity-detail' }, detail));
      list.append(li);
    }
    section.append(list);
    return section;
  }

  function renderVisit(hit: LoadedHit, outcome: Outcome): HTMLElement {
    const meta = hit.meta;
    const a = el('a', { href: hit.url + textFragment(hit.found, hit.anchor), 'data-hit': '' }, meta.title ?? hit.url);
    const article = el('article', { class: 'search-hit' }, el('h3', {}, a));
    const line = el('p', { class: 'search-hit-meta' });
    if (meta.start) line.append(el('time', { datetime: meta.start }, dateRange(meta.start, meta.end ?? meta.start)));
    if (meta.route) line.append(' · ', el('span', {}, meta.route));
    article.append(line);
    const needles = outcome.terms.flatMap((t) => t.spellings.map((s) => s.text));
    // the decoded text starts with the title, shown above: cut the excerpt from what follows
    const title = meta.title ? decode(encode(meta.title)) : '';
    const shown = hit.text.replace(/[¶¦]/g, ' ');
    const body = ((title && shown.startsWith(title) ? shown.slice(title.length) : '') || shown).trim();
    const p = el('p', { class: 'search-hit-excerpt' });
    for (const part of excerpt(body, needles)) p.append(part.mark ? el('mark', {}, part.text) : part.text);
    article.append(p);
    return el('li', {}, article);
  }

  // events
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    const s = readForm();
    toUrl(s, true);
    void ensure().then(() => run(s));
  });
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const s = readForm();
      toUrl(s, false);
      void ensure().then(() => run(s));
    }, 250);
  });
  input.addEventListener('focus', () => void ensure(), { once: true });
  for (const name of ['leader', 'province', 'year', 'sort']) {
    select(name).addEventListener('change', () => {
      const s = readForm();
      toUrl(s, true);
      void ensure().then(() => run(s));
    });
  }
  more.addEventListener('click', () => {
    more.disabled = true;
    const id = runId;
    void showMore(id, true)
      .then(() => {
        // an upper-bound count becomes exact as the pages are verified
        if (id === runId && current?.outcome.approximate) announce(current.outcome, readForm());
      })
      .finally(() => (more.disabled = false));
  });
  // ↓ from the box goes to the first result; ↑/↓ move between results
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      const first = results.querySelector<HTMLAnchorElement>('a[data-hit]');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  results.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [...results.querySelectorAll<HTMLAnchorElement>('a[data-hit]')];
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowDown') (links[i + 1] ?? (more.hidden ? links[i]! : more)).focus();
    else (links[i - 1] ?? input).focus();
  });
  window.addEventListener('popstate', () => {
    const s = fromUrl();
    writeForm(s);
    void ensure().then(() => run(s));
  });

  const initial = fromUrl();
  writeForm(initial);
  root.dataset.ready = '';
  if (initial.q || initial.leader || initial.province || initial.year) void ensure().then(() => run(initial));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function dateRange(start: string, end: string): string {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split('-').map(Number) as [number, number, number];
  const first = `${y1}年${m1}月${d1}日`;
  if (start === end) return first;
  if (y1 !== y2) return `${first}—${y2}年${m2}月${d2}日`;
  if (m1 !== m2) return `${first}—${m2}月${d2}日`;
  return `${first}—${d2}日`;
}
