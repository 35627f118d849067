/**
 * npm run bench:normalize — throughput of the cleaning pipeline beside bare opencc-js.
 *
 * The five sources are repeated (each copy a separate document, as in a real archive) until
 * their bytes reach at least 5 MB (`--mb N` to change). In the same run, interleaved, several
 * rounds each:
 * - cleaning: cleanSource (decode, pinyin, gaps, simplify, chrome, kinds, punctuation) on each
 *   document's bytes;
 * - cleaning + extraction, when scripts/extract has it: cleanSource then buildVisit on each
 *   document in turn (or buildRecords over all of them), as a second figure;
 * - bare: opencc-js `Converter({ from: 't', to: 'cn' })` on each document's decoded text
 *   (every document, simplified ones included).
 * The rounds are measured after `--warmup N` passes of each (default 8; the first one, which
 * builds the tables while V8 compiles, is printed apart as the cold figure).
 * Prints MB/s (of source bytes) for each, from the best round, by wall time and by this
 * process's CPU time (the fairer figure on a machine busy with other work), and the ratio
 * cleaning ÷ bare speed (target ≥ 0.5); with extraction, also the median of the per-round ratios
 * (each round's bare run and pipeline run are adjacent in time).
 * Figures, not a test: nothing fails when the target is missed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js/t2cn';
import { cleanSource } from '../pipeline/clean.ts';
import type { CleanDocument } from '../pipeline/types.ts';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '8' },
    sources: { type: 'string', default: join(root, 'content/sources') },
  },
});
const targetBytes = Number(values.mb) * 1024 * 1024;
const rounds = Math.max(1, Number(values.rounds));
const warmup = Math.max(1, Number(values.warmup));

const sources = readdirSync(values.sources!)
  .filter((f) => !f.startsWith('.'))
  .sort()
  .map((f) => ({ path: `content/sources/${f}`, bytes: new Uint8Array(readFileSync(join(values.sources!, f))) }));
if (sources.length === 0) throw new Error(`no sources in ${values.sources}`);

const docs: { path: string; bytes: Uint8Array; text: string }[] = [];
let total = 0;
for (let copy = 0; total < targetBytes; copy++) {
  for (const s of sources) {
    docs.push({ path: s.path.replace(/\.txt$/, `.${copy}.txt`), bytes: s.bytes, text: new TextDecoder().decode(s.bytes) });
    total += s.bytes.length;
  }
}

// optional: the extraction step, when it exists — `buildRecords(docs)` if some module of
// scripts/extract exports it, else `buildVisit(doc, editorial, geography)` of records.ts, called
// on each document as soon as it is cleaned (the full pipeline, per document, as normalize runs it)
type Extract = (docs: CleanDocument[]) => number;
let extract: Extract | null = null;
/** extraction of one document (buildVisit), when there is one */
let extractOne: ((doc: CleanDocument) => number) | null = null;
let extractFrom = '';
try {
  for (const f of readdirSync(join(root, 'scripts/extract')).filter((f) => f.endsWith('.ts')).sort()) {
    const code = readFileSync(join(root, 'scripts/extract', f), 'utf8');
    if (/export\s+(async\s+)?function\s+buildRecords\b/.test(code)) {
      const mod = (await import(join(root, 'scripts/extract', f))) as { buildRecords: (docs: CleanDocument[]) => unknown };
      extract = (docs) => {
        const records = mod.buildRecords(docs);
        return Array.isArray(records) ? records.length : 1;
      };
      extractFrom = `buildRecords, scripts/extract/${f}`;
      break;
    }
  }
  if (!extract && existsSync(join(root, 'scripts/extract/records.ts'))) {
    type BuildVisit = (doc: CleanDocument, editorial: unknown, geo: unknown) => { ok: boolean };
    const records = (await import(join(root, 'scripts/extract/records.ts'))) as { buildVisit?: BuildVisit };
    const editorialModule = (await import(join(root, 'scripts/extract/editorial.ts'))) as { loadEditorial: (dir: string, root?: string) => unknown };
    const provinces = (await import(join(root, 'scripts/extract/provinces.ts'))) as { loadGeography: (editorial: unknown) => unknown };
    if (records.buildVisit) {
      const buildVisit = records.buildVisit;
      const editorial = editorialModule.loadEditorial(join(root, 'content/editorial'), root);
      const geo = provinces.loadGeography(editorial);
      extract = (docs) => {
        let ok = 0;
        for (const doc of docs) if (buildVisit(doc, editorial, geo).ok) ok++;
        return ok;
      };
      extractOne = (doc) => (buildVisit(doc, editorial, geo).ok ? 1 : 0);
      extractFrom = 'buildVisit, scripts/extract/records.ts';
    }
  }
} catch (error) {
  extract = null;
  extractOne = null;
  extractFrom = `not included: ${(error as Error).message.split('\n')[0]}`;
}

const bare = OpenCC.Converter({ from: 't', to: 'cn' });
let sink = 0;

