import { defineConfig } from 'vitest/config'

// Three groups, run one after another so that the heavy ones never overlap on a busy machine:
// the unit and integration tests (files in parallel, most sharing modules), then the packaging tests (one file at a
// time: each builds, packs, installs and runs tsc), then the browser tests (one shared chromium).
// Tests that replace functions of Node's built-in modules (file system, network, processes) to
// watch the code under test: each runs in a fresh worker, so that what it watches is imported
// with the replacements in place, as on its own.
const isolated = [
  'packages/cli/test/no-network.test.ts',
  'packages/cli/test/safe-writes/**/*.test.ts',
  'packages/core/test/hostile/content-is-data.test.ts',
  'packages/core/test/hostile/file-system.test.ts',
  'packages/core/test/hostile/races.test.ts',
]

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (the `source` export condition),
  // so tests run without a build step.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
    // which left one core idle for the whole unit group (much of it waits on child processes).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...isolated, 'test/packages/**', 'test/browser/**', '**/node_modules/**'],
          // Files share their workers' modules: each file importing the libraries afresh cost
          // more than the tests themselves. Tests restore what they change (mocks, cwd).
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          include: isolated,
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
          // One worker imports the libraries once for every file, instead of a fresh worker per
          // file importing them again (seconds each, one file at a time). The files share only
          // the chromium connection helper and mock nothing.
          isolate: false,
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
