import { execFileSync } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { KnowledgeBase } from '@realist-kb/core'
import { type LoadDirectoryOptions, loadDirectory } from '@realist-kb/core/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codesOf, diagnosticsOf } from './helpers.js'
import { installSandbox, isInside } from './sandbox.js'
import { type TempContent, tempContent } from './temp-content.js'

const audience = (name: string): string => `---\nkind: audience\nname: ${name}\n---\n`
const png = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
])

// Every test runs with and without the persistent cache, whose files are read differently.
let cacheBase: string
beforeAll(async () => {
  cacheBase = await mkdtemp(path.join(tmpdir(), 'rkb-cache-'))
})
afterAll(async () => {
  await rm(cacheBase, { recursive: true, force: true })
})
const modes: [string, () => LoadDirectoryOptions][] = [
  ['without a cache', () => ({})],
  ['with a cache', () => ({ cacheDirectory: path.join(cacheBase, String(Math.random())) })],
]

describe.each(modes)('file-system hazards, %s', (_mode, options) => {
  const load = (root: string): Promise<KnowledgeBase> => loadDirectory(root, options())

  it('reports bytes that are not UTF-8 text, binary files and UTF-16', async () => {
    const temp = await tempContent({
      'audiences/latin1.md': Uint8Array.from([...Buffer.from(audience('caf')), 0xe9, 0x0a]),
      'audiences/image.md': png,
      'audiences/surrogate.md': Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xed, 0xa0, 0x80]),
      'audiences/utf16.md': Buffer.from(`\uFEFF${audience('Sixteen')}`, 'utf16le'),
      'audiences/nul.md': `${audience('Nul')}\u0000\u0000`,
      'audiences/fine.md': audience('Fine'),
    })
    try {
      const kb = await load(temp.root)
      for (const name of ['latin1', 'image', 'surrogate', 'utf16']) {
        const [diagnostic, ...rest] = diagnosticsOf(kb, `audiences/${name}.md`)
        expect(rest, name).toEqual([])
        expect(diagnostic, name).toMatchObject({ code: 'RKB100', line: 1, column: 1 })
        expect(diagnostic?.message, name).toBe(
          'Unexpected bytes that are not UTF-8, expected UTF-8 text',
        )
      }
      expect(diagnosticsOf(kb, 'audiences/nul.md')[0]?.message).toMatch(/binary content/)
      expect(kb.graph.nodes()).toEqual(['fine'])
    } finally {
      await temp.cleanup()
    }
  })

  it('refuses huge files without reading them, and long lines and long texts', async () => {
    const temp = await tempContent({
      'audiences/huge.md': '',
      'audiences/long-line.md': `${audience('Long line')}${'x'.repeat(300_000)}\n`,
      'audiences/many-characters.md': `${audience('Many')}${`${'y'.repeat(99)}\n`.repeat(30_000)}`,
    })
    try {
      // A sparse file: 5 MiB that take no disk space, past the 4 MiB limit. A link to another
      // one, in a folder the loader does not list, is measured by its target, not by itself.
      await truncate(path.join(temp.root, 'audiences/huge.md'), 5 * 1024 * 1024)
      await writeFile(path.join(temp.root, '.hidden.md'), '')
      await truncate(path.join(temp.root, '.hidden.md'), 5 * 1024 * 1024)
      await symlink(path.join(temp.root, '.hidden.md'), path.join(temp.root, 'audiences/link.md'))
      const started = performance.now()
      const kb = await load(temp.root)
      expect(performance.now() - started).toBeLessThan(5_000)
      expect(diagnosticsOf(kb, 'audiences/huge.md')).toMatchObject([
        { code: 'RKB109', message: 'Unexpected file of 5242880 bytes, expected at most 4194304' },
      ])
      expect(diagnosticsOf(kb, 'audiences/link.md')).toMatchObject([
        { code: 'RKB109', message: 'Unexpected file of 5242880 bytes, expected at most 4194304' },
      ])
      expect(diagnosticsOf(kb, 'audiences/long-line.md')).toMatchObject([
        { code: 'RKB109', line: 5, message: 'Unexpected line longer than 200000 characters' },
      ])
      expect(diagnosticsOf(kb, 'audiences/many-characters.md')).toMatchObject([
        {
          code: 'RKB109',
          line: 1,
          message: expect.stringMatching(/characters, expected at most 2000000$/),
        },
      ])
      expect(kb.graph.order).toBe(0)
    } finally {
      await temp.cleanup()
    }
  })

  it('follows no link out of the content folder, and survives loops and broken links', async () => {
    const temp = await tempContent(
      { 'audiences/public.md': audience('Public'), 'review.md': '' },
      { 'secret.md': audience('Secret'), 'folder/secret.md': audience('Secret in a folder') },
    )
    const at = (relative: string): string => path.join(temp.root, ...relative.split('/'))
    try {
      await rm(at('review.md'))
      await symlink(path.join(temp.outside, 'secret.md'), at('audiences/secret.md'))
      await symlink(path.join(temp.outside, 'folder'), at('audiences/folder'))
      await symlink('../../outside/secret.md', at('audiences/relative-secret.md'))
      await symlink('/etc/passwd', at('audiences/passwd.md'))
      await symlink(at('audiences/nowhere.md'), at('audiences/broken.md'))
      await symlink(at('audiences/self.md'), at('audiences/self.md'))
      await symlink(temp.root, at('audiences/loop'))
      await symlink('..', at('audiences/up'))
      await symlink(at('audiences/public.md'), at('audiences/alias.md'))
      const kb = await load(temp.root)
      for (const name of [
        'audiences/secret.md',
        'audiences/folder',
        'audiences/relative-secret.md',
        'audiences/passwd.md',
        'audiences/broken.md',
        'audiences/self.md',
      ])
        expect(codesOf(kb, name), name).toEqual(['RKB112 unsafe-path'])
      expect(diagnosticsOf(kb, 'audiences/secret.md')[0]?.message).toBe(
        'Unexpected link to a path outside the content folder, expected content inside it',
      )
      // A link inside the folder is followed once; loops back into the folder are cut.
      expect(kb.graph.nodes().sort()).toEqual(['alias', 'public'])
      expect(kb.files.some((file) => file.includes('loop/') || file.includes('up/'))).toBe(false)
    } finally {
      await temp.cleanup()
    }
  })

  it('never lets a link to a folder of the content shadow the folder itself', async () => {
    const temp = await tempContent({
      'cmocs/README.md': 'The CMOCs.',
      'audiences/public.md': audience('Public'),
      ...Object.fromEntries(
        Array.from({ length: 3 }, (_, i) => [
          `cmocs/cmoc-${i}.md`,
          `---\nkind: cmoc\nid: cmoc-${i}\ntitle: T\ngroup: g\ncontext: c\nmechanism:\n  resource: r\n  response: s\noutcome: o\n---\n`,
        ]),
      ),
    })
    try {
      // `audiences/zz` sorts before `cmocs/`: walked first, it used to take the folder's place.
      await symlink('../cmocs', path.join(temp.root, 'audiences/zz'))
      const kb = await load(temp.root)
      expect(kb.files.filter((file) => file.includes('cmoc-'))).toEqual([
        'cmocs/cmoc-0.md',
        'cmocs/cmoc-1.md',
        'cmocs/cmoc-2.md',
      ])
      expect(kb.diagnostics.map((d) => d.name)).not.toContain('kind-folder-mismatch')
      expect(kb.graph.getNodeAttributes('cmoc-1').file).toBe('cmocs/cmoc-1.md')
    } finally {
      await temp.cleanup()
    }
  })

  it('reports unreadable files and folders', async (context) => {
    const temp = await tempContent({
      'audiences/locked.md': audience('Locked'),
      'studies/shut/x.md': audience('Shut away'),
      'audiences/open.md': audience('Open'),
    })
    try {
      await chmod(path.join(temp.root, 'audiences/locked.md'), 0o000)
      await chmod(path.join(temp.root, 'studies/shut'), 0o000)
      // Root (and CAP_DAC_OVERRIDE) reads through permissions: then nothing is unreadable.
      const blocked = await readFile(path.join(temp.root, 'audiences/locked.md')).then(
        () => false,
        () => true,
      )
      const kb = await load(temp.root)
      expect(kb.graph.hasNode('open')).toBe(true)
      if (blocked) {
        expect(diagnosticsOf(kb, 'audiences/locked.md')).toMatchObject([
          {
            code: 'RKB100',
            message: 'Unexpected unreadable file (EACCES), expected a readable file',
          },
        ])
        expect(diagnosticsOf(kb, 'studies/shut')).toMatchObject([
          {
            code: 'RKB100',
            message: 'Unexpected unreadable folder (EACCES), expected a readable folder',
          },
        ])
      } else {
        await context.annotate(
          'Running with permission to read any file (root): chmod 000 cannot make a file unreadable, so the unreadable-file assertions were skipped; the load itself was still checked.',
        )
        expect(kb.graph.hasNode('locked')).toBe(true)
      }
    } finally {
      await chmod(path.join(temp.root, 'audiences/locked.md'), 0o644).catch(() => undefined)
      await chmod(path.join(temp.root, 'studies/shut'), 0o755).catch(() => undefined)
      await temp.cleanup()
    }
  })

  it('skips special files: a FIFO named like content never blocks the load', async (context) => {
    const temp = await tempContent({ 'audiences/open.md': audience('Open') })
    try {
      try {
        execFileSync('mkfifo', [path.join(temp.root, 'audiences/pipe.md')])
      } catch {
        context.skip('mkfifo is not available on this system')
      }
      const kb = await load(temp.root)
      expect(kb.graph.nodes()).toEqual(['open'])
      expect(kb.files).toEqual(['audiences/open.md'])
    } finally {
      await temp.cleanup()
    }
  })
})

