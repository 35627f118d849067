#!/usr/bin/env node
// Runs under whatever Node the machine has (plain JS, no deps), like setup.mjs.
//
// `npm audit --omit=dev` over the locked dependency tree: prints the advisories by severity and
// fails on any high or critical one. Production dependencies are what the build runs and the
// site ships (Astro, the pipeline's libraries, Pagefind); test and benchmark tools (vitest,
// Chromium, axe, lighthouse …) are devDependencies and left out, as the issue asks.
//
// The audit needs the registry's advisory endpoint. If it cannot be reached, this fails too
// (a security check must not pass silently), unless AUDIT_UNREACHABLE=warn is set, for a
// machine whose registry mirror has no audit endpoint.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
const unreachable = !report || (report.error && !report.metadata) || (report.message && !report.metadata);
if (unreachable) {
  const why = report?.error?.summary || report?.message || run.stderr.trim().split('\n').pop() || `npm exited ${run.status}`;
  console.error(`audit: the registry's audit endpoint could not be used: ${why}`);
  if (process.env.AUDIT_UNREACHABLE === 'warn') {
    console.error('audit: AUDIT_UNREACHABLE=warn: continuing without an audit.');
    process.exit(0);
  }
  process.exit(2);
}
const counts = report.metadata.vulnerabilities;
const total = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(`audit: ${report.metadata.dependencies?.prod ?? '?'} production dependencies; advisories: ` +
  ['critical', 'high', 'moderate', 'low', 'info'].map((s) => `${s} ${counts[s] ?? 0}`).join(', '));
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  const via = v.via.map((x) => (typeof x === 'string' ? x : `${x.title} (${x.url})`)).join('; ');
  console.log(`audit:   ${v.severity.padEnd(8)} ${name}@${v.range}: ${via}`);
}
if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
  console.error('audit: high or critical advisories in production dependencies: update them (npm audit fix --omit=dev) or replace them.');
  process.exit(1);
}
if (total === 0) console.log('audit: no advisories.');
