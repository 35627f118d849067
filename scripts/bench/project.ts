/**
 * Throw-away projects for the benchmark: a copy of this project to build a synthetic corpus
 * with, and a bare Astro project (the framework floor). Both get a node_modules directory whose
 * entries are symlinks into this project's node_modules: nothing is installed, the same Astro
 * runs, and the caches tools write into node_modules (.astro, .vite) stay private to the copy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** node_modules entries that are caches or stamps written by tools: each copy has its own. */
const privateModules = new Set(['.astro', '.vite', '.cache', '.vitest', '.setup-stamp']);

/** Gives `dir` a node_modules of symlinks into this project's (also used by tests/helpers/project-copy.ts). */
export function linkModules(dir: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
    if (privateModules.has(entry)) continue;
    symlinkSync(join(projectRoot, 'node_modules', entry), join(modules, entry));
  }
}

/** Top-level entries never copied from the work tree (outputs, caches, VCS). */
const skipTop = new Set(['node_modules', 'dist', '.astro', '.git', 'reports', '.bench', 'coverage']);
/** Paths (relative, with `/`) never copied from the work tree. */
const skipPaths = new Set(['content/generated']);

/** Whatever git ignores in the working tree (scratch folders, caches); empty without git. */
function gitIgnored(): Set<string> {
  const run = spawnSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--directory', '-z'], { cwd: projectRoot, encoding: 'utf8' });
  if (run.status !== 0) return new Set();
  return new Set(run.stdout.split('\0').filter(Boolean).map((p) => p.replace(/\/$/, '')));
}

/**
 * Copies the work tree as it is into `dir`, without node_modules, build outputs, caches, reports,
 * .git, generated data and whatever else git ignores (also used by tests/helpers/project-copy.ts).
 */
export function copyWorkTree(dir: string): void {
  const ignored = gitIgnored();
  cpSync(projectRoot, dir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(projectRoot, src).split(sep).join('/');
      if (rel === '') return true;
      const top = rel.split('/')[0]!;
      if (skipTop.has(top) || top.startsWith('.test-builds')) return false;
      return !skipPaths.has(rel) && !ignored.has(rel);
    },
  });
}

export interface CopyOptions {
  /** `head`: the committed tree (git archive HEAD), `worktree`: the files as they are now */
  from: 'head' | 'worktree';
  label: string;
  parent?: string;
}

/**
 * A copy of the project without its sources (content/sources is left empty for the corpus),
 * generated data, outputs, caches, VCS or benchmark results.
 */
export function copyProject({ from, label, parent = tmpdir() }: CopyOptions): string {
  const dir = mkdtempSync(join(parent, `bench-${label}-`));
  if (from === 'head') {
    const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: projectRoot, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  } else {
    copyWorkTree(dir);
  }
  for (const sub of ['content/sources', 'content/generated', 'dist', '.astro']) rmSync(join(dir, sub), { recursive: true, force: true });
  mkdirSync(join(dir, 'content/sources'), { recursive: true });
  linkModules(dir);
  return dir;
}

export function removeDir(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