describe('no file outside the content folder is opened', () => {
  it('through links to files, links to folders, relative links or absolute links', async () => {
    const temp: TempContent = await tempContent(
      { 'audiences/public.md': audience('Public') },
      { 'secret.md': audience('Secret'), 'folder/secret.md': audience('Secret in a folder') },
    )
    try {
      const at = (relative: string): string => path.join(temp.root, ...relative.split('/'))
      await symlink(path.join(temp.outside, 'secret.md'), at('audiences/secret.md'))
      await symlink(path.join(temp.outside, 'folder'), at('audiences/folder'))
      await symlink('../../outside/secret.md', at('audiences/relative.md'))
      await writeFile(
        at('audiences/link-in-body.md'),
        `${audience('Body')}[[../../outside/secret]] ![x](../../outside/secret.md)\n`,
      )
      const sandbox = installSandbox()
      let kb: KnowledgeBase
      try {
        kb = await loadDirectory(temp.root)
      } finally {
        sandbox.restore()
      }
      const touched = sandbox.fileAccess.filter((access) =>
        isInside(path.dirname(temp.root), access.path),
      )
      expect(touched.length).toBeGreaterThan(0)
      for (const access of touched)
        expect(isInside(temp.root, access.path), `${access.fn} ${access.path}`).toBe(true)
      expect(kb.graph.nodes().sort()).toEqual(['link-in-body', 'public'])
      expect(sandbox.escapes).toEqual([])
    } finally {
      await temp.cleanup()
    }
  })
})
