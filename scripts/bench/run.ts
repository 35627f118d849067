/**
 * `npm run bench`: the whole build's cost from a few to thousands of articles, beside the
 * framework floor (bare Astro building as many plain Markdown pages of the same text).
 *
 *   node scripts/bench/run.ts [--sizes 5,500,5000] [--seed 1] [--from head|worktree]
 *                             [--lighthouse-size N | --no-lighthouse] [--no-floor]
 *                             [--profile] [--profile-size N] [--keep] [--out bench/results.json]
 *                             [--records]
 *
 * For each size: a synthetic corpus (scripts/bench/corpus.ts) is written as raw sources into a
 * temporary copy of the project (the committed tree by default; `--from worktree` for the
 * files as they are), the real build (`node scripts/build.ts`) runs there under measurement
 * (wall time, the time of each stage, peak memory of the process tree, dist/ size, pages),
 * then the floor is built with the same text. Page weight is read for the largest visit,
 * leader and province page; Lighthouse runs on the home, a visit and the search page at one
 * size. Results: a table on stdout, JSON in --out and a Markdown table beside it (.md).
 * `--profile` builds the largest size once more with `node --cpu-prof` and Astro's own per-page
 * log, and writes where the time goes to bench/profile-<size>.md.
 * `--records` skips the pipeline: records are written straight from the corpus
 * (scripts/bench/records.ts) and the build runs with --skip-normalize — the site and search
 * stages on their own.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CorpusEntry, editorialDates, generateCorpus } from './corpus.ts';
import { buildFloor, floorPages, writeFloorProject } from './floor.ts';
import { measure, stageTimes, type Measured } from './measure.ts';
import { copyProject, projectRoot, removeDir } from './project.ts';
import { detailPages, distSummary, pageWeight, type Weight } from './weight.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5,500,5000' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: 'head' },
    'lighthouse-size': { type: 'string' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-size': { type: 'string' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    echo: { type: 'boolean', default: false },
    records: { type: 'boolean', default: false },
    render: { type: 'string' },
  },
});

const sizes = values.sizes!.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
if (!sizes.length) throw new Error(`--sizes: give whole numbers separated by commas, e.g. 5,500,5000`);
const seed = Number(values.seed);
const from = values.from === 'worktree' ? 'worktree' : 'head';
const largest = Math.max(...sizes);
const lighthouseSize = values['no-lighthouse'] ? null : Number(values['lighthouse-size'] ?? largest);
const profileSize = values.profile ? Number(values['profile-size'] ?? largest) : null;
const outJson = resolve(projectRoot, values.out!);
const outMd = outJson.replace(/\.json$/, '') + '.md';

const MiB = 2 ** 20;
const env = {
  ...process.env,
  PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env.PATH}`,
  ASTRO_TELEMETRY_DISABLED: '1',
  BASE_PATH: '/',
  SITE_URL: '',
};

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  let commit = '';
  let dirty = false;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
    dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: projectRoot, encoding: 'utf8' }).trim() !== '';
  } catch {
    // not a git checkout
  }
  return {
    cpu: cpuinfo.match(/model name\s*:\s*(.+)/)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    astro: JSON.parse(readFileSync(join(projectRoot, 'node_modules/astro/package.json'), 'utf8')).version as string,
    os: `${os.type()} ${os.release()}`,
    commit,
    tree: from === 'head' ? 'committed tree (git archive HEAD)' : `work tree${dirty ? ' (with uncommitted changes)' : ''}`,
    date: new Date().toISOString(),
  };
}

interface SizeResult {
  size: number;
  corpus: { files: number; bytes: number; ms: number; damaged: number };
  site: {
    ok: boolean;
    exit: number | null;
    totalMs: number;
    stages: Record<string, number>;
    cpuSeconds: number | null;
    peakTreeRss: number;
    maxRssSingle: number | null;
    peakByStage: Record<string, number>;
    peakByProcess: Record<string, number>;
    dist: ReturnType<typeof distSummary>;
    loadBefore: number[];
    error?: string;
  };
  perArticleMs: number;
  floor: null | { ok: boolean; totalMs: number; peakTreeRss: number; maxRssSingle: number | null; pages: number; distBytes: number; bodyChars: number };
  ratio: number | null;
  weights: Record<string, Weight>;
  /** reading pages (everything but the search page) that carry any script */
  readingPagesWithJs: string[];
  lighthouse?: Awaited<ReturnType<typeof import('./lighthouse.ts').runLighthouse>>;
  lighthouseError?: string;
}

