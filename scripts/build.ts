/**
 * The whole site build: normalise the sources, build the site with Astro, copy the raw sources
 * beside it (scripts/sources.ts), index it for search, write the security headers.
 *
 *   node scripts/build.ts [--out DIR] [--skip-normalize]
 *
 * Environment: BASE_PATH (sub-path, default `/`), SITE_URL (canonical origin, default none).
 * Each stage runs as its own process so that a failing stage stops the build with its own
 * message, and the time of each stage is printed (the benchmarks read these lines).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist' },
    'skip-normalize': { type: 'boolean', default: false },
  },
});
const outDir = resolve(root, values.out!);
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function stage(name: string, command: string, args: string[]): void {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ms = Math.round(performance.now() - started);
  if (result.status !== 0) {
    console.error(`build: stage "${name}" failed (exit ${result.status ?? result.signal}) after ${ms} ms`);
    process.exit(result.status ?? 1);
  }
  console.log(`build: stage ${name} ${ms} ms`);
}

// --quiet: the terminal gets the warnings, errors and summary; the whole report is in reports/
if (!values['skip-normalize']) stage('normalize', process.execPath, [join(root, 'scripts/normalize.ts'), '--quiet']);
stage('astro', bin('astro'), ['build', '--outDir', outDir, '--silent']);
stage('sources', process.execPath, [join(root, 'scripts/sources.ts'), '--site', outDir]);
const searchIndexer = join(root, 'scripts/search/index.ts');
if (existsSync(searchIndexer)) stage('search', process.execPath, [searchIndexer, '--site', outDir]);
stage('headers', process.execPath, [join(root, 'scripts/headers.ts'), '--site', outDir]);
