/** Where tests/setup/build-site.ts puts the two builds that the site and browser tests read. */
import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const builds = {
  /** built for the domain root (BASE_PATH unset) */
  root: { dir: resolve(projectRoot, '.test-builds/root'), base: '/' },
  /** built for a sub-path */
  sub: { dir: resolve(projectRoot, '.test-builds/sub'), base: '/archive/' },
} as const;
export type BuildName = keyof typeof builds;
