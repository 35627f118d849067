/**
 * Exact Chinese search over the Pagefind bundle (no DOM rendering here; see page.ts).
 *
 * A query is split into terms (spaces), each term into its spellings (as typed, and converted from
 * traditional script with the build's table), each spelling into Pagefind queries (text.ts). The
 * candidate set is: for every term, the union over its spellings of the pages matching all of the
 * spelling's Pagefind queries; intersected over terms. Each candidate whose data is loaded is
 * verified against its decoded text (every Han term must occur as written), so a page that does
 * not contain the query is never shown.
 */
import {
  containsTerm,
  decode,
  normalizeQuery,
  parseProbes,
  parseT2S,
  prefixSearches,
  type PrefixProbes,
  spellings,
  splitTerms,
  type T2S,
  type TermSearch,
  termSearch,
} from './text.ts';
import { matchedText } from './highlight.ts';

export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
}
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, string> }): Promise<PagefindResponse | null>;
  /** loads the index chunks a search for `term` needs, without searching */
  preload(term: string): Promise<void>;
}

/**
 * Loads the Pagefind bundle. Pagefind segments the query with Intl.Segmenter when the page's
 * language is Chinese, which would cut our bigrams apart; it reads `<html lang>` once, when it is
 * initialised, so the language is set to `und` for that synchronous call and restored at once.
 */
export async function loadPagefind(bundleUrl: string): Promise<PagefindApi> {
  const api = (await import(/* @vite-ignore */ `${bundleUrl}pagefind.js`)) as PagefindApi;
  // the search runs on the main thread: the worker would cost a second copy of the runtime (12 KB
  // gzip) for queries that take a few milliseconds
  await api.options({ basePath: bundleUrl, excerptLength: 0, noWorker: true });
  const html = document.documentElement;
  const lang = html.getAttribute('lang');
  html.setAttribute('lang', 'und');
  let ready: Promise<void>;
  try {
    ready = api.init();
  } finally {
    if (lang === null) html.removeAttribute('lang');
    else html.setAttribute('lang', lang);
  }
  await ready;
  return api;
}

export type SortOrder = '' | 'date-desc' | 'date-asc';
export interface Facets {
  leader?: string;
  province?: string;
  year?: string;
}

export interface Term {
  /** the term as typed (normalised) */
  typed: string;
  spellings: TermSearch[];
}

export interface Hit {
  result: PagefindResult;
  score: number;
}

export interface LoadedHit {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  text: string;
  /** the spelling of each term found in the text (for highlight and text fragments) */
  found: string[];
  /** id of the article paragraph holding the first match (`p3`), when it is in the article */
  anchor?: string;
}

/** Paragraph starts and the end of the article in a visit's text (scripts/search/records.ts). */
const paragraphMark = '¶';
const bodyEnd = '¦';

/** `p<n>` for the paragraph of the article that holds text[index], or undefined outside the article. */
export function paragraphAt(text: string, index: number): string | undefined {
  const end = text.indexOf(bodyEnd);
  if (index < 0 || (end >= 0 && index > end)) return undefined;
  let n = 0;
  for (let i = text.indexOf(paragraphMark); i >= 0 && i < index; i = text.indexOf(paragraphMark, i + 1)) n++;
  return n > 0 ? `p${n}` : undefined;
}

export interface Outcome {
  query: string;
  terms: Term[];
  /** leaders and provinces whose page matches, best first (at most `entityLimit`) */
  entities: LoadedHit[];
  /** how many leaders and provinces match in all */
  entityTotal: number;
  /** visits matching, in display order; load them with `load` */
  visits: Hit[];
  /** true when `visits` may still hold pages that `load` will reject (an upper bound) */
  approximate: boolean;
}

/** Candidates verified before the count is given, for terms the index cannot match exactly. */
export const eagerVerifyLimit = 40;

/** People and provinces listed above the visits (a role such as 省委书记 matches many people). */
export const entityLimit = 24;

/** A build-written table's text: empty when the file is missing, null when the fetch fails. */
function fetchText(url: string): Promise<string | null> {
  return fetch(url)
    .then((r) => (r.ok ? r.text() : ''))
    .catch(() => null);
}

