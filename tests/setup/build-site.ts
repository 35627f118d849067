/**
 * Vitest global setup for the site and browser projects: runs the real build (normalise,
 * Astro, search index) once per test run, for the root and for a sub-path.
 *
 * REUSE_TEST_BUILDS=1 skips the build when both outputs exist (for fast local iteration).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builds, projectRoot } from '../helpers/builds.ts';

let built = false;

export default function setup(): void {
  if (built) return;
  built = true;
  const reuse = process.env.REUSE_TEST_BUILDS === '1' && Object.values(builds).every((b) => existsSync(join(b.dir, 'index.html')));
  if (reuse) return;
  let normalized = false;
  for (const [name, { dir, base }] of Object.entries(builds)) {
    const args = [join(projectRoot, 'scripts/build.ts'), '--out', dir];
    if (normalized) args.push('--skip-normalize');
    const result = spawnSync(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, BASE_PATH: base, SITE_URL: 'https://example.org' },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`build for "${name}" (BASE_PATH=${base}) failed:\n${result.stdout}\n${result.stderr}`);
    }
    normalized = true;
  }
}
