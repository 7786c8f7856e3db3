import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  type Manifest,
  repoRoot,
  workspacePackages,
} from '../../scripts/packages/workspace-packages.js'

// The package manifests as a downstream app relies on them. Fast checks that run on every test
// run; test/packages/pack.test.ts packs and installs the real tarballs.

const rootManifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  engines: { node: string }
}
const packages = await workspacePackages()
const names = new Set(packages.map((pkg) => pkg.manifest.name))

/** `exports` as published: the workspace-only `source` condition removed. */
function withoutSource(exports: Manifest['exports']): unknown {
  return Object.fromEntries(
    Object.entries(exports ?? {}).map(([key, value]) => [
      key,
      typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).filter(([condition]) => condition !== 'source'))
        : value,
    ]),
  )
}

describe.each(packages.map((pkg) => [pkg.manifest.name, pkg] as const))('%s', (_name, pkg) => {
  const { manifest, dir } = pkg
  const folder = path.relative(repoRoot, dir)

  it('is ESM with the engines, licence and repository of the project', () => {
    expect(manifest.type).toBe('module')
    expect(manifest.engines).toEqual(rootManifest.engines)
    expect(manifest.license).toMatch(/^MIT( AND CC-BY-4\.0)?$/)
    expect(manifest.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/realist-kb/realist-kb.git',
      directory: folder,
    })
    for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE']) {
      expect(existsSync(path.join(dir, file)), file).toBe(true)
    }
    const changelog = readFileSync(path.join(dir, 'CHANGELOG.md'), 'utf8')
    expect(changelog).toContain(`## ${manifest.version}\n`)
  })

  it('exports types before code for every entry, and its package.json', () => {
    const exports = manifest.exports ?? {}
    expect(exports['./package.json']).toBe('./package.json')
    for (const [key, value] of Object.entries(exports)) {
      if (typeof value === 'string') continue
      const conditions = Object.keys(value as object)
      // `source` (workspace only) first, then `types`, then `default`: resolution takes the first
      // match, so types must come before the code they describe.
      expect(conditions, key).toEqual(['source', 'types', 'default'])
    }
  })

  it('publishes the same exports without the workspace-only `source` condition', () => {
    expect(manifest.publishConfig).toEqual({
      access: 'public',
      exports: withoutSource(manifest.exports),
    })
  })

  it('publishes built files, sources (for the maps), readme and changelog', () => {
    expect(manifest.files).toEqual(
      expect.arrayContaining(['dist', 'src', '!src/**/*.test.*', 'README.md', 'CHANGELOG.md']),
    )
  })

  it('depends on other packages of the workspace with a caret range', () => {
    const dependencies = (manifest.dependencies ?? {}) as Record<string, string>
    for (const [name, range] of Object.entries(dependencies)) {
      if (names.has(name)) expect(range, name).toBe('workspace:^')
    }
  })

  it('declares whether importing it has side effects', () => {
    // The CLI sets up citation-js when loaded; the libraries do nothing until called.
    expect(manifest.sideEffects).toBe(manifest.name === '@realist-kb/cli' ? undefined : false)
  })
})

describe('the workspace', () => {
  it('builds every package (tsconfig.json references)', () => {
    const tsconfig = JSON.parse(readFileSync(path.join(repoRoot, 'tsconfig.json'), 'utf8')) as {
      references: { path: string }[]
    }
    expect(tsconfig.references.map((reference) => reference.path).sort()).toEqual(
      packages.map((pkg) => path.relative(repoRoot, pkg.dir)).sort(),
    )
  })

  it('gives core the packages whose types its public API uses', () => {
    const core = packages.find((pkg) => pkg.manifest.name === '@realist-kb/core')
    // KnowledgeGraph is a graphology MultiDirectedGraph; its types come from graphology-types.
    expect(Object.keys((core?.manifest.dependencies ?? {}) as object)).toEqual(
      expect.arrayContaining(['graphology', 'graphology-types', 'yaml', 'zod']),
    )
  })
})