export class Searcher {
  private t2s: T2S | null = null;
  private t2sLoading: Promise<T2S | null> | null = null;
  private probesLoading: Promise<PrefixProbes> | null = null;
  private readonly api: PagefindApi;
  private readonly t2sUrl: string;
  private readonly prefixUrl: string;

  /** `searchDir`: where the indexer wrote `t2s.txt` and `prefix.txt` (`<base>search/`) */
  constructor(api: PagefindApi, searchDir: string) {
    this.api = api;
    this.t2sUrl = `${searchDir}t2s.txt`;
    this.prefixUrl = `${searchDir}prefix.txt`;
  }

  /** The one-character probe table, fetched once (only for one-character Han terms). */
  private probes(): Promise<PrefixProbes> {
    this.probesLoading ??= fetchText(this.prefixUrl).then((text) => parseProbes(text ?? ''));
    return this.probesLoading;
  }

  /**
   * A one-character term is a prefix search over the words that start with it, and Pagefind loads
   * only one index chunk per query word: load every other chunk holding such words first, or the
   * search would see only some of them (and which ones would depend on earlier queries).
   */
  private async preloadPrefixes(terms: Term[]): Promise<void> {
    const chars = new Set(terms.flatMap((t) => t.spellings.flatMap(prefixSearches)));
    if (chars.size === 0) return;
    const table = await this.probes();
    const words = new Set([...chars].flatMap((c) => table.get(c) ?? []));
    await Promise.all([...words].map((w) => this.api.preload(w)));
  }

  /** The traditional → simplified table, fetched once (only for queries with Han characters). */
  private table(): Promise<T2S | null> {
    this.t2sLoading ??= fetchText(this.t2sUrl).then((text) => (text === null ? null : (this.t2s = parseT2S(text))));
    return this.t2sLoading;
  }

  async terms(query: string): Promise<Term[]> {
    const typed = splitTerms(normalizeQuery(query));
    const table = typed.some((t) => /\p{Script=Han}/u.test(t)) ? await this.table() : this.t2s;
    const terms: Term[] = [];
    for (const t of typed) {
      const list = spellings(t, table)
        .map(termSearch)
        .filter((s): s is TermSearch => s !== null);
      if (list.length > 0) terms.push({ typed: t, spellings: list });
    }
    return terms;
  }

  private async pagefind(query: string | null, filters: Record<string, unknown>, sort?: Record<string, string>): Promise<PagefindResult[]> {
    const response = await this.api.search(query, { filters, ...(sort ? { sort } : {}) });
    return response?.results ?? [];
  }

  /** Candidates for all terms (intersection over terms of the union over spellings). */
  private async candidates(terms: Term[], filters: Record<string, unknown>, sort?: Record<string, string>): Promise<Hit[]> {
    await this.preloadPrefixes(terms);
    // every Pagefind query at once, so the index chunks they need load in parallel
    const answers = await Promise.all(
      terms.map((term) => Promise.all(term.spellings.map((spelling) => Promise.all(spelling.searches.map((q) => this.pagefind(q, filters, sort)))))),
    );
    let combined: Map<string, Hit> | null = null;
    for (const termAnswers of answers) {
      const termHits = new Map<string, Hit>();
      for (const spellingAnswers of termAnswers) {
        // a spelling matches where all of its Pagefind queries do
        let spellingHits: Map<string, Hit> | null = null;
        for (const results of spellingAnswers) {
          const next = new Map<string, Hit>();
          for (const r of results) {
            if (spellingHits && !spellingHits.has(r.id)) continue;
            next.set(r.id, { result: r, score: (spellingHits?.get(r.id)?.score ?? 0) + r.score });
          }
          spellingHits = next;
        }
        for (const [id, hit] of spellingHits ?? []) {
          const prev = termHits.get(id);
          if (!prev || prev.score < hit.score) termHits.set(id, hit);
        }
      }
      if (combined === null) combined = termHits;
      else {
        const next = new Map<string, Hit>();
        for (const [id, hit] of combined) {
          const other = termHits.get(id);
          if (other) next.set(id, { result: hit.result, score: hit.score + other.score });
        }
        combined = next;
      }
    }
    const hits = [...(combined ?? new Map<string, Hit>()).values()];
    if (sort) {
      // the union of several lists loses Pagefind's order: rank by the order of all the filtered visits
      const all = terms.length > 0 ? await this.pagefind(null, filters, sort) : [];
      const rank = new Map(all.map((r, i) => [r.id, i]));
      hits.sort((a, b) => (rank.get(a.result.id) ?? 0) - (rank.get(b.result.id) ?? 0));
    } else {
      hits.sort((a, b) => b.score - a.score);
    }
    return hits;
  }

