/**
 * The query engine over a fake Pagefind with Pagefind's matching rules (exact phrase = adjacent
 * words; otherwise every word a prefix of some word; filters; sort), so the combination logic is
 * tested without a browser: terms intersect, spellings unite, mixed-script terms are verified,
 * entities whose name is the query come first, facets and sort pass through.
 */
import { describe, expect, it, vi } from 'vitest';
import { type PagefindApi, type PagefindResult, Searcher } from '../../src/scripts/search/engine.ts';
import { encode, formatT2S } from '../../src/scripts/search/text.ts';

interface Doc {
  url: string;
  text: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  date?: string;
}

function fakePagefind(docs: Doc[]): PagefindApi {
  const indexed = docs.map((d) => ({ ...d, tokens: encode(d.text).map((t) => t.toLowerCase()), content: encode(d.text).join(' ') }));
  const words = (q: string) => q.replace(/["“”]/g, ' ').split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());
  return {
    options: async () => {},
    init: async () => {},
    search: async (term, options = {}) => {
      const filters = (options.filters ?? {}) as Record<string, string>;
      let list = indexed.filter((d) => Object.entries(filters).every(([k, v]) => d.filters[k]?.includes(v)));
      if (term !== null) {
        const exact = /^\s*".+"\s*$/.test(term);
        const ws = words(term);
        list = list.filter((d) =>
          exact
            ? d.tokens.some((_, i) => ws.every((w, j) => d.tokens[i + j] === w))
            : ws.every((w) => d.tokens.some((t) => t.startsWith(w))),
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
  const table = formatT2S(new Map([['錦', ['锦']], ['乾', ['干']]]));
  vi.stubGlobal('fetch', async () => new Response(table));
  return new Searcher(fakePagefind(docs), '/search/t2s.txt');
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
});
