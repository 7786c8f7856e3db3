import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WatchIo } from '../src/lib/commands/watch.js'
import { diagnosticLine, formatDiff } from '../src/lib/watch/diagnostic-diff.js'
import { IncrementalValidator } from '../src/lib/watch/incremental-validator.js'
import { memoryIo } from './cli-io.js'

const fixture = path.join(import.meta.dirname, 'fixtures', 'small-kb')
let kb: string
beforeEach(async () => {
  kb = path.join(await mkdtemp(path.join(tmpdir(), 'realist-kb-watch-')), 'content')
  await cp(fixture, kb, { recursive: true })
})
afterEach(async () => {
  await rm(path.dirname(kb), { recursive: true, force: true })
})

const cmocFile = (): string => path.join(kb, 'cmocs', 'cmoc-1a.md')
const dangling = (text: string): string =>
  text.replace('strategies: [education]', 'related: [cmoc-9z]')

describe('IncrementalValidator', () => {
  it('re-parses an edited file alone and reports the diagnostics that appear and disappear', async () => {
    const validator = new IncrementalValidator(kb)
    const first = await validator.start()
    expect(first.diagnostics.map((d) => d.name)).toEqual([
      'cmoc-without-evidence',
      'group-without-cmoc',
      'recommendation-without-cmoc',
      'uncited-study',
    ])

    const original = await readFile(cmocFile(), 'utf8')
    await writeFile(cmocFile(), dangling(original))
    const broken = await validator.update(['cmocs/cmoc-1a.md'])
    expect(broken.reparsed).toEqual(['cmocs/cmoc-1a.md'])
    expect(broken.removed).toEqual([])
    expect(broken.added.map((d) => diagnosticLine(d))).toEqual([
      'cmocs/cmoc-1a.md:11:11  error  Unexpected reference `cmoc-9z`, expected the id of a cmoc  dangling-reference RKB201',
    ])
    expect(formatDiff(broken)).toBe(`+ ${diagnosticLine(broken.added[0]!)}\n`)

    await writeFile(cmocFile(), original)
    const fixed = await validator.update(['cmocs/cmoc-1a.md'])
    expect(fixed.added).toEqual([])
    expect(fixed.removed.map((d) => d.name)).toEqual(['dangling-reference'])
    expect(formatDiff(fixed)).toMatch(/^- cmocs\/cmoc-1a\.md:11:11 {2}error/)
    expect(fixed.kb.diagnostics).toEqual(first.diagnostics)

    // Nothing changed, nothing to say.
    expect(formatDiff(await validator.update(['cmocs/cmoc-1a.md']))).toBe('')
  })

  it('handles added, deleted and renamed files and folders', async () => {
    const validator = new IncrementalValidator(kb)
    await validator.start()

    const added = path.join(kb, 'cmocs', 'cmoc-1c.md')
    await writeFile(
      added,
      '---\nkind: cmoc\ntitle: New\ngroup: collective-action\ncontext: C.\nmechanism: M.\noutcome: O.\n---\n',
    )
    const afterAdd = await validator.update(['cmocs/cmoc-1c.md'])
    expect(afterAdd.added.map((d) => `${d.file} ${d.name}`)).toEqual([
      'cmocs/cmoc-1c.md cmoc-without-evidence',
    ])
    expect(afterAdd.removed.map((d) => `${d.file} ${d.name}`)).toEqual([
      'groups/collective-action.md group-without-cmoc',
    ])

    await rm(added)
    const afterDelete = await validator.update(['cmocs/cmoc-1c.md'])
    expect(afterDelete.dropped).toEqual(['cmocs/cmoc-1c.md'])
    expect(afterDelete.removed.map((d) => d.name)).toEqual(['cmoc-without-evidence'])

    // A folder renamed: its files are read again under their new path.
    await rename(path.join(kb, 'audiences'), path.join(kb, 'elsewhere'))
    const afterMove = await validator.update(['audiences', 'elsewhere'])
    expect(afterMove.dropped).toEqual(['audiences/public.md'])
    expect(afterMove.reparsed).toEqual(['elsewhere/public.md'])
    expect(afterMove.added.map((d) => `${d.file} ${d.name}`)).toEqual([
      'elsewhere/public.md kind-folder-mismatch',
    ])
    // A folder deleted: references to its entities dangle, and the recommendations address no one.
    await rm(path.join(kb, 'elsewhere'), { recursive: true })
    const afterRemove = await validator.update(['elsewhere'])
    expect(afterRemove.added.map((d) => `${d.file} ${d.name}`)).toEqual([
      'recommendations/rec-1-1.md recommendation-without-audience',
      'recommendations/rec-1-1.md dangling-reference',
      'recommendations/rec-1-2.md recommendation-without-audience',
      'recommendations/rec-1-2.md dangling-reference',
    ])
    expect(afterRemove.removed.map((d) => d.name)).toEqual(['kind-folder-mismatch'])
    // A change with no path (some watchers give none) lists the folder again.
    await cp(path.join(fixture, 'audiences'), path.join(kb, 'audiences'), { recursive: true })
    const afterRescan = await validator.update([undefined])
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
    const afterSave = await validator.update(['cmocs/.save.tmp'])
    expect(afterSave.reparsed).toEqual(['cmocs/cmoc-1a.md'])
    expect(afterSave.added.map((d) => d.name)).toEqual(['dangling-reference'])
    await writeFile(cmocFile(), original)

    // Hidden files (editor swap files, temporary files) are never content.
    await validator.update(['cmocs/cmoc-1a.md'])
    await writeFile(path.join(kb, 'cmocs', '.cmoc-1a.md.swp'), 'junk')
    expect((await validator.update(['cmocs/.cmoc-1a.md.swp'])).reparsed).toEqual([])
  })
})

