import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LintResult, lintTarball } from '../../scripts/packages/lint-tarball.js'
import { run } from '../../scripts/packages/run.js'
import {
  type PackedPackage,
  packPackage,
  repoRoot,
  workspacePackages,
} from '../../scripts/packages/workspace-packages.js'

// The packages as a downstream app gets them: built, packed by pnpm (workspace ranges rewritten,
// publishConfig applied), linted, installed with npm from the tarballs into a project outside the
// workspace (their dependencies come from the registry), then used from plain ESM JavaScript,
// from strict TypeScript under three module resolutions, through the CLI binary and from a
// browser bundle. Slow by nature: it shares one install between all of its tests.

const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc')
const contentDir = path.join(repoRoot, 'content')
const fixtures = path.join(import.meta.dirname, 'fixtures', 'consumer')

const resolutions = {
  node16: { module: 'node16', moduleResolution: 'node16' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
} as const

let work: string
let app: string
const packed: PackedPackage[] = []
const lints = new Map<string, LintResult[]>()

/** The app's manifest: every tarball as a dependency, and nested references pinned to them. */
function appManifest(): string {
  const dependencies = Object.fromEntries(packed.map((pkg) => [pkg.name, `file:${pkg.tarball}`]))
  // export, cli and review-ipco depend on `@realist-kb/core@0.1.0` (and cli on export), which is
  // not on the registry: overrides make every such reference use the tarball instead.
  const overrides = Object.fromEntries(packed.map((pkg) => [pkg.name, `$${pkg.name}`]))
  return `${JSON.stringify(
    {
      name: 'realist-kb-consumer',
      private: true,
      type: 'module',
      dependencies,
      devDependencies: { '@types/node': '^20.19.0' },
      overrides,
    },
    null,
    2,
  )}\n`
}

function tsconfig(resolution: keyof typeof resolutions): string {
  return JSON.stringify({
    compilerOptions: {
      ...resolutions[resolution],
      target: 'ES2022',
      lib: ['ES2023'],
      types: ['node'],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      // Our declaration files, and those of every dependency they pull in, are checked too.
      skipLibCheck: false,
      noEmit: true,
    },
    files: ['consumer.ts'],
  })
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'realist-kb-pack-'))
  app = path.join(work, 'app')
  await mkdir(app)
  // Build first: a stale dist/ would be packed as it is.
  const built = await run(process.execPath, [tsc, '-b'], { cwd: repoRoot })
  if (built.code !== 0) throw new Error(`tsc -b failed:\n${built.stdout}${built.stderr}`)

  for (const pkg of await workspacePackages()) packed.push(await packPackage(pkg, work))
  const [installed] = await Promise.all([
    (async () => {
      await writeFile(path.join(app, 'package.json'), appManifest())
      await cp(fixtures, app, { recursive: true })
      return run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: app })
    })(),
    ...packed.map(async (pkg) => lints.set(pkg.name, await lintTarball(pkg.tarball))),
  ])
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.stderr}`)
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('packed packages', () => {
  it('are every package of the workspace', () => {
    expect(packed.map((pkg) => pkg.name)).toEqual([
      '@realist-kb/citations',
      '@realist-kb/cli',
      '@realist-kb/core',
      '@realist-kb/export',
      '@realist-kb/review-ipco',
    ])
  })

  it('hold built files, sources for the source maps, and no tests', () => {
    for (const pkg of packed) {
      expect(pkg.files).toContain('package.json')
      expect(pkg.files).toContain('README.md')
      expect(pkg.files).toContain('CHANGELOG.md')
      expect(pkg.files).toContain('LICENSE')
      expect(pkg.files).toContain('dist/index.js')
      expect(pkg.files).toContain('dist/index.d.ts')
      expect(pkg.files).toContain('src/index.ts')
      expect(pkg.files.filter((file) => /\.test\.|(^|\/)test\//.test(file))).toEqual([])
      // tsc never deletes output: a module whose source is gone would still ship. Rebuild
      // from clean (delete dist/ and tsconfig.tsbuildinfo) if this fails.
      const stale = pkg.files
        .filter((file) => /^dist\/.*\.js$/.test(file))
        .filter((file) => !pkg.files.includes(file.replace(/^dist\/(.*)\.js$/, 'src/$1.ts')))
      expect(stale).toEqual([])
    }
  })

  it('pass publint (strict) and Are the Types Wrong (esm-only)', () => {
    for (const pkg of packed) {
      for (const result of lints.get(pkg.name) ?? []) {
        expect(result.ok, `${pkg.name} ${result.tool}:\n${result.stdout}${result.stderr}`).toBe(
          true,
        )
      }
    }
  })

  it('publish no workspace-only `source` condition and no workspace: range', async () => {
    const manifests = await Promise.all(
      packed.map((pkg) =>
        readFile(path.join(app, 'node_modules', pkg.name, 'package.json'), 'utf8'),
      ),
    )
    for (const manifest of manifests) {
      expect(manifest).not.toContain('"source"')
      expect(manifest).not.toContain('workspace:')
    }
  })
})

describe('installed in a project outside the workspace', () => {
  it('works from plain ESM JavaScript', async () => {
    const result = await run(process.execPath, ['consumer.mjs', contentDir], { cwd: app })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout)
    expect(summary).toMatchObject({
      errors: 0,
      recommendations: 22,
      cmocs: 18,
      htmlStart: '<!doctype html>',
      shippedEqualsComputed: true,
      rawEqualsShipped: true,
      reviewDoi: '10.1186/s12916-025-04083-1',
    })
    expect(summary.csvRows).toBeGreaterThan(22)
    expect(summary.dataTrace).toEqual(summary.coreTrace)
    expect(summary.coreTrace.length).toBeGreaterThan(0)
  })

  // Three compilations of the same files, one at a time: side by side they starve each other
  // (and every other test) on a 2-core machine. The project's timeout (vitest.config.ts) fits.
  it.for(Object.keys(resolutions) as (keyof typeof resolutions)[])(
    'type-checks a strict TypeScript consumer with moduleResolution %s',
    async (resolution, { expect }) => {
      const file = `tsconfig.${resolution}.json`
      await writeFile(path.join(app, file), tsconfig(resolution))
      const result = await run(process.execPath, [tsc, '-p', file], { cwd: app })
      expect(result.stdout + result.stderr).toBe('')
      expect(result.code).toBe(0)
    },
  )

  it('runs the realist-kb binary', async () => {
    const bin = path.join(app, 'node_modules', '.bin', 'realist-kb')
    const result = await run(bin, ['validate', contentDir, '--format', 'json'], { cwd: app })
    expect(result.code).toBe(0)
    // The bundled review, validated by the installed binary: 90 files, no error, no warning,
    // and 11 info (its acknowledged gaps and incomplete CMOCs).
    expect(JSON.parse(result.stdout)).toMatchObject({
      errors: 0,
      warnings: 0,
      infos: 11,
      files: 90,
    })
  })

  it('bundles core and review-ipco for the browser with no Node built-in', async () => {
    const result = await build({
      stdin: {
        contents: [
          "export { buildTraceReport, loadFromMemory } from '@realist-kb/core'",
          "export { traceOf } from '@realist-kb/review-ipco'",
        ].join('\n'),
        resolveDir: app,
      },
      absWorkingDir: app,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((input) => /^(\(disabled\)|node:)/.test(input))).toEqual([])
    expect(inputs.some((input) => input.includes('node_modules/@realist-kb/core/dist/'))).toBe(true)
  })
})
