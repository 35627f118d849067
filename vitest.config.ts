import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 * - unit: the pipeline's steps and the site's pure utilities, on fixtures; no build needed;
 * - site: checks over the built output (tests/setup/build-site.ts builds it once per run,
 *   at the root and under a sub-path);
 * - browser: real Chromium (playwright-core + @sparticuz/chromium) against the built output.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/site/**', 'tests/browser/**', '**/node_modules/**'],
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
