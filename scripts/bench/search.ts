/**
 * Search benchmark (figures, not a timed test):
 *
 *   npm run bench:search [-- --sizes 5000 --runs N --stock --reuse]
 *
 * (`BENCH_SEARCH_TRACE=1` also lists every timed query in order.)
 *
 * For the real articles and for a synthetic corpus of N articles (default 5,000): the size of the
 * search index on disk, the bytes a first query transfers (gzip, as a static host would serve
 * them), and the time from submitting a query to rendered results in headless Chromium on
 * localhost (first query, then warm queries: the runtime is loaded, but each query is new, so its index
 * chunks and fragments are fetched). Prints a table and writes .bench/search/results.json.
 *
 * The synthetic corpus varies the real generated visits (content/generated): sentences drawn from
 * all articles, people renamed from a pool built from the real names' characters, dates spread
 * over 2012–2025, provinces redrawn. It is made here, from the pipeline's output, because the
 * shared raw-source generator (scripts/bench/corpus.ts) needs the pipeline to run first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { pinyin } from 'pinyin-pro';
import { parse as parseYaml, stringify } from 'yaml';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import type { Leader, Visit } from '../../src/schemas.ts';
import { mulberry32 } from './random.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5000' },
    /** warm queries to time; 0 (default) = every distinct query of the set once, none of them cached */
    runs: { type: 'string', default: '0' },
    out: { type: 'string', default: join(root, '.bench/search') },
    /** measure again without rebuilding what a previous run left in --out */
    reuse: { type: 'boolean', default: false },
    /**
     * also index each synthetic corpus with stock Pagefind (HTML pages, its own zh segmentation,
     * no custom records) and measure the same first query, for comparison (needs ~6.5 GB at 5,000)
     */
    stock: { type: 'boolean', default: false },
  },
});
const outDir = resolve(values.out!);
const runs = Number(values.runs);
mkdirSync(outDir, { recursive: true });


function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}`);
  for (const line of r.stdout.split('\n')) if (line.startsWith('search:')) console.error(line);
}

/**
 * The static server (tests/helpers/server.ts) in a child process: in this process a garbage
 * collection of the corpus just read would stall a response in the middle of a timed query.
 */
async function serveInChild(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const serverModule = join(root, 'tests/helpers/server.ts');
  const code = `const { serveStatic } = await import(${JSON.stringify(serverModule)}); const s = await serveStatic(${JSON.stringify(dir)}, '/'); console.log(s.url);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', (code) => reject(new Error(`static server exited (${code})`)));
  });
  return {
    url,
    close: async () => {
      child.kill();
    },
  };
}

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) {
      const sub = dirSize(p);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

// ---------------------------------------------------------------- the real site
const realSite = join(outDir, 'real');
const generated = join(root, 'content/generated');
const normalizer = join(root, 'scripts/normalize.ts');
const reuse = (dir: string) => values.reuse && existsSync(join(dir, 'pagefind'));
if (!reuse(realSite)) {
  console.error('bench:search: building the site …');
  run(process.execPath, [join(root, 'scripts/build.ts'), '--out', realSite, ...(existsSync(normalizer) ? [] : ['--skip-normalize'])]);
}

// ---------------------------------------------------------------- synthetic corpus
interface Source {
  data: Visit;
  paragraphs: string[];
}
function readVisits(dir: string): Source[] {
  return readdirSync(join(dir, 'visits'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, 'visits', f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)!;
      return { data: parseYaml(m[1]!) as Visit, paragraphs: text.slice(m[0].length).split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) };
    });
}

