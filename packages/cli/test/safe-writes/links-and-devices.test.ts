import { execFileSync } from 'node:child_process'
import {
  cp,
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
import { main } from '@realist-kb/cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryIo } from '../cli-io.js'

// The command line's writers against links, devices, FIFOs and terminals made in the test:
// every one refused with a clear message, nothing written outside, nothing read through a link.

const repository = path.resolve(import.meta.dirname, '../../../..')
const valid = path.join(repository, 'packages/core/test/fixtures/valid')

let work: string
let outside: string
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'rkb-links-'))
  outside = await mkdtemp(path.join(tmpdir(), 'rkb-outside-'))
  await cp(valid, path.join(work, 'content'), { recursive: true })
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

async function run(args: string[]): Promise<{ code: number; err: string }> {
  const io = memoryIo(work)
  const code = await main(args, io)
  return { code, err: io.err() }
}
const report = (out: string, ...extra: string[]): string[] => [
  'report',
  'content',
  '--format',
  'md',
  '--out',
  out,
  ...extra,
]

describe('--out refusals', () => {
  it('a trailing slash: refused, no file named after the folder', async () => {
    const { code, err } = await run(report('out/'))
    expect(code).toBe(2)
    expect(err).toMatch(/Unexpected path `.*out\/` ending in a separator, expected a file name/)
    expect(await readdir(work)).toEqual(['content'])
  })

  it("the outputs ledger's own name: refused, the ledger kept", async () => {
    expect((await run(report('out/r.md'))).code).toBeLessThan(2)
    const ledger = await readFile(path.join(work, 'out/.realist-kb-outputs.json'), 'utf8')
    for (const force of [[], ['--force']]) {
      const { code, err } = await run(report('out/.realist-kb-outputs.json', ...force))
      expect(code).toBe(2)
      expect(err).toContain("naming realist-kb's own ledger of outputs")
    }
    expect(await readFile(path.join(work, 'out/.realist-kb-outputs.json'), 'utf8')).toBe(ledger)
  })

  it('a device (a copy of /dev/null where the folder is writable), with --force: it stays a device', async (context) => {
    if (process.getuid?.() !== 0) context.skip('making a device node needs root')
    await mkdir(path.join(work, 'out'))
    const device = path.join(work, 'out/null')
    execFileSync('mknod', [device, 'c', '1', '3'])
    const { code, err } = await run(report('out/null', '--force'))
    expect(code).toBe(2)
    expect(err).toContain('Unexpected device at')
    expect((await lstat(device)).isCharacterDevice()).toBe(true)
    expect(await readdir(path.join(work, 'out'))).toEqual(['null'])
  })

  it('/dev/null and /dev/stdout themselves, with --force', async () => {
    for (const target of ['/dev/null', '/dev/stdout']) {
      const { code } = await run(report(target, '--force'))
      expect(code).toBe(2)
    }
    expect((await lstat('/dev/null')).isCharacterDevice()).toBe(true)
  })

  it.each([
    ['/dev/zero', () => '/dev/zero'],
    ['/dev/stdout', () => '/dev/stdout'],
    ['a terminal', () => '/dev/tty'],
    ['a folder outside', () => outside],
  ])('a link to %s: refused at once, with and without --force', async (_what, to) => {
    await mkdir(path.join(work, 'out'))
    await symlink(to(), path.join(work, 'out/r.md'))
    for (const force of [[], ['--force']]) {
      const { code, err } = await run(report('out/r.md', ...force))
      expect(code).toBe(2)
      expect(err).toContain('Unexpected link at')
    }
    expect((await lstat(path.join(work, 'out/r.md'))).isSymbolicLink()).toBe(true)
    expect(await readdir(outside)).toEqual([])
  })

  it('a link to a FIFO, or a FIFO: refused without hanging', async (context) => {
    const fifo = path.join(outside, 'pipe')
    try {
      execFileSync('mkfifo', [fifo])
    } catch {
      context.skip('mkfifo is not available on this system')
    }
    await mkdir(path.join(work, 'out'))
    await symlink(fifo, path.join(work, 'out/r.md'))
    for (const out of ['out/r.md', fifo])
      for (const command of [report(out), ['export', 'content', '--format', 'json', '--out', out]])
        expect((await run(command)).code).toBe(2)
    expect((await lstat(fifo)).isFIFO()).toBe(true)
  })
})

describe('schema --out refusals', () => {
  it('a dangling link, without and with --force: left a link, nothing written', async () => {
    await mkdir(path.join(work, 'schemas'))
    await symlink(path.join(outside, 'made-by-link'), path.join(work, 'schemas/study.schema.json'))
    for (const force of [[], ['--force']]) {
      const { code, err } = await run(['schema', '--out', 'schemas', ...force])
      expect(code).toBe(2)
      expect(err).toContain('Unexpected link at')
    }
    expect(await readdir(outside)).toEqual([])
    expect(await readdir(path.join(work, 'schemas'))).toEqual(['study.schema.json'])
  })

  it('a link to /dev/zero: refused before anything is read', async () => {
    await mkdir(path.join(work, 'schemas'))
    await symlink('/dev/zero', path.join(work, 'schemas/index.json'))
    const { code, err } = await run(['schema', '--out', 'schemas'])
    expect(code).toBe(2)
    expect(err).toContain('Unexpected link at')
  })
})

describe('import and new through a kind folder that is a link out of the content folder', () => {
  const bibtex =
    '@article{doe,\n  author = {Doe, Jane},\n  title = {A study},\n  year = {2020}\n}\n'

  it('import: every record refused, nothing written outside', async () => {
    await rm(path.join(work, 'content/studies'), { recursive: true, force: true })
    await symlink(outside, path.join(work, 'content/studies'))
    await writeFile(path.join(work, 'refs.bib'), bibtex)
    const io = memoryIo(work)
    const code = await main(['import', 'refs.bib', '--dir', 'content'], io)
    expect(code).toBe(1)
    expect(io.out()).toMatch(/Unexpected link `.*studies` to `.*`, expected a folder inside/)
    expect(await readdir(outside)).toEqual([])
  })

  it('new: refused, nothing written outside', async () => {
    await rm(path.join(work, 'content/audiences'), { recursive: true, force: true })
    await symlink(outside, path.join(work, 'content/audiences'))
    const { code, err } = await run(['new', 'audience', 'carers', '--dir', 'content'])
    expect(code).toBe(2)
    expect(err).toMatch(/Unexpected link `.*audiences`/)
    expect(await readdir(outside)).toEqual([])
  })
})
