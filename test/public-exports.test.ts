import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The public surface of each package is a decision: adding or removing an export shows up here
// and in the snapshot files beside this test.
const entries = [
  '@realist-kb/core',
  '@realist-kb/core/node',
  '@realist-kb/core/folder',
  '@realist-kb/citations',
  '@realist-kb/citations/import',
  '@realist-kb/export',
  '@realist-kb/cli',
  '@realist-kb/review-ipco',
] as const

describe('public exports', () => {
  for (const entry of entries) {
    it(`pins ${entry}`, async () => {
      const keys = Object.keys(await import(entry)).sort()
      expect(keys.length).toBeGreaterThan(0)
      const file = path.join(
        import.meta.dirname,
        '__snapshots__',
        `exports.${entry.replace(/[@/]/g, '_')}.txt`,
      )
      await expect(`${keys.join('\n')}\n`).toMatchFileSnapshot(file)
    })
  }

  // That the pure entry imports no Node built-in is checked on its bundle, in
  // test/browser/core-bundle.test.ts; this checks how the two entries relate.
  it('offers all of the pure core entry from the node entry, and file loading from node only', async () => {
    const node = new Set(Object.keys(await import('@realist-kb/core/node')))
    const pure = Object.keys(await import('@realist-kb/core'))
    for (const key of pure) expect(node.has(key)).toBe(true)
    for (const fileLoader of ['loadDirectory', 'listContentFiles', 'ContentFolder']) {
      expect(pure).not.toContain(fileLoader)
      expect(node.has(fileLoader)).toBe(true)
    }
  })

  it('offers from the folder entry only what the node entry offers too', async () => {
    const node = new Set(Object.keys(await import('@realist-kb/core/node')))
    for (const key of Object.keys(await import('@realist-kb/core/folder')))
      expect(node.has(key), key).toBe(true)
  })
})
