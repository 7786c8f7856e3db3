import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { diagnosticLine, formatDiff } from '@realist-kb/core'
import { ContentFolder } from '@realist-kb/core/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../scripts/corpus/generate.js'
import { Random } from '../../../scripts/corpus/random.js'
import { kbSnapshot } from './fast-paths/kb-snapshot.js'

// The small base the command line's watch tests use too.
const fixture = path.resolve(import.meta.dirname, '../../cli/test/fixtures/small-kb')
let kb: string
beforeEach(async () => {
  kb = path.join(await mkdtemp(path.join(tmpdir(), 'realist-kb-folder-')), 'content')
  await cp(fixture, kb, { recursive: true })
})
afterEach(async () => {
  await rm(path.dirname(kb), { recursive: true, force: true })
})

const cmocFile = (): string => path.join(kb, 'cmocs', 'cmoc-1a.md')
const dangling = (text: string): string =>
  text.replace('strategies: [education]', 'related: [cmoc-9z]')

describe('ContentFolder.update', () => {
  it('re-parses an edited file alone and reports the diagnostics that appear and disappear', async () => {
    const folder = await ContentFolder.open(kb)
    const first = folder.knowledgeBase
    expect(first.diagnostics.map((d) => d.name)).toEqual([
      'cmoc-without-evidence',
      'group-without-cmoc',
      'recommendation-without-cmoc',
      'uncited-study',
    ])

    const original = await readFile(cmocFile(), 'utf8')
    await writeFile(cmocFile(), dangling(original))
    const broken = await folder.update(['cmocs/cmoc-1a.md'])
    expect(broken.reparsed).toEqual(['cmocs/cmoc-1a.md'])
    expect(broken.removed).toEqual([])
    expect(broken.added.map((d) => diagnosticLine(d))).toEqual([
      'cmocs/cmoc-1a.md:11:11  error  Unexpected reference `cmoc-9z`, expected the id of a cmoc  dangling-reference RKB201',
    ])
    expect(formatDiff(broken)).toBe(`+ ${diagnosticLine(broken.added[0]!)}\n`)

    await writeFile(cmocFile(), original)
    const fixed = await folder.update(['cmocs/cmoc-1a.md'])
    expect(fixed.added).toEqual([])
    expect(fixed.removed.map((d) => d.name)).toEqual(['dangling-reference'])
    expect(formatDiff(fixed)).toMatch(/^- cmocs\/cmoc-1a\.md:11:11 {2}error/)
    expect(fixed.knowledgeBase.diagnostics).toEqual(first.diagnostics)

    // Nothing changed, nothing to say.
    expect(formatDiff(await folder.update(['cmocs/cmoc-1a.md']))).toBe('')
  })

  it('handles added, deleted and renamed files and folders', async () => {
    const folder = await ContentFolder.open(kb)

    const added = path.join(kb, 'cmocs', 'cmoc-1c.md')
    await writeFile(
      added,
      '---\nkind: cmoc\ntitle: New\ngroup: collective-action\ncontext: C.\nmechanism: M.\noutcome: O.\n---\n',
    )
    const afterAdd = await folder.update(['cmocs/cmoc-1c.md'])
    expect(afterAdd.added.map((d) => `${d.file} ${d.name}`)).toEqual([
      'cmocs/cmoc-1c.md cmoc-without-evidence',
    ])
    expect(afterAdd.removed.map((d) => `${d.file} ${d.name}`)).toEqual([
      'groups/collective-action.md group-without-cmoc',
    ])

    await rm(added)
    const afterDelete = await folder.update(['cmocs/cmoc-1c.md'])
    expect(afterDelete.dropped).toEqual(['cmocs/cmoc-1c.md'])
    expect(afterDelete.removed.map((d) => d.name)).toEqual(['cmoc-without-evidence'])

    // A folder renamed: its files are read again under their new path.
    await rename(path.join(kb, 'audiences'), path.join(kb, 'elsewhere'))
    const afterMove = await folder.update(['audiences', 'elsewhere'])
    expect(afterMove.dropped).toEqual(['audiences/public.md'])
    expect(afterMove.reparsed).toEqual(['elsewhere/public.md'])
    expect(afterMove.added.map((d) => `${d.file} ${d.name}`)).toEqual([
      'elsewhere/public.md kind-folder-mismatch',
    ])
    // A folder deleted: references to its entities dangle.
    await rm(path.join(kb, 'elsewhere'), { recursive: true })
    const afterRemove = await folder.update(['elsewhere'])
    expect(afterRemove.added.map((d) => `${d.file} ${d.name}`)).toEqual([
      'recommendations/rec-1-1.md recommendation-without-audience',
      'recommendations/rec-1-1.md dangling-reference',
      'recommendations/rec-1-2.md recommendation-without-audience',
      'recommendations/rec-1-2.md dangling-reference',
    ])
    expect(afterRemove.removed.map((d) => d.name)).toEqual(['kind-folder-mismatch'])
    // A change with no path (some watchers give none) lists the folder again.
    await cp(path.join(fixture, 'audiences'), path.join(kb, 'audiences'), { recursive: true })
    const afterRescan = await folder.update([undefined])
    expect(afterRescan.reparsed).toEqual(['audiences/public.md'])
    expect(afterRescan.added).toEqual([])
    expect(afterRescan.removed.map((d) => d.name)).toEqual([
      'recommendation-without-audience',
      'dangling-reference',
      'recommendation-without-audience',
      'dangling-reference',
    ])

    // A save by rename reported only under the temporary name: the folder's files are checked.
    const original = await readFile(cmocFile(), 'utf8')
    await writeFile(path.join(kb, 'cmocs', '.save.tmp'), dangling(original))
    await rename(path.join(kb, 'cmocs', '.save.tmp'), cmocFile())
    const afterSave = await folder.update(['cmocs/.save.tmp'])
    expect(afterSave.reparsed).toEqual(['cmocs/cmoc-1a.md'])
    expect(afterSave.added.map((d) => d.name)).toEqual(['dangling-reference'])
    await writeFile(cmocFile(), original)

    // Hidden files (editor swap files, temporary files) are never content.
    await folder.update(['cmocs/cmoc-1a.md'])
    await writeFile(path.join(kb, 'cmocs', '.cmoc-1a.md.swp'), 'junk')
    expect((await folder.update(['cmocs/.cmoc-1a.md.swp'])).reparsed).toEqual([])
  })
})

