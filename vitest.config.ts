import { defineConfig } from 'vitest/config'

// One queue, two workers. Vitest takes projects in name order: the browser files first (two at a
// time, on the one shared chromium), then the packaging test (a single file that builds, packs,
// installs and runs tsc three times, one after another) beside the unit and integration files,
// and the isolated files last. Run as groups one after another, the packaging and browser groups
// left a core idle (about 60% CPU): each waits on npm, chromium or one tsc at a time.
// `pnpm test` runs the packaging project in a vitest of its own, after the build it packs, beside
// a vitest running every other project (package.json, test:build and test:vitest).

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
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          include: isolated,
        },
      },
      {
        extends: true,
        test: {
          name: 'packages',
          include: ['test/packages/**/*.test.ts'],
          // tsc and npm on a loaded 2-core machine: minutes, not seconds.
          testTimeout: 300_000,
          hookTimeout: 600_000,
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
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
