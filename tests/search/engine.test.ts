/**
 * The query engine over a fake Pagefind with Pagefind's matching rules (exact phrase = adjacent
 * words; otherwise every word a prefix of some word; filters; sort), so the combination logic is
 * tested without a browser: terms intersect, spellings unite, mixed-script terms are verified,
 * entities whose name is the query come first, facets and sort pass through.
 */
import { describe, expect, it, vi } from 'vitest';
import { type PagefindApi, type PagefindResult, Searcher } from '../../src/scripts/search/engine.ts';
import { encode, formatProbes, formatT2S } from '../../src/scripts/search/text.ts';
import { type PagefindChunk, prefixProbes } from '../../scripts/search/pagefind-meta.ts';

interface Doc {
  url: string;
  text: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  date?: string;
}

/**
 * Pagefind's rules, optionally with its index chunks: with `chunkWords`, the sorted words are cut
 * into chunks of that many; a search loads, for each query word, the one chunk whose range holds
 * it (as pagefind_web's request_indexes does), and prefix matching sees only loaded words.
 */
function fakePagefind(docs: Doc[], chunkWords = 0): PagefindApi & { chunks: PagefindChunk[] } {
  const indexed = docs.map((d) => ({ ...d, tokens: encode(d.text).map((t) => t.toLowerCase()), content: encode(d.text).join(' ') }));
  const words = (q: string) => q.replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
  const vocabulary = [...new Set(indexed.flatMap((d) => d.tokens))].sort();
  const size = chunkWords || vocabulary.length || 1;
  const chunks: PagefindChunk[] = [];
  for (let i = 0; i < vocabulary.length; i += size) {
    const list = vocabulary.slice(i, i + size);
    chunks.push({ from: list[0]!, to: list[list.length - 1]!, hash: `chunk${chunks.length}` });
  }
  const loaded = new Set<number>();
  const load = (word: string) => {
    let k = chunks.findIndex((c) => word >= c.from && word <= c.to);
    if (k < 0) k = chunks.findIndex((c) => c.from.startsWith(word));
    if (k >= 0) loaded.add(k);
  };
  const visible = (word: string) => chunks.some((c, k) => loaded.has(k) && word >= c.from && word <= c.to);
  return {
    chunks,
    options: async () => {},
    init: async () => {},
    preload: async (term) => {
      for (const w of words(term)) load(w);
    },
    search: async (term, options = {}) => {
      const filters = (options.filters ?? {}) as Record<string, string>;
      let list = indexed.filter((d) => Object.entries(filters).every(([k, v]) => d.filters[k]?.includes(v)));
      if (term !== null) {
        const exact = /^\s*".+"\s*$/.test(term);
        const ws = words(term);
        for (const w of ws) load(w);
        list = list.filter((d) =>
          exact
            ? d.tokens.some((_, i) => ws.every((w, j) => d.tokens[i + j] === w && visible(w)))
            : ws.every((w) => d.tokens.some((t) => t.startsWith(w) && visible(t))),
        );
      }
      const dir = options.sort?.date;
      if (dir) list = [...list].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1) * (dir === 'asc' ? 1 : -1));
      const results: PagefindResult[] = list.map((d, i) => ({
        id: d.url,
        score: 1 / (i + 1),
        words: [],
        data: async () => ({ url: d.url, content: d.content, meta: d.meta, filters: d.filters }),
      }));
      return { results };
    },
  };
}

const visit = (id: string, text: string, date: string, leader: string[] = []): Doc => ({
  url: `/visits/${id}/`,
  text: `${id}¶ ${text}`,
  meta: { title: id, type: 'visit', start: date },
  filters: { kind: ['visit'], year: [date.slice(0, 4)], leader },
  date,
});
const docs: Doc[] = [
  visit('a', '省委书记李锦斌率团赴杭州考察。', '2019-10-23', ['li-jinbin']),
  visit('b', '李锦在杭州，斌在芜湖。', '2020-01-01'),
  visit('c', '车俊观摩5G虚拟驾驶。果园港。', '2019-10-08', ['che-jun']),
  visit('d', '5G网络和虚拟现实。', '2021-05-01'),
  visit('e', '乾隆年间，天气干燥。', '2018-01-01'),
  { url: '/leaders/li-jinbin/', text: '李锦斌\nli jinbin\nlijinbin\n省委书记', meta: { title: '李锦斌', type: 'leader' }, filters: { kind: ['entity'] } },
  { url: '/leaders/li-jin/', text: '李锦\nli jin\nlijin', meta: { title: '李锦', type: 'leader' }, filters: { kind: ['entity'] } },
];