const fmtS = (ms: number | undefined | null) => (ms === undefined || ms === null ? '–' : (ms / 1000).toFixed(1));
const fmtMiB = (b: number | null | undefined) => (b === null || b === undefined ? '–' : (b / MiB).toFixed(0));
const fmtKB = (b: number | undefined) => (b === undefined ? '–' : (b / 1000).toFixed(1));

function scriptsOn(dist: string, pages: string[]): string[] {
  const found: string[] = [];
  for (const page of pages) {
    const w = pageWeight(dist, page);
    if (w.js > 0 || w.inlineJs > 0) found.push(page);
  }
  return found;
}

/** Every HTML page of the build except the search page (which alone may load script). */
function allReadingPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (r !== 'search' && r !== 'pagefind' && r !== '_astro') walk(join(dir, entry.name), r);
      } else if (entry.name.endsWith('.html')) out.push(r);
    }
  };
  walk(dist, '');
  return out;
}

async function runSize(size: number): Promise<{ result: SizeResult; copy: string; entries: CorpusEntry[] }> {
  console.log(`\n== ${size} articles ==`);
  const copy = copyProject({ from, label: `site-${size}` });
  const t0 = performance.now();
  const corpus = generateCorpus({ count: size, seed, outDir: join(copy, 'content/sources') });
  const corpusMs = Math.round(performance.now() - t0);
  console.log(`corpus: ${size} files, ${(corpus.bytes / 1e6).toFixed(1)} MB in ${corpusMs} ms (${copy})`);
  // The years an editor supplies for articles that never state one (like the real 000)
  const datesFile = join(copy, 'content/editorial/dates.yaml');
  if (existsSync(datesFile)) appendFileSync(datesFile, `\n# Added by the benchmark for its synthetic sources\n${editorialDates(corpus.entries)}`);

  if (values.records) {
    const { writeRecords } = await import('./records.ts');
    const counts = writeRecords(corpus, join(copy, 'content/sources'), join(copy, 'content/generated'));
    console.log(`records: ${counts.visits} visits, ${counts.leaders} leaders, ${counts.provinces} provinces written without the pipeline`);
  }
  const buildArgs = ['scripts/build.ts', '--out', 'dist', ...(values.records ? ['--skip-normalize'] : [])];
  const loadBefore = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const site: Measured = await measure(process.execPath, buildArgs, { cwd: copy, env, echo: values.echo });
  const stages = stageTimes(site.stdout);
  const dist = join(copy, 'dist');
  const summary = distSummary(dist);
  const ok = site.code === 0;
  console.log(
    `site: exit ${site.code}, ${fmtS(site.wallMs)} s (${Object.entries(stages).map(([k, v]) => `${k} ${fmtS(v)} s`).join(', ')}), ` +
      `peak ${fmtMiB(site.peakTreeRss)} MiB, ${summary.pages} pages, ${(summary.bytes / 1e6).toFixed(1)} MB`,
  );
  console.log(`memory peaks by process (MiB): ${Object.entries(site.peakByProcess).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${fmtMiB(v)}`).join(', ')}`);
  if (!ok) console.error((site.stderr + site.stdout).split('\n').slice(-30).join('\n'));

  const weights: Record<string, Weight> = {};
  let readingPagesWithJs: string[] = [];
  if (ok) {
    const details = detailPages(dist);
    const pickPage = (list: string[] | undefined, which: 'largest' | 'median') =>
      list && list.length ? (which === 'largest' ? list[0] : list[Math.floor(list.length / 2)]) : undefined;
    const chosen: Record<string, string | undefined> = {
      home: 'index.html',
      visitLargest: pickPage(details.visits, 'largest'),
      visitMedian: pickPage(details.visits, 'median'),
      leaderLargest: pickPage(details.leaders, 'largest'),
      leaderMedian: pickPage(details.leaders, 'median'),
      provinceLargest: pickPage(details.provinces, 'largest'),
      search: 'search/index.html',
    };
    for (const [key, page] of Object.entries(chosen)) {
      try {
        if (page) weights[key] = pageWeight(dist, page);
      } catch {
        // page missing in this build
      }
    }
    readingPagesWithJs = scriptsOn(dist, allReadingPages(dist));
  }

  let floor: SizeResult['floor'] = null;
  if (!values['no-floor']) {
    const pages = floorPages(corpus.entries);
    const floorDir = writeFloorProject(pages);
    const f = await buildFloor(floorDir, values.echo);
    const fs = distSummary(join(floorDir, 'dist'));
    floor = {
      ok: f.code === 0,
      totalMs: f.wallMs,
      peakTreeRss: f.peakTreeRss,
      maxRssSingle: f.maxRssSingle,
      pages: fs.pages,
      distBytes: fs.bytes,
      bodyChars: pages.reduce((n, p) => n + p.title.length + p.paragraphs.join('').length, 0),
    };
    console.log(`floor: exit ${f.code}, ${fmtS(f.wallMs)} s, ${fs.pages} pages, peak ${fmtMiB(f.peakTreeRss)} MiB`);
    if (f.code !== 0) console.error(f.stderr.split('\n').slice(-20).join('\n'));
    if (!values.keep) removeDir(floorDir);
  }

  const result: SizeResult = {
    size,
    corpus: { files: corpus.entries.length, bytes: corpus.bytes, ms: corpusMs, damaged: corpus.entries.filter((e) => e.damaged).length },
    site: {
      ok,
      exit: site.code,
      totalMs: site.wallMs,
      stages,
      cpuSeconds: site.cpuSeconds,
      peakTreeRss: site.peakTreeRss,
      maxRssSingle: site.maxRssSingle,
      peakByStage: site.peakByStage,
      peakByProcess: site.peakByProcess,
      dist: summary,
      loadBefore,
      ...(ok ? {} : { error: (site.stderr + site.stdout).split('\n').slice(-40).join('\n') }),
    },
    perArticleMs: Math.round((site.wallMs / size) * 100) / 100,
    floor,
    ratio: floor && floor.ok && ok ? Math.round((site.wallMs / floor.totalMs) * 100) / 100 : null,
    weights,
    readingPagesWithJs: readingPagesWithJs.slice(0, 20),
  };

  if (ok && lighthouseSize === size) {
    const visit = weights.visitMedian?.page.replace(/index\.html$/, '') ?? '';
    try {
      const { runLighthouse } = await import('./lighthouse.ts');
      result.lighthouse = await runLighthouse(dist, ['/', `/${visit}`, '/search/']);
      for (const r of result.lighthouse) console.log(`lighthouse ${r.page}: perf ${r.performance}, a11y ${r.accessibility}, bp ${r.bestPractices}, seo ${r.seo}`);
    } catch (error) {
      result.lighthouseError = String(error);
      console.error(`lighthouse: ${error}`);
    }
  }
  return { result, copy, entries: corpus.entries };
}

// ---------------------------------------------------------------------------------------------
// Profile

async function profile(copy: string, size: number, entries: CorpusEntry[]): Promise<string> {
  const { summariseProfiles, astroPageTimes } = await import('./profile.ts');
  const profDir = join(copy, 'cpu-profiles');
  mkdirSync(profDir, { recursive: true });
  console.log(`\n== profile at ${size} articles ==`);
  // 1. The whole build with every Node process profiled.
  const run = await measure(process.execPath, ['scripts/build.ts', '--out', 'dist-profile', ...(values.records ? ['--skip-normalize'] : [])], {
    cwd: copy,
    env: { ...env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profDir}` },
    echo: values.echo,
  });
  // 2. Astro alone, with its own log (per-page generation times), on the data step 1 generated.
  const astroLog = await measure(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', 'dist-astro-log'], {
    cwd: copy,
    env,
    echo: false,
  });
  const pages = astroPageTimes(astroLog.lines);
  const logDir = join(projectRoot, '.bench');
  mkdirSync(logDir, { recursive: true });
  writeFileSync(join(logDir, `astro-log-${size}.txt`), astroLog.lines.map((l) => `${l.ms}\t${l.text}`).join('\n'));
  // 3. The floor at the same size, with the same log, for comparison.
  const floorDir = writeFloorProject(floorPages(entries));
  const floorLog = await measure(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: floorDir,
    env,
    echo: false,
  });
  if (!values.keep) removeDir(floorDir);
  const md = [
    `# Where the build's time goes: ${size} articles${values.records ? ' (--records: pipeline skipped)' : ''}`,
    '',
    `Profiled run: exit ${run.code}, ${fmtS(run.wallMs)} s wall with the profiler on (${Object.entries(stageTimes(run.stdout)).map(([k, v]) => `${k} ${fmtS(v)} s`).join(', ')}).`,
    '',
    summariseProfiles(profDir),
    '',
    `## Astro's own log (separate run of \`astro build\`, ${fmtS(astroLog.wallMs)} s)`,
    '',
    pages,
    '',
    `## The floor's log at the same size (${fmtS(floorLog.wallMs)} s)`,
    '',
    astroPageTimes(floorLog.lines),
  ].join('\n');
  const file = join(projectRoot, `bench/profile-${size}.md`);
  writeFileSync(file, md);
  console.log(`profile: ${file}`);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Report