  /** Loads a hit's data and checks it really contains every term; null when it does not. */
  async load(hit: Hit, terms: Term[]): Promise<LoadedHit | null> {
    const data = await hit.result.data();
    const text = decode(data.content);
    const found: string[] = [];
    for (const term of terms) {
      const spelling = term.spellings.find((s) => containsTerm(text, s.text));
      if (!spelling) return null;
      found.push(matchedText(text, spelling.text));
    }
    // the first match in the article (after the title), for the link to its paragraph
    const first = found[0] ? text.indexOf(found[0], Math.max(0, text.indexOf(paragraphMark))) : -1;
    return { url: data.url, meta: data.meta, filters: data.filters, text, found, anchor: paragraphAt(text, first) };
  }

  async search(query: string, facets: Facets = {}, sort: SortOrder = ''): Promise<Outcome> {
    const terms = await this.terms(query);
    const visitFilters: Record<string, unknown> = { kind: 'visit' };
    if (facets.leader) visitFilters.leader = facets.leader;
    if (facets.province) visitFilters.province = facets.province;
    if (facets.year) visitFilters.year = facets.year;
    const sortOption = sort ? { date: sort === 'date-asc' ? 'asc' : 'desc' } : undefined;
    const hasFacets = Boolean(facets.leader || facets.province || facets.year);

    const visitsFound = (async (): Promise<Hit[]> => {
      if (terms.length > 0) return this.candidates(terms, visitFilters, sortOption);
      if (!hasFacets) return [];
      // no words, only facets: every visit that matches them, newest first unless told otherwise
      const results = await this.pagefind(null, visitFilters, sortOption ?? { date: 'desc' });
      return results.map((r) => ({ result: r, score: r.score }));
    })();
    const entitiesFound = terms.length > 0 ? this.candidates(terms, { kind: 'entity' }) : Promise.resolve([]);
    let visits = await visitsFound;

    let entities: LoadedHit[] = [];
    let entityTotal = 0;
    if (terms.length > 0) {
      const hits = await entitiesFound;
      entityTotal = hits.length;
      const loaded = await Promise.all(hits.slice(0, entityLimit).map((h) => this.load(h, terms)));
      const typed = new Set(terms.flatMap((t) => t.spellings.map((s) => s.text)));
      entities = loaded
        .filter((h): h is LoadedHit => h !== null)
        .map((h, i) => ({ h, i, exact: typed.has(h.meta.title ?? '') || typed.has(h.meta.short ?? '') }))
        // a page whose name is the query comes first (a person's name shows the person)
        .sort((a, b) => Number(b.exact) - Number(a.exact) || a.i - b.i)
        .map(({ h }) => h);
    }

    // terms that mix scripts or hold punctuation are not exact in the index: verify the candidates
    // now when they are few, so the count is right; otherwise the count is an upper bound until
    // the pages are shown (each shown result is verified)
    let approximate = false;
    if (terms.some((t) => t.spellings.some((s) => s.verify))) {
      if (visits.length <= eagerVerifyLimit) {
        const checked = await Promise.all(visits.map(async (h) => ((await this.load(h, terms)) ? h : null)));
        visits = checked.filter((h): h is Hit => h !== null);
      } else approximate = true;
    }
    entityTotal -= Math.min(entityLimit, entityTotal) - entities.length;
    return { query, terms, entities, entityTotal, visits, approximate };
  }
}
