#!/usr/bin/env node
// Runs under whatever Node the machine has (Node 20 on a fresh machine): plain JS, no deps.
//
// Makes the project ready to run: installs the locked dependencies when node_modules is
// missing or was installed from another package-lock.json. (`npm install` rather than `npm ci`:
// npm 11 leaves other platforms' optional packages out of the lock and then refuses `npm ci`;
// `npm install` installs the locked versions and leaves the lock unchanged.) Among them is the `node` package,
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
const want = createHash('sha256')
  .update(readFileSync(lock))
  .update(readFileSync(join(root, 'package.json')))
  .digest('hex');
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
const pinnedNode = join(root, 'node_modules', '.bin', 'node');

if (have !== want || !existsSync(pinnedNode)) {
  console.error('setup: installing the locked dependencies (npm install) …');
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  } catch (error) {
    console.error(`setup: npm install failed (${error.status ?? error.message}); see npm's messages above.`);
    process.exit(1);
  }
  if (!existsSync(pinnedNode)) {
    console.error('setup: the pinned Node (npm package "node") did not install: node_modules/.bin/node is missing.');
    console.error('setup: if npm skipped its install script, check "allowScripts" in package.json.');
    process.exit(1);
  }
  writeFileSync(stamp, want + '\n');
}
