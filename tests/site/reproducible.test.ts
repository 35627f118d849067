/**
 * Reproducible builds: two clean builds of the same tree give a byte-identical dist/.
 *
 * The two builds run at the same time in two temporary copies of the project, at different
 * paths and in different time zones (UTC and Asia/Shanghai), each with fresh caches, so that an
 * absolute path, a clock, a time zone or an order of completion leaking into the output shows
 * up as a difference. Every file is compared by SHA-256; for a file that differs, the message
 * shows the first differing bytes of each.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

/** Where two versions of a file first differ, with a little context from each. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 40), i + 60).toString('utf8'));
  return `at byte ${i} (sizes ${a.length} / ${b.length}):\n      A ${show(a)}\n      B ${show(b)}`;
}

describe('reproducible build', () => {
  const copies: ProjectCopy[] = [];
  afterAll(() => {
    if (process.env.KEEP_REPRODUCIBLE !== '1') for (const c of copies) c.remove();
  });

  it('two clean builds of the same tree are byte-identical', async () => {
    const a = copyProject('repro-a');
    const b = copyProject('repro-bb');
    copies.push(a, b);
    const env = { BASE_PATH: '/archive/', SITE_URL: 'https://example.org' };
    const [ra, rb] = await Promise.all([
      a.run(['scripts/build.ts', '--out', join(a.dir, 'dist')], { ...env, TZ: 'UTC' }),
      b.run(['scripts/build.ts', '--out', join(b.dir, 'dist')], { ...env, TZ: 'Asia/Shanghai' }),
    ]);
    expect(ra.code, `build A failed:\n${ra.stdout}\n${ra.stderr}`).toBe(0);
    expect(rb.code, `build B failed:\n${rb.stdout}\n${rb.stderr}`).toBe(0);
    console.log(`reproducible: build A ${ra.ms} ms, build B ${rb.ms} ms (concurrently)`);

    const ha = hashes(join(a.dir, 'dist'));
    const hb = hashes(join(b.dir, 'dist'));
    expect(ha.size).toBeGreaterThan(10);
    const onlyA = [...ha.keys()].filter((f) => !hb.has(f));
    const onlyB = [...hb.keys()].filter((f) => !ha.has(f));
    const differ = [...ha.keys()].filter((f) => hb.has(f) && hb.get(f) !== ha.get(f));
    const details = differ
      .slice(0, 10)
      .map((f) => `  ${f} ${firstDifference(readFileSync(join(a.dir, 'dist', f)), readFileSync(join(b.dir, 'dist', f)))}`)
      .join('\n');
    expect({ onlyA, onlyB, differ }, `dist/ differs between two builds:\n${details}`).toEqual({ onlyA: [], onlyB: [], differ: [] });
  }, 1_200_000);
});
