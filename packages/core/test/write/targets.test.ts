import { execFileSync } from 'node:child_process'
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { checkWriteTarget, WriteRefusedError, writeFileAtomic } from '@realist-kb/core/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

// Every target the writer must refuse, each made in the test: refused before anything is read,
// nothing written outside, links and special files left as they were.

let work: string
let outside: string
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'rkb-targets-'))
  outside = await mkdtemp(path.join(tmpdir(), 'rkb-outside-'))
  await writeFile(path.join(outside, 'secret.txt'), 'secret')
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

const refusal = (reason: string) => ({ name: 'WriteRefusedError', reason })

/** Make a FIFO, or skip the test where there is no mkfifo. */
function mkfifo(file: string, skip: (note: string) => void): void {
  try {
    execFileSync('mkfifo', [file])
  } catch {
    skip('mkfifo is not available on this system')
  }
}

describe('writeFileAtomic refuses targets that are not regular files', () => {
  it.each([
    ['a file outside', () => path.join(outside, 'secret.txt')],
    ['a folder outside', () => outside],
    ['/dev/zero (an endless read)', () => '/dev/zero'],
    ['/dev/null', () => '/dev/null'],
    ['/dev/stdout', () => '/dev/stdout'],
    ['a terminal (/dev/tty)', () => '/dev/tty'],
    ['nothing (a dangling link)', () => path.join(outside, 'missing')],
  ])('a link to %s, with or without force, and leaves it a link', async (_what, to) => {
    const target = path.join(work, 'out.txt')
    await symlink(to(), target)
    for (const force of [false, true])
      await expect(writeFileAtomic(target, 'x', { force })).rejects.toMatchObject(
        refusal('not-a-file'),
      )
    expect((await lstat(target)).isSymbolicLink()).toBe(true)
    expect(await readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe('secret')
    expect(await readdir(work)).toEqual(['out.txt'])
  })

  it('a link to a FIFO, and a FIFO itself, without blocking on it', async (context) => {
    const fifo = path.join(outside, 'pipe')
    mkfifo(fifo, context.skip)
    await symlink(fifo, path.join(work, 'link'))
    // Also with the ledger and a mark to check: nothing opens the FIFO (that would hang).
    for (const target of [path.join(work, 'link'), fifo])
      await expect(
        writeFileAtomic(target, 'x', { force: true, ledger: true, replaceIf: () => true }),
      ).rejects.toMatchObject(refusal('not-a-file'))
    expect((await lstat(fifo)).isFIFO()).toBe(true)
  })

  it('a device node, even with force: it stays a device', async (context) => {
    // A copy of /dev/null in a writable folder, where a rename could replace it.
    if (process.getuid?.() !== 0) context.skip('making a device node needs root')
    const device = path.join(work, 'null')
    execFileSync('mknod', [device, 'c', '1', '3'])
    await expect(writeFileAtomic(device, 'x', { force: true })).rejects.toMatchObject(
      refusal('not-a-file'),
    )
    expect((await lstat(device)).isCharacterDevice()).toBe(true)
    expect(await readdir(work)).toEqual(['null'])
  })

  it('the real /dev/null and /dev/stdout, and leaves them as they are', async () => {
    const before = await lstat('/dev/null')
    await expect(writeFileAtomic('/dev/null', 'x', { force: true })).rejects.toMatchObject(
      refusal('not-a-file'),
    )
    await expect(writeFileAtomic('/dev/stdout', 'x', { force: true })).rejects.toMatchObject(
      refusal('not-a-file'),
    )
    const after = await lstat('/dev/null')
    expect(after.isCharacterDevice()).toBe(true)
    expect(after.ino).toBe(before.ino)
  })

  it('a folder, a path ending in a separator, and realist-kb names', async () => {
    await mkdir(path.join(work, 'dir'))
    await expect(
      writeFileAtomic(path.join(work, 'dir'), 'x', { force: true }),
    ).rejects.toMatchObject(refusal('not-a-file'))
    await expect(writeFileAtomic(`${work}/new/`, 'x')).rejects.toMatchObject(refusal('folder-path'))
    for (const name of [
      '.realist-kb-outputs.json',
      '.realist-kb-outputs.json.lock',
      '.a.rkb-1-0123456789ab.tmp',
    ])
      await expect(
        writeFileAtomic(path.join(work, name), 'x', { force: true }),
      ).rejects.toMatchObject(refusal('reserved-name'))
    expect(await readdir(work)).toEqual(['dir'])
  })
})

describe('writeFileAtomic stays inside its root', () => {
  it('refuses a folder on the way that is a link out of the root, and writes nothing there', async () => {
    const root = path.join(work, 'content')
    await mkdir(root)
    await symlink(outside, path.join(root, 'studies'))
    const target = path.join(root, 'studies', 'doe-2020.md')
    await expect(writeFileAtomic(target, 'x', { root })).rejects.toMatchObject(refusal('outside'))
    await expect(checkWriteTarget(target, { root })).rejects.toMatchObject(refusal('outside'))
    expect(await readdir(outside)).toEqual(['secret.txt'])
  })

  it('refuses a folder on the way that is a link to a file, or a file', async () => {
    const root = path.join(work, 'content')
    await mkdir(root)
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'cmocs'))
    await writeFile(path.join(root, 'studies'), 'not a folder')
    for (const folder of ['cmocs', 'studies'])
      await expect(
        writeFileAtomic(path.join(root, folder, 'x.md'), 'x', { root }),
      ).rejects.toMatchObject(refusal('outside'))
  })

  it('follows a link to a folder inside the root, as the loader does', async () => {
    const root = path.join(work, 'content')
    await mkdir(path.join(root, 'real-studies'), { recursive: true })
    await symlink(path.join(root, 'real-studies'), path.join(root, 'studies'))
    await writeFileAtomic(path.join(root, 'studies', 'doe.md'), 'doe', { root })
    expect(await readFile(path.join(root, 'real-studies', 'doe.md'), 'utf8')).toBe('doe')
  })

  it('checkWriteTarget creates and writes nothing, and refuses what the writer refuses', async () => {
    const target = path.join(work, 'new', 'deeper', 'x.json')
    await checkWriteTarget(target, { root: work })
    expect(await readdir(work)).toEqual([])
    await writeFile(path.join(work, 'x.json'), '{}')
    await expect(checkWriteTarget(path.join(work, 'x.json'))).rejects.toMatchObject(
      refusal('exists'),
    )
    await checkWriteTarget(path.join(work, 'x.json'), { replaceIf: () => true })
  })

  it('refuses a target outside the root', async () => {
    await expect(
      writeFileAtomic(path.join(outside, 'x.md'), 'x', { root: work }),
    ).rejects.toBeInstanceOf(WriteRefusedError)
    expect(await readdir(outside)).toEqual(['secret.txt'])
  })
})

