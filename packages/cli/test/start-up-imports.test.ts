import path from 'node:path'
import { build, type Metafile } from 'esbuild'
import { describe, expect, it } from 'vitest'

// A command line starts often: `realist-kb validate` with a current cache restores the knowledge
// base from its snapshot, and what it imports before that costs every run. Everything it imports
// statically, from the binary and from the loader it imports when it runs, is read from esbuild's
// graph of the sources: none of the parsers (zod, YAML, remark) may be in it.

const root = path.join(import.meta.dirname, '..', '..', '..')
const entries = ['packages/cli/src/bin.ts', 'packages/core/src/folder.ts']

/** The modules `entry` imports, directly or not, through static imports only. */
function staticClosure(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set<string>()
  const pending = [entry]
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    for (const imported of metafile.inputs[file]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path)
  }
  return seen
}

describe('the warm start-up path', () => {
  it('imports no schema library, YAML or markdown parser', async () => {
    const { metafile } = await build({
      entryPoints: entries,
      absWorkingDir: root,
      bundle: true,
      write: false,
      outdir: 'unused',
      metafile: true,
      platform: 'node',
      format: 'esm',
      conditions: ['source'],
      logLevel: 'silent',
    })
    const loaded = entries.flatMap((entry) => [...staticClosure(metafile, entry)])
    // The walk sees the loader and the graph library, so an empty result is not an empty walk.
    expect(loaded).toContain('packages/core/src/lib/node/content-folder.ts')
    expect(loaded.some((file) => file.includes('node_modules/graphology/'))).toBe(true)
    const parsers = loaded.filter((file) =>
      /node_modules\/(zod|yaml|unified|remark-[^/]+|micromark[^/]*|mdast-[^/]+)\//.test(file),
    )
    expect(parsers).toEqual([])
    // Nor the kind modules, which import zod themselves (only the list of their names).
    const kinds = loaded.filter((file) => file.startsWith('packages/core/src/lib/kinds/'))
    expect(kinds.filter((file) => !file.endsWith('/names.ts'))).toEqual([])
    // Nor the atomic writer with its lock and exit handlers: a warm load writes no cache.
    expect(loaded.filter((file) => file.includes('/lib/node/write/'))).toEqual([])
  })
})