function tables(results: SizeResult[], info: ReturnType<typeof machine>): string {
  const lines: string[] = [];
  if (values.records) lines.push('Mode: --records (records written from the corpus, normalisation skipped).', '');
  lines.push(`Machine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, Node ${info.node}, Astro ${info.astro}; ${info.tree} ${info.commit}, ${info.date.slice(0, 16)}Z.`);
  lines.push('');
  lines.push('| articles | normalise s | astro s | search s | total s | floor s | total ÷ floor | ms / article | marginal ms / article | peak memory MiB | dist MB | HTML pages |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  let previous: SizeResult | undefined;
  for (const r of results) {
    const s = r.site;
    // cost of each article added since the previous size: a superlinear build shows here first
    const marginal = previous && previous.site.ok && s.ok ? ((s.totalMs - previous.site.totalMs) / (r.size - previous.size)).toFixed(1) : '–';
    lines.push(
      `| ${r.size} | ${fmtS(s.stages.normalize)} | ${fmtS(s.stages.astro)} | ${fmtS(s.stages.search)} | ${s.ok ? fmtS(s.totalMs) : `failed (exit ${s.exit})`} | ${fmtS(r.floor?.totalMs)} | ${r.ratio ?? '–'} | ${r.perArticleMs} | ${marginal} | ${fmtMiB(s.peakTreeRss)} | ${(s.dist.bytes / 1e6).toFixed(1)} | ${s.dist.pages} |`,
    );
    previous = r;
  }
  lines.push('');
  lines.push('Memory peaks by process (MiB): ' + results.map((r) => `${r.size}: ${Object.entries(r.site.peakByProcess ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${fmtMiB(v)}`).join(', ')}`).join('; ') + '.');
  const big = results[results.length - 1];
  if (big) lines.push('', `HTML pages at ${big.size} by folder: ${Object.entries(big.site.dist.pagesByType).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  const last = [...results].reverse().find((r) => Object.keys(r.weights).length);
  if (last) {
    lines.push('');
    lines.push(`Page weight at ${last.size} articles (first visit, bytes a browser downloads; KB = 1000 bytes):`);
    lines.push('');
    lines.push('| page | HTML KB | HTML gzip KB | CSS KB (gzip) | JS KB (gzip) | inline JS bytes |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [key, w] of Object.entries(last.weights)) {
      lines.push(`| ${key} \`${w.page}\` | ${fmtKB(w.html)} | ${fmtKB(w.htmlGzip)} | ${fmtKB(w.css)} (${fmtKB(w.cssGzip)}) | ${fmtKB(w.js)} (${fmtKB(w.jsGzip)}) | ${w.inlineJs} |`);
    }
    lines.push('');
    lines.push(`Reading pages carrying script: ${last.readingPagesWithJs.length ? last.readingPagesWithJs.join(', ') : 'none'}.`);
  }
  const lh = results.find((r) => r.lighthouse);
  if (lh?.lighthouse) {
    lines.push('');
    lines.push(`Lighthouse ${readPkgVersion('lighthouse')} (mobile, simulated throttling) at ${lh.size} articles:`);
    lines.push('');
    lines.push('| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS | bytes |');
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of lh.lighthouse) {
      lines.push(`| \`${r.page}\` | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.lcp} | ${r.tbt} | ${r.cls} | ${r.totalBytes} |`);
    }
    const failing = lh.lighthouse.flatMap((r) => r.failing.map((f) => `${r.page} ${f}`));
    if (failing.length) lines.push('', `Audits below 1: ${failing.join('; ')}.`);
  }
  return lines.join('\n');
}

function readPkgVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '';
  }
}