describe('realist-kb watch', () => {
  it('prints + for a new diagnostic and - once it is fixed, then stops cleanly', async () => {
    const controller = new AbortController()
    const io = memoryIo(path.dirname(kb))
    // The command's io may carry a signal that stops it, as Ctrl-C does in a terminal.
    const watchIo: WatchIo = { ...io, signal: controller.signal }
    const running = main(['watch', 'content', '--debounce', '20'], watchIo)
    await waitFor(() => io.out().includes('watching content (Ctrl-C to stop)\n'), io)
    expect(io.out()).toMatch(/^content\/cmocs\/cmoc-1b\.md\n/)

    const original = await readFile(cmocFile(), 'utf8')
    await writeFile(cmocFile(), dangling(original))
    await waitFor(() => io.out().includes('+ content/cmocs/cmoc-1a.md:11:11  error'), io)
    expect(io.out()).toContain('  5 messages (1 error, 4 warnings)\n')

    await writeFile(cmocFile(), original)
    await waitFor(() => io.out().includes('- content/cmocs/cmoc-1a.md:11:11  error'), io)

    // Saved the way many editors save: a temporary file renamed over the original. Later
    // in-place writes to the new file must still be seen.
    const temporary = path.join(kb, 'cmocs', '.cmoc-1a.md.tmp')
    await writeFile(temporary, dangling(original))
    await rename(temporary, cmocFile())
    await waitFor(() => count(io.out(), '+ content/cmocs/cmoc-1a.md:11:11  error') === 2, io)
    await writeFile(cmocFile(), original)
    await waitFor(() => count(io.out(), '- content/cmocs/cmoc-1a.md:11:11  error') === 2, io)

    controller.abort()
    expect(await running).toBe(0)
    expect(io.out()).toMatch(/stopped watching\n$/)
    expect(io.err()).toBe('')
  })

  it('rejects bad arguments (exit 2)', async () => {
    const io = memoryIo(path.dirname(kb))
    expect(await main(['watch', 'content', '--debounce', 'soon'], io)).toBe(2)
    expect(await main(['watch', 'missing-folder'], io)).toBe(2)
    expect(await main(['watch', 'content', 'other'], io)).toBe(2)
  })
})

function count(text: string, part: string): number {
  return text.split(part).length - 1
}

async function waitFor(
  condition: () => boolean,
  io: { out: () => string; err: () => string },
  timeout = 10_000,
): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeout)
      throw new Error(`timed out waiting for the watcher:\n${io.out()}\n${io.err()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