interface Timing {
  wall: number;
  /** CPU time of this process (user + system), less disturbed by other processes */
  cpu: number;
}
function timed(run: () => void): Timing {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  run();
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** cleaning only (documents dropped as they come), or cleaning then extraction */
function runPipeline(withExtraction: boolean): Timing {
  return timed(() => {
    if (withExtraction && extractOne) {
      const one = extractOne;
      for (const d of docs) sink += one(cleanSource(d.bytes, d.path));
    } else if (withExtraction && extract) {
      const cleaned: CleanDocument[] = [];
      for (const d of docs) cleaned.push(cleanSource(d.bytes, d.path));
      sink += extract(cleaned);
    } else {
      for (const d of docs) sink += cleanSource(d.bytes, d.path).lines.length;
    }
  });
}
function runBare(): Timing {
  return timed(() => {
    for (const d of docs) sink += bare(d.text).length;
  });
}

// The first pass over the corpus loads the rules, builds the tables (opencc-js's dictionaries,
// the gazetteer's) and runs while V8 compiles: printed apart, as the cold figure.
const cold = { cleaning: runPipeline(false), bare: runBare(), full: extract ? runPipeline(true) : null };
// Then warm-up passes, not counted: V8 optimises the pipeline's few hundred functions over
// several passes (after one pass, half of 15 measured rounds were still 20–60 % above the
// best), bare conversion's one loop after the first. Counting those rounds would measure the
// compiler, not the throughput of either.
for (let i = 1; i < warmup; i++) {
  runPipeline(false);
  runBare();
  if (extract) runPipeline(true);
}

const cleaning: Timing[] = [];
const bareRuns: Timing[] = [];
const full: Timing[] = [];
for (let r = 0; r < rounds; r++) {
  cleaning.push(runPipeline(false));
  bareRuns.push(runBare());
  if (extract) full.push(runPipeline(true));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const best = (xs: Timing[], key: keyof Timing): number => Math.min(...xs.map((x) => x[key]));
const mb = total / 1024 / 1024;
const rate = (ms: number): string => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
const row = (name: string, xs: Timing[], note: string): string =>
  `  ${name.padEnd(22)} wall ${best(xs, 'wall').toFixed(0).padStart(5)} ms ${rate(best(xs, 'wall')).padStart(11)}   cpu ${best(xs, 'cpu').toFixed(0).padStart(5)} ms ${rate(best(xs, 'cpu')).padStart(11)}   ${note}`;

const load = loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`bench:normalize — ${docs.length} documents, ${mb.toFixed(2)} MB (${sources.length} sources × ${docs.length / sources.length}); best of ${rounds} interleaved rounds after ${warmup} warm-up passes`);
console.log(`  node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${load}`);
console.log(row('cleaning', cleaning, 'cleanSource: decode, pinyin, gaps, simplify, chrome, kinds, punctuation'));
console.log(row('bare t→cn', bareRuns, "opencc-js Converter({ from: 't', to: 'cn' }) on every document's decoded text"));
if (extract) console.log(row('cleaning + extraction', full, extractFrom));
else console.log(`  extraction not included (${extractFrom || 'no buildRecords / buildVisit found'})`);
const ratio = (a: Timing[], key: keyof Timing) => (best(bareRuns, key) / best(a, key)).toFixed(2);
console.log(`  ratio cleaning ÷ bare speed: ${ratio(cleaning, 'cpu')} by CPU time, ${ratio(cleaning, 'wall')} by wall time (target ≥ 0.5); medians ${median(cleaning.map((x) => x.wall)).toFixed(0)} / ${median(bareRuns.map((x) => x.wall)).toFixed(0)} ms wall`);
if (extract) console.log(`  ratio cleaning + extraction ÷ bare speed: ${ratio(full, 'cpu')} by CPU time, ${ratio(full, 'wall')} by wall time; medians ${median(full.map((x) => x.wall)).toFixed(0)} / ${median(bareRuns.map((x) => x.wall)).toFixed(0)} ms wall`);
// Each round runs bare right before the whole pipeline, so the pair shares the machine's state
// of the moment: the median of the per-round ratios is the figure least moved by a host that
// speeds up and slows down between rounds (best-of-each can pair a quiet bare with a busy pipeline).
if (extract) {
  const paired = full.map((f, r) => bareRuns[r]!.wall / f.wall).sort((a, b) => a - b);
  console.log(`  per-round ratio (bare then pipeline, adjacent): median ${median(paired).toFixed(2)}, range ${paired[0]!.toFixed(2)}–${paired.at(-1)!.toFixed(2)} over ${paired.length} rounds (wall)`);
}
console.log(
  `  first pass (cold: tables built, JIT compiling): cleaning ${cold.cleaning.wall.toFixed(0)} ms, bare ${cold.bare.wall.toFixed(0)} ms` +
    (cold.full ? `, cleaning + extraction ${cold.full.wall.toFixed(0)} ms (ratio ${(cold.bare.wall / cold.full.wall).toFixed(2)})` : '') +
    ' wall',
);
if (sink < 0) console.log(sink);
