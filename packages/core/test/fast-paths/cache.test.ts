import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadDirectory } from '@realist-kb/core/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../../scripts/corpus/generate.js'
import { kbSnapshot } from './kb-snapshot.js'

describe('the persistent cache', () => {
  let content: string
  let cacheDirectory: string
  beforeEach(async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'rkb-cache-'))
    content = path.join(base, 'content')
    cacheDirectory = path.join(base, 'cache')
    for (const file of generateCorpus({ studies: 60, seed: 11 })) {
      await mkdir(path.dirname(path.join(content, file.path)), { recursive: true })
      await writeFile(path.join(content, file.path), file.text)
    }
  })
  afterEach(async () => {
    await rm(path.dirname(content), { recursive: true, force: true })
  })

  it('gives the same knowledge base cold, warm, after edits and with a corrupt cache file', async () => {
    const plain = kbSnapshot(await loadDirectory(content))
    expect(kbSnapshot(await loadDirectory(content, { cacheDirectory }))).toEqual(plain) // cold: writes
    expect((await readdir(cacheDirectory)).sort()).toEqual([
      expect.stringMatching(/\.kb\.json$/),
      expect.stringMatching(/\.parsed\.v8$/),
    ])
    expect(kbSnapshot(await loadDirectory(content, { cacheDirectory }))).toEqual(plain) // warm: restores

    // An edit that changes links and diagnostics invalidates exactly what it must.
    const study = path.join(content, 'studies', 'study-000001.md')
    await writeFile(study, (await readFile(study, 'utf8')).replace(/cmoc-\d+/, 'cmoc-nowhere'))
    const edited = kbSnapshot(await loadDirectory(content))
    expect(edited).not.toEqual(plain)
    expect(kbSnapshot(await loadDirectory(content, { cacheDirectory }))).toEqual(edited)
    expect(kbSnapshot(await loadDirectory(content, { cacheDirectory }))).toEqual(edited)

    // A deleted file, and a cache file that is garbage.
    await rm(path.join(content, 'studies', 'study-000002.md'))
    for (const cacheFile of await readdir(cacheDirectory))
      await writeFile(path.join(cacheDirectory, cacheFile), 'not a cache')
    expect(kbSnapshot(await loadDirectory(content, { cacheDirectory }))).toEqual(
      kbSnapshot(await loadDirectory(content)),
    )
  })

  it('restores the graph in the same order, key for key: exports of it are byte-identical', async () => {
    // toEqual ignores the order of keys, nodes and edges; a JSON export of the graph does not.
    const exported = (kb: Awaited<ReturnType<typeof loadDirectory>>): string =>
      JSON.stringify({ graph: kb.graph.export(), diagnostics: kb.diagnostics, files: kb.files })
    const plain = exported(await loadDirectory(content))
    expect(exported(await loadDirectory(content, { cacheDirectory }))).toBe(plain) // cold
    expect(exported(await loadDirectory(content, { cacheDirectory }))).toBe(plain) // warm
  })

  it('keys the cache by content, not by time: an edit that keeps size and time is seen', async () => {
    const file = path.join(content, 'audiences', 'audience-1.md')
    await loadDirectory(content, { cacheDirectory })
    const before = await stat(file)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('name: Audience 1', 'name: Audience X'))
    await utimes(file, before.atime, before.mtime)
    const kb = await loadDirectory(content, { cacheDirectory })
    const audience = kb.graph.getNodeAttributes('audience-1')
    expect(audience.kind === 'audience' && audience.data.name).toBe('Audience X')
  })

  it('restores files that could not be read as they were reported: not UTF-8, too large', async () => {
    await writeFile(path.join(content, 'audiences', 'latin-1.md'), Buffer.from([0x2d, 0xe9, 0xff]))
    await writeFile(path.join(content, 'audiences', 'large.md'), `---\n${'x'.repeat(3000)}\n---\n`)
    const options = { maxFileBytes: 2048 }
    const loaded = await loadDirectory(content, options)
    const plain = kbSnapshot(loaded)
    expect(loaded.diagnostics.map((diagnostic) => `${diagnostic.file} ${diagnostic.code}`)).toEqual(
      expect.arrayContaining(['audiences/latin-1.md RKB100', 'audiences/large.md RKB109']),
    )
    for (const run of ['cold', 'warm', 'warm again'])
      expect(kbSnapshot(await loadDirectory(content, { ...options, cacheDirectory })), run).toEqual(
        plain,
      )
  })
})