function searcher(): Searcher {
  const table = formatT2S(new Map([['錦', ['锦']], ['乾', ['干', '乾']]]));
  vi.stubGlobal('fetch', async (url: string) => new Response(url.endsWith('t2s.txt') ? table : ''));
  return new Searcher(fakePagefind(docs), '/search/');
}

async function urls(s: Searcher, q: string, facets = {}, sort: '' | 'date-asc' | 'date-desc' = '') {
  const o = await s.search(q, facets, sort);
  const loaded = await Promise.all(o.visits.map((h) => s.load(h, o.terms)));
  return { entities: o.entities.map((e) => e.url), visits: loaded.filter((l) => l !== null).map((l) => l!.url) };
}

describe('search engine', () => {
  it('finds a name only where its characters are contiguous', async () => {
    expect((await urls(searcher(), '李锦斌')).visits).toEqual(['/visits/a/']);
  });

  it('requires every space-separated term', async () => {
    const s = searcher();
    expect((await urls(s, '李锦 杭州')).visits.sort()).toEqual(['/visits/a/', '/visits/b/']);
    expect((await urls(s, '李锦斌 芜湖')).visits).toEqual([]);
  });

  it('verifies terms that mix scripts (5G虚拟 is not 5G … 虚拟)', async () => {
    expect((await urls(searcher(), '5G虚拟')).visits).toEqual(['/visits/c/']);
  });

  it('reads traditional input and keeps characters that are also simplified', async () => {
    const s = searcher();
    expect((await urls(s, '李錦斌')).visits).toEqual(['/visits/a/']);
    expect((await urls(s, '乾隆')).visits).toEqual(['/visits/e/']);
    expect((await urls(s, '乾燥')).visits).toEqual(['/visits/e/']);
  });

  it('shows the person whose name is the query first, and finds them by pinyin', async () => {
    const s = searcher();
    expect((await urls(s, '李锦')).entities).toEqual(['/leaders/li-jin/', '/leaders/li-jinbin/']);
    expect((await urls(s, '李锦斌')).entities).toEqual(['/leaders/li-jinbin/']);
    expect((await urls(s, 'li jinbin')).entities).toEqual(['/leaders/li-jinbin/']);
    expect((await urls(s, 'lijinbin')).entities).toEqual(['/leaders/li-jinbin/']);
  });

  it('applies facets and sorts by date', async () => {
    const s = searcher();
    expect((await urls(s, '', { leader: 'che-jun' })).visits).toEqual(['/visits/c/']);
    expect((await urls(s, '', { year: '2019' }, 'date-asc')).visits).toEqual(['/visits/c/', '/visits/a/']);
    expect((await urls(s, '5G', {}, 'date-desc')).visits).toEqual(['/visits/d/', '/visits/c/']);
    expect((await urls(s, '')).visits).toEqual([]);
  });

  it('links a match to its paragraph', async () => {
    const s = searcher();
    const o = await s.search('果园港');
    const hit = await s.load(o.visits[0]!, o.terms);
    expect(hit).toMatchObject({ url: '/visits/c/', found: ['果园港'], anchor: 'p1' });
  });

  it('loads every index chunk a one-character search needs, whatever ran before', async () => {
    // words starting with 李 spread over several chunks of three words each
    const many = [
      visit('p', '李白写诗。', '2019-01-01'),
      visit('q', '李冰修堰。', '2019-01-02'),
      visit('r', '李清照填词。', '2019-01-03'),
      visit('s', '李时珍著书。', '2019-01-04'),
      visit('t', '李四光找油。', '2019-01-05'),
      visit('u', '张三与王五。', '2019-01-06'),
    ];
    const run = async (table: string) => {
      const api = fakePagefind(many, 3);
      vi.stubGlobal('fetch', async (url: string) => new Response(url.endsWith('prefix.txt') ? table : ''));
      const s = new Searcher(api, '/search/');
      return { api, urls: await urls(s, '李') };
    };
    const expected = ['/visits/p/', '/visits/q/', '/visits/r/', '/visits/s/', '/visits/t/'];
    const plain = await run('');
    // the fake reproduces Pagefind: without the table only the first chunk's words are seen
    expect(plain.urls.visits.length).toBeLessThan(expected.length);
    const { probes, unreachable } = prefixProbes(plain.api.chunks);
    expect(unreachable).toEqual([]);
    expect(probes.get('李')?.length).toBeGreaterThan(0);
    const withTable = await run(formatProbes(probes));
    expect([...withTable.urls.visits].sort()).toEqual(expected);
  });
});
