/** Where tests/setup/build-site.ts puts the two builds that the site and browser tests read. */
import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
/** TEST_BUILDS_DIR moves the builds (so that parallel runs do not share one output). */
const buildsDir = resolve(projectRoot, process.env.TEST_BUILDS_DIR || '.test-builds');
export const builds = {
  /** built for the domain root (BASE_PATH unset) */
  root: { dir: resolve(buildsDir, 'root'), base: '/' },
  /** built for a sub-path */
  sub: { dir: resolve(buildsDir, 'sub'), base: '/archive/' },
} as const;
export type BuildName = keyof typeof builds;
