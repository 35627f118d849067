#!/usr/bin/env node
// Runs under whatever Node the machine has (Node 20 on a fresh machine): plain JS, no deps.
//
// Makes the project ready to run: installs the locked dependencies with `npm ci` when
// node_modules is missing or older than package-lock.json. Among them is the `node` package,
// a pinned Node 24 whose binary lands in node_modules/.bin, so every later `npm run` script
// (npm puts node_modules/.bin first on PATH) runs under Node 24 although the machine has 20.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.setup-stamp');
const want = createHash('sha256').update(readFileSync(lock)).digest('hex');
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
const pinnedNode = join(root, 'node_modules', '.bin', 'node');

if (have !== want || !existsSync(pinnedNode)) {
  console.error('setup: installing locked dependencies (npm ci) …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(pinnedNode)) {
    console.error('setup: the pinned Node (npm package "node") did not install: node_modules/.bin/node is missing.');
    console.error('setup: if npm skipped its install script, check "allowScripts" in package.json.');
    process.exit(1);
  }
  writeFileSync(stamp, want + '\n');
}