describe('ContentFolder.contentHash', () => {
  it('is the same for the same bytes, wherever they are and however they were loaded', async () => {
    const copy = path.join(path.dirname(kb), 'copy')
    await cp(kb, copy, { recursive: true })
    const cacheDirectory = path.join(path.dirname(kb), 'cache')
    const hash = (await ContentFolder.open(kb)).contentHash
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect((await ContentFolder.open(copy)).contentHash).toBe(hash)
    // Read through the cache, then restored from its snapshot.
    expect((await ContentFolder.open(kb, { cacheDirectory })).contentHash).toBe(hash)
    expect((await ContentFolder.open(kb, { cacheDirectory })).contentHash).toBe(hash)
  })

  it('changes with one byte of one file, with a renamed file, and back', async () => {
    const folder = await ContentFolder.open(kb)
    const before = folder.contentHash
    const original = await readFile(cmocFile())
    const changed = Buffer.from(original)
    changed[changed.length - 2] = (changed[changed.length - 2] ?? 0) ^ 1
    await writeFile(cmocFile(), changed)
    await folder.update(['cmocs/cmoc-1a.md'])
    const edited = folder.contentHash
    expect(edited).not.toBe(before)
    expect((await ContentFolder.open(kb)).contentHash).toBe(edited)

    await writeFile(cmocFile(), original)
    await folder.update(['cmocs/cmoc-1a.md'])
    expect(folder.contentHash).toBe(before)

    // The same bytes under another name are other content.
    await rename(cmocFile(), path.join(kb, 'cmocs', 'cmoc-1z.md'))
    await folder.update(['cmocs/cmoc-1a.md', 'cmocs/cmoc-1z.md'])
    expect(folder.contentHash).not.toBe(before)
  })
})

