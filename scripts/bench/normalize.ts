/**
 * npm run bench:normalize — throughput of the cleaning pipeline beside bare opencc-js.
 *
 * The five sources are repeated (each copy a separate document, as in a real archive) until
 * their bytes reach at least 5 MB (`--mb N` to change). In the same run, interleaved, several
 * rounds each:
 * - pipeline: cleanSource (decode, pinyin, gaps, simplify, chrome, kinds, punctuation) on each
 *   document's bytes — and, if the extraction's buildRecords exists, extraction too;
 * - bare: opencc-js `Converter({ from: 't', to: 'cn' })` on each document's decoded text
 *   (every document, simplified ones included).
 * Prints MB/s (of source bytes) for both, from the best round of each (medians too), and the
 * ratio pipeline ÷ bare speed (target ≥ 0.5).
 * Figures, not a test: nothing fails when the target is missed.
 */
import { readdirSync, readFileSync } from 'node:fs';
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
    sources: { type: 'string', default: join(root, 'content/sources') },
  },
});
const targetBytes = Number(values.mb) * 1024 * 1024;
const rounds = Math.max(1, Number(values.rounds));

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

// optional: the extraction step, if it exists yet
type BuildRecords = (docs: CleanDocument[]) => unknown;
let buildRecords: BuildRecords | null = null;
let buildRecordsFrom = '';
try {
  for (const f of readdirSync(join(root, 'scripts/extract')).filter((f) => f.endsWith('.ts')).sort()) {
    const code = readFileSync(join(root, 'scripts/extract', f), 'utf8');
    if (/export\s+(async\s+)?function\s+buildRecords\b/.test(code)) {
      const mod = (await import(join(root, 'scripts/extract', f))) as { buildRecords: BuildRecords };
      buildRecords = mod.buildRecords;
      buildRecordsFrom = `scripts/extract/${f}`;
      break;
    }
  }
} catch {
  buildRecords = null;
}

const bare = OpenCC.Converter({ from: 't', to: 'cn' });
let sink = 0;

function runPipeline(): number {
  const started = performance.now();
  const cleaned: CleanDocument[] = [];
  for (const d of docs) cleaned.push(cleanSource(d.bytes, d.path));
  if (buildRecords) {
    const records = buildRecords(cleaned);
    sink += Array.isArray(records) ? records.length : 1;
  }
  sink += cleaned.length;
  return performance.now() - started;
}
function runBare(): number {
  const started = performance.now();
  for (const d of docs) sink += bare(d.text).length;
  return performance.now() - started;
}

// warm-up: load rules, build tables, let the JIT settle
for (let i = 0; i < 2; i++) {
  for (const s of sources) cleanSource(s.bytes, s.path);
  for (const d of docs.slice(0, sources.length)) bare(d.text);
}
runPipeline();
runBare();

const pipelineMs: number[] = [];
const bareMs: number[] = [];
for (let r = 0; r < rounds; r++) {
  pipelineMs.push(runPipeline());
  bareMs.push(runBare());
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const mb = total / 1024 / 1024;
// best round of each: the least disturbed by other processes and by garbage collection timing
const p = Math.min(...pipelineMs);
const b = Math.min(...bareMs);
const rate = (ms: number): string => `${(mb / (ms / 1000)).toFixed(1)} MB/s`;

console.log(`bench:normalize — ${docs.length} documents, ${mb.toFixed(2)} MB (${sources.length} sources × ${docs.length / sources.length}), best of ${rounds} interleaved rounds (medians: pipeline ${median(pipelineMs).toFixed(0)} ms, bare ${median(bareMs).toFixed(0)} ms)`);
console.log(`  node ${process.version}, ${process.platform}/${process.arch}`);
console.log(
  `  pipeline  ${p.toFixed(0).padStart(6)} ms  ${rate(p).padStart(11)}   stages: decode, pinyin, gaps, simplify, chrome, kinds, punctuation${buildRecords ? `, extraction (${buildRecordsFrom})` : ' (extraction not included: buildRecords not found)'}`,
);
console.log(`  bare t→cn ${b.toFixed(0).padStart(6)} ms  ${rate(b).padStart(11)}   opencc-js Converter({ from: 't', to: 'cn' }) on every document's text`);
console.log(`  ratio pipeline ÷ bare speed: ${(b / p).toFixed(2)} (target ≥ 0.5)`);
if (sink < 0) console.log(sink);
