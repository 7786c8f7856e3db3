import { execFileSync } from 'node:child_process'
import { constants } from 'node:fs'
import { mkdir, open, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire, syncBuiltinESMExports } from 'node:module'
import path from 'node:path'
import type { KnowledgeBase } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'
import { codesOf, diagnosticsOf } from './helpers.js'
import { tempContent } from './temp-content.js'

const require = createRequire(import.meta.url)
const audience = (name: string): string => `---\nkind: audience\nname: ${name}\n---\n`

/**
 * Load `root` and run `change` right after the loader lists the folder of `file`: listing has
 * seen the file as it was, and reading (which starts once every folder is listed) sees it as the
 * change left it, with or without a cache. The hook wraps `readdir` (and its ES module export); the loader reads with
 * other functions, so nothing else is slowed or reordered.
 */
async function loadWithChange(
  cached: boolean,
  root: string,
  file: string,
  change: () => Promise<void>,
): Promise<KnowledgeBase> {
  const fsp = require('node:fs/promises') as Record<string, (...args: unknown[]) => unknown>
  const folder = path.dirname(path.join(root, ...file.split('/')))
  const original = fsp.readdir as (...args: unknown[]) => Promise<unknown>
  let changed = false
  fsp.readdir = async (...args: unknown[]): Promise<unknown> => {
    const result = await original(...args)
    if (!changed && String(args[0]) === folder) {
      changed = true
      await change()
    }
    return result
  }
  syncBuiltinESMExports()
  try {
    // The cache goes beside the content folder, in the temporary folder removed after the test.
    const options = cached ? { cacheDirectory: path.join(path.dirname(root), 'cache') } : {}
    const kb = await loadDirectory(root, options)
    expect(changed, 'the change ran between listing and reading').toBe(true)
    return kb
  } finally {
    fsp.readdir = original
    syncBuiltinESMExports()
  }
}

// Loads with and without a cache read files the same way, and both are checked.
describe.each([
  ['without a cache', false],
  ['with a cache', true],
])('files that change or disappear while a folder is loaded, %s', (_name, cached) => {
  it('a file deleted after listing is reported unreadable', async () => {
    const temp = await tempContent({
      'audiences/a.md': audience('A'),
      'audiences/b.md': audience('B'),
    })
    try {
      const kb = await loadWithChange(cached, temp.root, 'audiences/a.md', () =>
        rm(path.join(temp.root, 'audiences/a.md')),
      )
      expect(diagnosticsOf(kb, 'audiences/a.md')).toMatchObject([
        {
          code: 'RKB100',
          message: 'Unexpected unreadable file (ENOENT), expected a readable file',
        },
      ])
      expect(kb.graph.nodes()).toEqual(['b'])
    } finally {
      await temp.cleanup()
    }
  })

  it('a file rewritten after listing is read whole, as it is now', async () => {
    const temp = await tempContent({ 'audiences/a.md': audience('Before') })
    try {
      const kb = await loadWithChange(cached, temp.root, 'audiences/a.md', () =>
        writeFile(path.join(temp.root, 'audiences/a.md'), audience('After')),
      )
      expect(kb.graph.getNodeAttributes('a').data).toMatchObject({ name: 'After' })
      expect(kb.diagnostics).toEqual([expect.objectContaining({ name: 'missing-review' })])
    } finally {
      await temp.cleanup()
    }
  })

  it('a file replaced by a link out of the folder after listing is not followed', async () => {
    const temp = await tempContent(
      { 'audiences/a.md': audience('A') },
      { 'secret.md': audience('Secret') },
    )
    try {
      const file = path.join(temp.root, 'audiences/a.md')
      const kb = await loadWithChange(cached, temp.root, 'audiences/a.md', async () => {
        await rm(file)
        await symlink(path.join(temp.outside, 'secret.md'), file)
      })
      expect(codesOf(kb, 'audiences/a.md')).toEqual(['RKB112 unsafe-path'])
      expect(kb.graph.order).toBe(0)
    } finally {
      await temp.cleanup()
    }
  })

  it('a folder replaced by a link out of the content after listing is not followed', async () => {
    const temp = await tempContent(
      { 'audiences/a.md': audience('A'), 'review.md': '---\nkind: review\ntitle: R\n---\n' },
      { 'audiences/a.md': audience('Secret') },
    )
    try {
      const folder = path.join(temp.root, 'audiences')
      const kb = await loadWithChange(cached, temp.root, 'audiences/a.md', async () => {
        await rm(folder, { recursive: true })
        await symlink(path.join(temp.outside, 'audiences'), folder)
      })
      expect(codesOf(kb, 'audiences/a.md')).toEqual(['RKB112 unsafe-path'])
      expect(kb.graph.hasNode('a')).toBe(false)
    } finally {
      await temp.cleanup()
    }
  })

  it('a file replaced by a folder after listing is reported unreadable', async () => {
    const temp = await tempContent({ 'audiences/a.md': audience('A') })
    try {
      const file = path.join(temp.root, 'audiences/a.md')
      const kb = await loadWithChange(cached, temp.root, 'audiences/a.md', async () => {
        await rm(file)
        await mkdir(file)
      })
      expect(codesOf(kb, 'audiences/a.md')).toEqual(['RKB100 unreadable-file'])
    } finally {
      await temp.cleanup()
    }
  })

  it('a file replaced by a FIFO after listing neither blocks nor is read', async (context) => {
    const temp = await tempContent({ 'audiences/a.md': audience('A') })
    const file = path.join(temp.root, 'audiences/a.md')
    // Should the loader block on the FIFO, a writer opened later unblocks it, so that the test
    // fails on time instead of hanging the run.
    let rescue: NodeJS.Timeout | undefined
    try {
      const started = performance.now()
      const kb = await loadWithChange(cached, temp.root, 'audiences/a.md', async () => {
        await rm(file)
        try {
          execFileSync('mkfifo', [file])
        } catch {
          context.skip('mkfifo is not available on this system')
        }
        rescue = setTimeout(() => {
          void open(file, constants.O_WRONLY | constants.O_NONBLOCK)
            .then((handle) => handle.close())
            .catch(() => undefined)
        }, 3_000)
      })
      expect(performance.now() - started).toBeLessThan(2_500)
      expect(diagnosticsOf(kb, 'audiences/a.md')).toMatchObject([
        {
          code: 'RKB100',
          message: 'Unexpected unreadable file (not a regular file), expected a readable file',
        },
      ])
    } finally {
      clearTimeout(rescue)
      await temp.cleanup()
    }
  })
})