describe('ContentFolder after random changes on disk', () => {
  for (const cached of [false, true]) {
    it(`equals a fresh load after each of 60 seeded edits, deletions and renames${cached ? ' (opened from the cache)' : ''}`, {
      timeout: 120_000,
    }, async () => {
      const root = path.join(path.dirname(kb), 'random')
      const cacheDirectory = path.join(path.dirname(kb), 'cache')
      for (const file of generateCorpus({ studies: 24, seed: 5 })) {
        await mkdir(path.join(root, path.dirname(file.path)), { recursive: true })
        await writeFile(path.join(root, file.path), file.text)
      }
      const options = cached ? { cacheDirectory } : {}
      // Opened twice with a cache: the second open restores the snapshot and has no parses yet.
      if (cached) await ContentFolder.open(root, options)
      const folder = await ContentFolder.open(root, options)
      const random = new Random(cached ? 11 : 29)
      for (let step = 0; step < 60; step++) {
        const reported = await changeOnDisk(root, random)
        await folder.update(reported)
        const fresh = await ContentFolder.open(root)
        expect(
          kbSnapshot(folder.knowledgeBase),
          `after step ${step}: ${reported.join(', ')}`,
        ).toEqual(kbSnapshot(fresh.knowledgeBase))
        expect(folder.contentHash, `hash after step ${step}`).toBe(fresh.contentHash)
      }
    })
  }
})

/** Every content file under `root` (relative), and every folder. */
async function tree(root: string): Promise<{ files: string[]; folders: string[] }> {
  const { listContentFiles } = await import('@realist-kb/core/node')
  const { files } = await listContentFiles(root)
  const folders = [...new Set(files.map((file) => path.posix.dirname(file)))].filter(
    (folder) => folder !== '.',
  )
  return { files, folders }
}

/**
 * One change a researcher, an editor or git makes, done on disk; resolves to the paths a watcher
 * would report for it (sometimes none, as some watchers give none).
 */
async function changeOnDisk(root: string, random: Random): Promise<(string | undefined)[]> {
  const { files, folders } = await tree(root)
  const at = (relative: string): string => path.join(root, ...relative.split('/'))
  const file = random.pick(files.length > 0 ? files : ['review.md'])
  const text = await readFile(at(file), 'utf8').catch(() => '')
  switch (random.int(0, 8)) {
    case 0: // relink, maybe to nothing
      await writeFile(at(file), text.replace(/cmoc-\d+/, `cmoc-${random.int(1, 30)}`))
      return [file]
    case 1: // break the YAML
      await writeFile(at(file), text.replace('kind:', 'kind: [broken'))
      return [file]
    case 2: // delete a file
      await rm(at(file), { force: true })
      return [file]
    case 3: {
      // rename a file (an editor's save by rename reports only the temporary name)
      const to = file.replace(/\.md$/, `-${random.int(1, 3)}.md`)
      await rename(at(file), at(to))
      return random.int(0, 1) === 0 ? [file, to] : [undefined]
    }
    case 4: {
      // rename a folder
      const folder = random.pick(folders.length > 0 ? folders : ['studies'])
      const to = `${folder}-moved`
      await rename(at(folder), at(to)).catch(() => undefined)
      return [folder, to]
    }
    case 5: {
      // delete a folder and make it again with one file (a branch switch does this)
      const folder = random.pick(folders.length > 0 ? folders : ['studies'])
      const kept = files.find((candidate) => candidate.startsWith(`${folder}/`))
      const keptText = kept ? await readFile(at(kept), 'utf8') : ''
      await rm(at(folder), { recursive: true, force: true })
      await mkdir(at(folder), { recursive: true })
      if (kept) await writeFile(at(kept), keptText.replace(/cmoc-\d+/, 'cmoc-1'))
      return [folder]
    }
    case 6: {
      // copy a study under a new name: maybe a duplicate id
      const study = files.find((candidate) => candidate.startsWith('studies/')) ?? file
      const to = `studies/copy-${random.int(1, 4)}.md`
      await mkdir(at('studies'), { recursive: true })
      await writeFile(at(to), await readFile(at(study), 'utf8').catch(() => text))
      return [to]
    }
    case 7: {
      // a new folder with a file in it
      const folder = `extra-${random.int(1, 3)}`
      await mkdir(at(folder), { recursive: true })
      await writeFile(at(`${folder}/note.md`), text)
      return [undefined]
    }
    default: // an edit nobody reported by name
      await writeFile(at(file), `${text}\nMore about [[cmoc-${random.int(1, 30)}]].\n`)
      return [path.posix.dirname(file) === '.' ? undefined : `${path.posix.dirname(file)}/.swap`]
  }
}
