import path from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

// The root entry is browser-safe and small: citation-js (and its Node-only fetchers) is loaded
// only by `@realist-kb/citations/import`.
const root = path.resolve(import.meta.dirname, '..', '..', '..')

async function inputsOf(
  entry: string,
  platform: 'browser' | 'node' = 'browser',
): Promise<string[]> {
  const result = await build({
    stdin: { contents: `export * from '${entry}'`, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform,
    format: 'esm',
    conditions: ['source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  return Object.keys(result.metafile.inputs)
}

describe('the root entry in a browser bundle', () => {
  it('needs no Node built-in and leaves citation-js out', async () => {
    const inputs = await inputsOf('@realist-kb/citations')
    expect(inputs.some((input) => input.includes('packages/citations/src/lib/vancouver.ts'))).toBe(
      true,
    )
    expect(inputs.filter((input) => /^(\(disabled\)|node:)/.test(input))).toEqual([])
    expect(inputs.filter((input) => input.includes('@citation-js'))).toEqual([])
  })

  it('while the import entry does load citation-js', async () => {
    const inputs = await inputsOf('@realist-kb/citations/import', 'node')
    expect(inputs.some((input) => input.includes('@citation-js/plugin-bibtex'))).toBe(true)
  })
})