describe('writeFileAtomic writes', () => {
  it('text, bytes, and sync and async iterables of chunks', async () => {
    const target = path.join(work, 'a', 'b.txt')
    await writeFileAtomic(target, 'text')
    expect(await readFile(target, 'utf8')).toBe('text')
    await writeFileAtomic(target, Uint8Array.from([98, 121, 116, 101, 115]), { force: true })
    expect(await readFile(target, 'utf8')).toBe('bytes')
    await writeFileAtomic(target, ['a', Uint8Array.from([98]), 'c'], { force: true })
    expect(await readFile(target, 'utf8')).toBe('abc')
    async function* lines(): AsyncGenerator<string> {
      for (let index = 0; index < 3000; index++) yield `${index}\n`
    }
    await writeFileAtomic(target, lines(), { force: true })
    expect((await readFile(target, 'utf8')).split('\n')).toHaveLength(3001)
    expect(await readdir(path.dirname(target))).toEqual(['b.txt'])
  })

  it('never replaces an existing file without force, the ledger or a mark', async () => {
    const target = path.join(work, 'notes.md')
    await writeFile(target, 'mine')
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject(refusal('exists'))
    await expect(writeFileAtomic(target, 'x', { ledger: true })).rejects.toMatchObject(
      refusal('exists'),
    )
    await expect(
      writeFileAtomic(target, 'x', { replaceIf: (bytes) => bytes.length === 0 }),
    ).rejects.toMatchObject(refusal('exists'))
    expect(await readFile(target, 'utf8')).toBe('mine')
    await writeFileAtomic(target, 'marked', { replaceIf: (bytes) => bytes.length === 4 })
    expect(await readFile(target, 'utf8')).toBe('marked')
  })

  it('regenerates its own output through the ledger, not one edited since', async () => {
    const target = path.join(work, 'out', 'report.md')
    await writeFileAtomic(target, 'one', { ledger: true })
    await writeFileAtomic(target, 'two', { ledger: true })
    expect(await readFile(target, 'utf8')).toBe('two')
    await writeFile(target, 'edited')
    await expect(writeFileAtomic(target, 'three', { ledger: true })).rejects.toMatchObject(
      refusal('exists'),
    )
    expect((await stat(path.join(work, 'out', '.realist-kb-outputs.json'))).isFile()).toBe(true)
  })
})
