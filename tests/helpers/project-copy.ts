/**
 * A throw-away copy of the project for tests that build it for real with other inputs or in
 * another place (tests/hostile/, tests/site/reproducible.test.ts), so they never touch the
 * working tree's content/generated, dist/ or caches, nor the builds other tests read.
 *
 * What is copied: the tree without node_modules, build outputs, caches, reports, .git and
 * whatever else git ignores (scratch folders).
 * node_modules becomes a real directory whose entries are symlinks into the project's own
 * node_modules: nothing is installed, but Astro's cache (node_modules/.astro, where its
 * content data store lives during a build) and Vite's stay private to the copy, so two copies
 * can build at the same time without sharing state.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { copyWorkTree, linkModules } from '../../scripts/bench/project.ts';

export interface ProjectCopy {
  dir: string;
  /** runs a command in the copy; never throws, resolves with exit code and output */
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  remove(): void;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function copyProject(label = 'copy', parent = tmpdir()): ProjectCopy {
  const dir = mkdtempSync(join(parent, `archive-${label}-`));
  copyWorkTree(dir);
  linkModules(dir);
  return {
    dir,
    run: (args, env = {}) => runNode(dir, args, env),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `node …args` (the Node running the tests) in `cwd`. */
export function runNode(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, BASE_PATH: '', SITE_URL: '', ...env, PATH: `${join(cwd, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) }));
  });
}

/** The name a copy's directory was given (for messages). */
export const copyName = (copy: ProjectCopy): string => basename(copy.dir);
