import { defineConfig } from 'vitest/config'

// Three groups, run one after another so that the heavy ones never overlap on a busy machine:
// the unit and integration tests (files in parallel), then the packaging tests (one file at a
// time: each builds, packs, installs and runs tsc), then the browser tests (one shared chromium).
export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (the `source` export condition),
  // so tests run without a build step.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/packages/**', 'test/browser/**', '**/node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'packages',
          include: ['test/packages/**/*.test.ts'],
          fileParallelism: false,
          // tsc and npm on a loaded 2-core machine: minutes, not seconds.
          testTimeout: 300_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})