function synthesize(n: number, dir: string): void {
  const random = mulberry32(20260521 + n);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sources = readVisits(generated);
  const provinceIds = readdirSync(join(generated, 'provinces')).map((f) => f.replace(/\.json$/, '')).sort();
  const realNames = [...new Set(sources.flatMap((s) => s.data.people.map((p) => p.name)))];
  const surnames = [...new Set(realNames.map((n) => Array.from(n)[0]!))];
  const givenChars = [...new Set(realNames.flatMap((n) => Array.from(n).slice(1)))];
  // a pool of people: about one per 8 articles, as in an archive where leaders recur
  const pool = new Set<string>();
  while (pool.size < Math.max(40, Math.round(n / 8))) {
    pool.add(pick(surnames) + pick(givenChars) + (random() < 0.6 ? pick(givenChars) : ''));
  }
  const people = [...pool];
  const slugs = new Map<string, string>();
  const leaders = new Map<string, Leader>();
  const slugOf = (name: string) => {
    let s = slugs.get(name);
    if (!s) {
      const base = pinyin(name, { toneType: 'none', type: 'array' }).join('-').replace(/[^a-z-]/g, '') || 'x';
      s = base;
      for (let i = 2; [...slugs.values()].includes(s); i++) s = `${base}-${i}`;
      slugs.set(name, s);
    }
    return s;
  };
  const sentencesOf = (p: string) => p.match(/[^。！？]+[。！？]?/g) ?? [p];
  const allSentences = sources.flatMap((s) => s.paragraphs.slice(1).flatMap(sentencesOf));

  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['visits', 'leaders', 'provinces']) mkdirSync(join(dir, sub), { recursive: true });
  cpSync(join(generated, 'provinces'), join(dir, 'provinces'), { recursive: true });

  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length]!;
    const rename = new Map<string, string>();
    for (const p of src.data.people) if (!rename.has(p.name)) rename.set(p.name, pick(people));
    const swap = (text: string) => {
      let out = text;
      for (const [from, to] of rename) out = out.split(from).join(to);
      return out;
    };
    const year = 2012 + Math.floor(random() * 14);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 27);
    const iso = (d: number) => `${year}-${String(month).padStart(2, '0')}-${String(Math.min(28, d)).padStart(2, '0')}`;
    const start = iso(day);
    const end = iso(day + Math.floor(random() * 3));
    const visiting = src.data.visiting ? pick(provinceIds) : null;
    const hosts = src.data.hosts.map(() => pick(provinceIds.filter((p) => p !== visiting)));
    const provinces = [...new Set([...(visiting ? [visiting] : []), ...hosts, ...src.data.provinces.slice(hosts.length + 1).map(() => pick(provinceIds))])];
    // body: the first paragraph, then paragraphs of sentences drawn from every article
    const body: string[] = [swap(src.paragraphs[0] ?? '')];
    const count = Math.max(3, src.paragraphs.length - 1 + Math.floor(random() * 3) - 1);
    for (let k = 0; k < count; k++) {
      const sentences: string[] = [];
      const m = 2 + Math.floor(random() * 5);
      for (let j = 0; j < m; j++) sentences.push(pick(allSentences));
      body.push(swap(sentences.join('')));
    }
    const id = `${start}-synthetic-${String(i).padStart(5, '0')}`;
    const data: Visit = {
      ...src.data,
      title: swap(src.data.title),
      start,
      end,
      visiting,
      hosts,
      provinces: provinces.length ? provinces : [pick(provinceIds)],
      legs: [{ province: hosts[0] ?? null, dates: [start] }],
      people: src.data.people.map((p) => ({ ...p, name: rename.get(p.name)!, leader: slugOf(rename.get(p.name)!) })),
      published: { date: end },
      inferences: [],
    };
    writeFileSync(join(dir, 'visits', `${id}.md`), `---\n${stringify(data)}---\n\n${body.join('\n\n')}\n`);
    for (const p of data.people) {
      const slug = p.leader;
      const l = leaders.get(slug) ?? {
        name: p.name,
        pinyin: toned(p.name),
        pinyinPlain: pinyin(p.name, { toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '') || 'x',
        provinces: [],
        roles: [],
        visits: [],
      };
      if (p.province && !l.provinces.includes(p.province)) l.provinces.push(p.province);
      if (p.role) l.roles.push({ role: p.role, province: p.province, visit: id, date: start });
      l.visits.push(id);
      leaders.set(slug, l);
    }
  }
  for (const [slug, l] of leaders) writeFileSync(join(dir, 'leaders', `${slug}.json`), JSON.stringify(l));
}