function targets(results: SizeResult[]) {
  const at = (n: number) => results.find((r) => r.size === n && r.site.ok);
  const big = at(5000) ?? [...results].reverse().find((r) => r.site.ok);
  const mid = at(500);
  const checks: { target: string; value: string; met: boolean | null }[] = [];
  if (big) {
    checks.push({ target: `total ≤ 1.5 × floor at ${big.size}`, value: `${big.ratio ?? '–'} ×`, met: big.ratio === null ? null : big.ratio <= 1.5 });
    checks.push({ target: `peak memory < 4 GB at ${big.size}`, value: `${fmtMiB(big.site.peakTreeRss)} MiB`, met: big.site.peakTreeRss < 4e9 });
    const visit = big.weights.visitLargest;
    checks.push({ target: `visit page HTML ≤ 30 KB gzip at ${big.size}`, value: visit ? `${fmtKB(visit.htmlGzip)} KB (largest)` : '–', met: visit ? visit.htmlGzip <= 30_000 : null });
    checks.push({ target: '0 bytes of JS on reading pages', value: `${big.readingPagesWithJs.length} pages with script`, met: big.readingPagesWithJs.length === 0 });
  }
  if (big && mid && big !== mid) {
    const ratio = Math.round((big.perArticleMs / mid.perArticleMs) * 100) / 100;
    checks.push({ target: `time per article at ${big.size} within 1.2 × of ${mid.size}`, value: `${big.perArticleMs} vs ${mid.perArticleMs} ms (${ratio} ×)`, met: ratio <= 1.2 });
  }
  const lh = results.find((r) => r.lighthouse)?.lighthouse;
  if (lh) {
    const low = lh.flatMap((r) => (['performance', 'accessibility', 'bestPractices', 'seo'] as const).filter((k) => (r[k] ?? 0) < 95).map((k) => `${r.page} ${k} ${r[k]}`));
    checks.push({ target: 'Lighthouse ≥ 95 in each category (home, visit, search)', value: low.length ? low.join(', ') : 'all ≥ 95', met: low.length === 0 });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------

function render(results: SizeResult[], info: ReturnType<typeof machine>, checks: ReturnType<typeof targets>): string {
  return [
    tables(results, info),
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${c.target} | ${c.value} | ${c.met === null ? '–' : c.met ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
}

if (values.render) {
  // Re-render the Markdown of an earlier run from its JSON (no build).
  const saved = JSON.parse(readFileSync(resolve(projectRoot, values.render), 'utf8'));
  if (saved.mode?.startsWith('records')) values.records = true;
  const md = render(saved.results, saved.machine, targets(saved.results));
  writeFileSync(resolve(projectRoot, values.render).replace(/\.json$/, '') + '.md', md);
  console.log(md);
  process.exit(0);
}

const info = machine();
console.log(`bench: sizes ${sizes.join(', ')}; ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, Node ${info.node}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const results: SizeResult[] = [];
const copies: string[] = [];
for (const size of sizes) {
  const { result, copy, entries } = await runSize(size);
  results.push(result);
  copies.push(copy);
  if (profileSize === size && result.site.ok) await profile(copy, size, entries);
  if (!values.keep) removeDir(copy);
}

const checks = targets(results);
const report = { machine: info, seed, sizes, mode: values.records ? 'records (pipeline skipped)' : 'full build', results, targets: checks };
mkdirSync(dirname(outJson), { recursive: true });
writeFileSync(outJson, JSON.stringify(report, null, 2) + '\n');
const md = render(results, info, checks);
writeFileSync(outMd, md);
console.log('\n' + md);
console.log(`bench: results in ${outJson} and ${outMd}${values.keep ? `; copies kept: ${copies.join(', ')}` : ''}`);
