import { defineConfig } from 'vitest/config';

/**
 * Four projects:
 * - unit: the pipeline's steps and the site's pure utilities, on fixtures; no build needed;
 * - site: checks over the built output (tests/setup/build-site.ts builds it once per run,
 *   at the root and under a sub-path);
 * - browser: real Chromium (playwright-core + @sparticuz/chromium) against the built output;
 * - hostile: hostile source files, each built for real in a temporary copy of the project.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/site/**', 'tests/browser/**', 'tests/hostile/**', '**/node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        // hostile source files built for real in a temporary copy of the project (issue 5)
        test: {
          name: 'hostile',
          include: ['tests/hostile/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 1_800_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
