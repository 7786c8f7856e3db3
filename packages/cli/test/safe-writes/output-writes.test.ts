import {
  type FileHandle,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exitCodes, main } from '@realist-kb/cli'
import { reportExporters } from '@realist-kb/export'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryIo } from '../cli-io.js'
import { errno, recordWrites, withFsOverrides } from './fs-hooks.js'

const repository = path.resolve(import.meta.dirname, '../../../..')
const fixtures = path.join(repository, 'packages/core/test/fixtures')

// `report` and `export` write one file the user names with --out, and a ledger beside it.
const commands: [string, (out: string, ...extra: string[]) => string[]][] = [
  ['report', (out, ...extra) => ['report', 'content', '--format', 'md', '--out', out, ...extra]],
  ['export', (out, ...extra) => ['export', 'content', '--format', 'json', '--out', out, ...extra]],
]

let work: string
beforeEach(async () => {
  // A working folder without node_modules, so that no load cache is written either.
  work = await mkdtemp(path.join(tmpdir(), 'rkb-writes-'))
  await mkdir(path.join(work, 'content'))
  for (const [relative, source] of [
    ['review.md', 'valid/review.md'],
    ['audiences/public.md', 'valid/audiences/public.md'],
    ['audiences/path-id.md', 'hostile-ids/audiences/path-id.md'],
    ['audiences/dashes.md', 'hostile-empty-and-partial/audiences/dashes-in-body.md'],
  ] as const) {
    await mkdir(path.dirname(path.join(work, 'content', relative)), { recursive: true })
    await writeFile(
      path.join(work, 'content', relative),
      await readFile(path.join(fixtures, source)),
    )
  }
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(work, { recursive: true, force: true })
})

const run = (args: string[]): Promise<number> => main(args, memoryIo(work))
const snapshotOf = async (folder: string): Promise<Record<string, string>> => {
  const files: Record<string, string> = {}
  for (const name of (await readdir(folder)).sort())
    files[name] = await readFile(path.join(folder, name), 'utf8')
  return files
}

describe.each(commands)('%s writes safely', (_name, args) => {
  it('an interrupted rename leaves the previous output, and no temporary file', async () => {
    expect(await run(args('out/kb.txt'))).toBeLessThan(2)
    const before = await snapshotOf(path.join(work, 'out'))
    await writeFile(
      path.join(work, 'content/audiences/new.md'),
      '---\nkind: audience\nname: New\n---\n',
    )
    const failing = withFsOverrides(
      {
        rename: (original, ...rest) =>
          String(rest[1]).endsWith('kb.txt')
            ? Promise.reject(errno('EIO', 'i/o error'))
            : original(...rest),
      },
      () => run(args('out/kb.txt', '--force')),
    )
    await expect(failing).resolves.toBe(2)
    expect(await snapshotOf(path.join(work, 'out'))).toEqual(before)
  })

  it('a write that fails half-way (disk full) leaves the previous output, and no temporary file', async () => {
    expect(await run(args('out/kb.txt'))).toBeLessThan(2)
    const before = await snapshotOf(path.join(work, 'out'))
    const failing = withFsOverrides(
      {
        // The temporary file's handle writes ten bytes, then the disk is full.
        open: async (original, ...rest) => {
          const handle = (await original(...rest)) as FileHandle
          if (!String(rest[0]).includes('kb.txt')) return handle
          const write = handle.writeFile.bind(handle)
          handle.writeFile = async (data) => {
            await write(Buffer.from(data as Uint8Array).subarray(0, 10))
            throw errno('ENOSPC', 'no space left on device')
          }
          return handle
        },
      },
      () => run(args('out/kb.txt', '--force')),
    )
    await expect(failing).resolves.toBe(2)
    expect(await snapshotOf(path.join(work, 'out'))).toEqual(before)
  })

  it('writes nothing but the named file and its ledger, in the named folder', async () => {
    const { result, written } = await recordWrites(() => run(args('out/deeper/kb.txt')))
    expect(result).toBeLessThan(2)
    const folder = path.join(work, 'out', 'deeper')
    for (const file of written)
      expect(
        file === folder || path.dirname(file) === folder || folder.startsWith(file),
        file,
      ).toBe(true)
    expect(await readdir(folder)).toEqual(['.realist-kb-outputs.json', 'kb.txt'])
    // Nothing in the content folder changed.
    expect(written.some((file) => file.startsWith(path.join(work, 'content')))).toBe(false)
  })

  it('writes where the user points, outside the working folder too (`--out ../x`)', async () => {
    const inner = path.join(work, 'inner')
    await mkdir(inner)
    expect(
      await main(
        args('../elsewhere/kb.txt').map((a) => (a === 'content' ? '../content' : a)),
        memoryIo(inner),
      ),
    ).toBeLessThan(2)
    expect(await readdir(path.join(work, 'elsewhere'))).toEqual([
      '.realist-kb-outputs.json',
      'kb.txt',
    ])
  })

  it('never replaces a file it did not write unless --force, not even a content file', async () => {
    const review = path.join(work, 'content/review.md')
    const original = await readFile(review, 'utf8')
    expect(await run(args('content/review.md'))).toBe(2)
    expect(await readFile(review, 'utf8')).toBe(original)
  })

  it('never writes through or replaces a link at --out, not even with --force', async () => {
    const notes = path.join(work, 'notes.md')
    await writeFile(notes, 'my notes')
    await mkdir(path.join(work, 'out'))
    await symlink(notes, path.join(work, 'out/kb.txt'))
    expect(await run(args('out/kb.txt'))).toBe(2)
    expect(await run(args('out/kb.txt', '--force'))).toBe(2)
    expect(await readFile(notes, 'utf8')).toBe('my notes')
    expect((await lstat(path.join(work, 'out/kb.txt'))).isSymbolicLink()).toBe(true)
  })
})

describe('report: an exporter that fails mid-way', () => {
  it('leaves the previous report as it was', async () => {
    expect(await run(['report', 'content', '--format', 'md', '--out', 'out/r.md'])).toBe(1)
    const before = await snapshotOf(path.join(work, 'out'))
    vi.spyOn(reportExporters.md, 'render').mockImplementation(() => {
      throw new Error('exporter failed mid-way')
    })
    // A failing exporter is a bug: the internal-error exit code and a one-line message.
    const io = memoryIo(work)
    expect(await main(['report', 'content', '--format', 'md', '--out', 'out/r.md'], io)).toBe(
      exitCodes.internal,
    )
    expect(io.err()).toBe(
      'realist-kb report: internal error: exporter failed mid-way (run with --debug for the stack trace)\n',
    )
    expect(await snapshotOf(path.join(work, 'out'))).toEqual(before)
  })
})