/** `李锦斌` → `Lǐ Jǐnbīn` */
function toned(name: string): string {
  const [family = '', ...given] = pinyin(name, { type: 'array' });
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${cap(family)} ${cap(given.join(''))}`.trim();
}

// ---------------------------------------------------------------- measuring in Chromium
/** What a page downloads, each response's body gzipped as a static host would serve it. */
interface Transfer {
  url: string;
  gzip: number;
}

/** Records every response of `page` into the returned list until `stop()`. */
function recordTransfers(page: import('playwright-core').Page): { list: Transfer[]; stop(): void } {
  const list: Transfer[] = [];
  const record = async (res: import('playwright-core').Response) => {
    try {
      list.push({ url: res.url(), gzip: gzipSync(await res.body(), { level: 6 }).length });
    } catch {
      /* redirects have no body */
    }
  };
  page.on('response', record);
  return { list, stop: () => page.off('response', record) };
}

/** Gzip bytes by kind of file: the search bundle's parts, our tables, the page itself. */
function breakdownOf(list: Transfer[]): Record<string, number> {
  const kind = (url: string) =>
    /\/fragment\//.test(url) ? 'fragments' : /\/index\//.test(url) ? 'index chunks' : /\/filter\//.test(url) ? 'filters' : /pf_meta/.test(url) ? 'pagefind meta' : /wasm/.test(url) ? 'pagefind wasm' : /pagefind/.test(url) ? 'pagefind js' : /t2s/.test(url) ? 't2s table' : 'search page (html, css, js)';
  const breakdown: Record<string, number> = {};
  for (const t of list) breakdown[kind(t.url)] = (breakdown[kind(t.url)] ?? 0) + t.gzip;
  return breakdown;
}

interface Measure {
  articles: number;
  indexBytes: number;
  indexFiles: number;
  t2sBytes: number;
  firstQuery: { query: string; requests: number; bytesGzip: number; searchBytesGzip: number; ms: number; breakdown: Record<string, number> };
  warm: { queries: number; medianMs: number; p95Ms: number; maxMs: number };
  indexMs: number;
}

async function measure(site: string, articles: number, indexMs: number, queries: string[]): Promise<Measure> {
  const size = dirSize(join(site, 'pagefind'));
  const t2sBytes = statSync(join(site, 'search/t2s.txt')).size;
  const server = await serveInChild(site);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const recorder = recordTransfers(page);
    const transferred = recorder.list;
    await page.goto(`${server.url}search/`);
    await page.waitForSelector('[data-search-root][data-ready]');
    const before = transferred.length;
    const submit = async (q: string) =>
      page.evaluate(async (q) => {
        const input = document.querySelector<HTMLInputElement>('[data-search-form] input[name="q"]')!;
        const results = document.querySelector('[data-search-results]')!;
        input.value = q;
        const t0 = performance.now();
        input.form!.requestSubmit();
        await new Promise<void>((resolve) => {
          const check = () => {
            if (results.getAttribute('aria-busy') === 'false' && (results as HTMLElement).dataset.query === q) resolve();
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        return performance.now() - t0;
      }, q);
    const firstMs = await submit(queries[0]!);
    await page.waitForTimeout(300);
    // reading every response body back over the DevTools protocol slows the page down: the warm
    // queries are timed without it
    recorder.stop();
    const first = transferred.slice(before);
    const pageLoad = transferred.slice(0, before);
    const sum = (list: Array<{ gzip: number }>) => list.reduce((a, b) => a + b.gzip, 0);
    const breakdown = breakdownOf(transferred);
    const warmTimes: number[] = [];
    const slow: Array<[string, number]> = [];
    const count = runs > 0 ? runs : queries.length - 1;
    for (let i = 0; i < count; i++) {
      const q = queries[1 + (i % (queries.length - 1))]!;
      const ms = await submit(q);
      warmTimes.push(ms);
      slow.push([q, Math.round(ms)]);
    }
    if (process.env.BENCH_SEARCH_TRACE) console.error(`bench:search: in order: ${slow.map(([q, ms]) => `${q} ${ms}`).join(', ')}`);
    console.error(`bench:search: slowest queries at ${articles} articles: ${slow.sort((a, b) => b[1] - a[1]).slice(0, 4).map(([q, ms]) => `"${q}" ${ms} ms`).join(', ')}`);
    warmTimes.sort((a, b) => a - b);
    return {
      articles,
      indexBytes: size.bytes,
      indexFiles: size.files,
      t2sBytes,
      indexMs,
      firstQuery: {
        query: queries[0]!,
        requests: first.length,
        // everything a first visit to the search page plus its first query downloads
        bytesGzip: sum(pageLoad) + sum(first),
        // what the query itself added (Pagefind runtime, wasm, index chunks, fragments, t2s)
        searchBytesGzip: sum(first),
        ms: Math.round(firstMs),
        breakdown,
      },
      warm: {
        queries: warmTimes.length,
        medianMs: Math.round(warmTimes[Math.floor(warmTimes.length / 2)]!),
        p95Ms: Math.round(warmTimes[Math.floor(warmTimes.length * 0.95)] ?? warmTimes[warmTimes.length - 1]!),
        maxMs: Math.round(warmTimes[warmTimes.length - 1]!),
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * `data/visits.json` as the Astro build exports it (the indexer reads the front matter from there
 * rather than parsing YAML per visit); the synthetic site has no Astro build, so it is written here.
 */
function exportVisits(content: string, site: string): void {
  const visits = readdirSync(join(content, 'visits'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(content, 'visits', f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)!;
      return { id: f.slice(0, -3), ...(parseYaml(m[1]!) as Visit) };
    });
  mkdirSync(join(site, 'data'), { recursive: true });
  writeFileSync(join(site, 'data', 'visits.json'), `${JSON.stringify({ version: 1, kind: 'visits', count: visits.length, visits })}\n`);
}

function indexSite(site: string, content: string): number {
  const t0 = performance.now();
  run(process.execPath, [join(root, 'scripts/search/index.ts'), '--site', site, '--content', content]);
  return Math.round(performance.now() - t0);
}

function queriesFor(content: string): string[] {
  const visits = readVisits(content);
  const names = [...new Set(visits.flatMap((v) => v.data.people.map((p) => p.name)))];
  const places = [...new Set(visits.flatMap((v) => v.data.places.map((p) => p.name)))];
  const random = mulberry32(7);
  const list = [names[0]!, '果园港', '长三角 一体化', '蕪湖', 'lijinbin'];
  for (let i = 0; i < 40; i++) list.push(random() < 0.5 ? names[Math.floor(random() * names.length)]! : (places[Math.floor(random() * places.length)] ?? '合作'));
  return [...new Set(list)];
}

const previous: Measure[] = values.reuse && existsSync(join(outDir, 'results.json')) ? JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) : [];
const indexTime = (articles: number) => previous.find((m) => m.articles === articles)?.indexMs ?? 0;
const results: Measure[] = [];
const realCount = readVisits(generated).length;
const realIndexMs = reuse(realSite) ? indexTime(realCount) : indexSite(realSite, generated);
results.push(await measure(realSite, realCount, realIndexMs, queriesFor(generated)));

for (const n of values.sizes!.split(',').map(Number).filter((x) => x > 0)) {
  const content = join(outDir, `content-${n}`);
  const site = join(outDir, `site-${n}`);
  let ms = indexTime(n);
  if (!reuse(site) || !existsSync(content)) {
    console.error(`bench:search: synthetic corpus of ${n} articles …`);
    synthesize(n, content);
    rmSync(site, { recursive: true, force: true });
    mkdirSync(site, { recursive: true });
    // the real search page and its script over the synthetic index
    cpSync(join(realSite, 'search'), join(site, 'search'), { recursive: true });
    cpSync(join(realSite, '_astro'), join(site, '_astro'), { recursive: true });
    exportVisits(content, site);
    ms = indexSite(site, content);
  }
  results.push(await measure(site, n, ms, queriesFor(content)));
}


// ---------------------------------------------------------------- stock Pagefind, for comparison
interface StockMeasure {
  articles: number;
  indexBytes: number;
  query: string;
  results: number;
  bytesGzip: number;
  breakdown: Record<string, number>;
}

/** One plain HTML page per synthetic visit (title and paragraphs, lang zh-CN), as a stock site would have. */
function stockSite(content: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  for (const f of readdirSync(join(content, 'visits')).filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(join(content, 'visits', f), 'utf8');
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text)!;
    const title = (parseYaml(m[1]!) as Visit).title;
    const body = text.slice(m[0].length).split(/\n\s*\n/).map((p) => `<p>${esc(p.replace(/[#*>_[\]]/g, '').trim())}</p>`).join('\n');
    mkdirSync(join(dir, 'visits', f.slice(0, -3)), { recursive: true });
    writeFileSync(join(dir, 'visits', f.slice(0, -3), 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>\n${body}</main></body></html>\n`);
  }
  mkdirSync(join(dir, 'search'), { recursive: true });
  writeFileSync(join(dir, 'search', 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title></head><body data-pagefind-ignore="all"></body></html>\n');
}

/** Stock Pagefind over the same articles: the first query's transfer with its UI's first 5 results. */
async function measureStock(content: string, dir: string, articles: number, query: string): Promise<StockMeasure> {
  stockSite(content, dir);
  run(join(root, 'node_modules/.bin/pagefind'), ['--site', dir, '--output-path', join(dir, 'pagefind'), '--quiet']);
  const server = await serveInChild(dir);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    const got = recordTransfers(page).list;
    await page.goto(`${server.url}search/`);
    const before = got.length;
    const results = await page.evaluate(async (q) => {
      const bundle = '/pagefind/pagefind.js';
      const api = (await import(/* @vite-ignore */ bundle)) as {
        options(o: object): Promise<void>;
        search(q: string): Promise<{ results: Array<{ data(): Promise<unknown> }> }>;
      };
      await api.options({ basePath: '/pagefind/' });
      const r = await api.search(q);
      await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
      return r.results.length;
    }, query);
    await page.waitForTimeout(300);
    const first = got.slice(before);
    return { articles, indexBytes: dirSize(join(dir, 'pagefind')).bytes, query, results, bytesGzip: first.reduce((a, b) => a + b.gzip, 0), breakdown: breakdownOf(first) };
  } finally {
    await browser.close();
    await server.close();
  }
}

const stock: StockMeasure[] = [];
if (values.stock) {
  for (const n of values.sizes!.split(',').map(Number).filter((x) => x > 0)) {
    console.error(`bench:search: stock Pagefind over the ${n} synthetic articles …`);
    stock.push(await measureStock(join(outDir, `content-${n}`), join(outDir, `stock-${n}`), n, queriesFor(join(outDir, `content-${n}`))[0]!));
  }
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const [load1] = (await import('node:os')).loadavg();
console.log(`\nSearch benchmark (headless Chromium on localhost; gzip sizes computed per response; ${(await import('node:os')).cpus().length} CPUs, load average ${load1!.toFixed(1)})\n`);
console.log('| articles | index on disk | files | t2s table | index time | first query: transfer (page + search / search only) | first query time | warm median / p95 / max |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.articles} | ${kb(r.indexBytes)} | ${r.indexFiles} | ${kb(r.t2sBytes)} | ${r.indexMs} ms | ${kb(r.firstQuery.bytesGzip)} / ${kb(r.firstQuery.searchBytesGzip)} (${r.firstQuery.requests} requests, "${r.firstQuery.query}") | ${r.firstQuery.ms} ms | ${r.warm.medianMs} / ${r.warm.p95Ms} / ${r.warm.maxMs} ms (${r.warm.queries} queries) |`,
  );
}
for (const r of results) {
  console.log(`\nfirst query at ${r.articles} articles, gzip bytes by kind: ${Object.entries(r.firstQuery.breakdown).map(([k, b]) => `${k} ${kb(b)}`).join(', ')}`);
}
for (const r of stock) {
  console.log(
    `\nstock Pagefind at ${r.articles} articles (HTML pages, its zh segmentation): index ${kb(r.indexBytes)}; first query "${r.query}" (${r.results} results, 5 loaded) transfers ${kb(r.bytesGzip)}: ${Object.entries(r.breakdown).map(([k, b]) => `${k} ${kb(b)}`).join(', ')}`,
  );
}
writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
if (stock.length) writeFileSync(join(outDir, 'stock.json'), JSON.stringify(stock, null, 2) + '\n');
console.log(`\nwritten: ${join(outDir, 'results.json')}`);
