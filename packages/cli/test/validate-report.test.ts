import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

const root = path.resolve(import.meta.dirname, '../../..')
const fixtures = path.join(root, 'packages/core/test/fixtures')

describe('realist-kb validate', () => {
  it('exits 0 and says so on a valid base', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['validate', 'valid'], io)).toBe(0)
    expect(io.out()).toBe('no issues found\n')
  })

  it('exits 1 on errors and prints the reporter grid with a summary line', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['validate', 'dangling-reference', '--no-hints'], io)).toBe(1)
    expect(io.out()).toMatchInlineSnapshot(`
      "dangling-reference/cmocs/cmoc-1a.md
        14:16-14:27  error  Unexpected reference \`rec-1-2\`, expected the id of an entity  dangling-reference RKB201

      dangling-reference/recommendations/rec-1-1.md
        1:1       warning  Unexpected recommendation \`rec-1-1\` without CMOCs, expected at least one CMOC in \`cmocs\`  recommendation-without-cmoc RKB301
        9:9-9:16  error    Unexpected reference \`cmoc-1x\`, expected the id of a cmoc  dangling-reference RKB201

      3 messages (2 errors, 1 warning)
      "
    `)
  })

  it('prints JSON with --format json', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['validate', 'single-study-cmoc', '--format', 'json'], io)).toBe(0)
    const output = JSON.parse(io.out()) as {
      version: number
      errors: number
      warnings: number
      diagnostics: { name: string; line: number }[]
    }
    expect(output).toMatchObject({ version: 1, errors: 0, warnings: 1 })
    expect(output.diagnostics[0]).toMatchObject({
      name: 'single-study-cmoc',
      code: 'RKB303',
      file: 'cmocs/cmoc-1a.md',
      line: 1,
    })
  })

  it('exits 2 on usage errors, with the command help', async () => {
    for (const args of [
      ['validate', '--format', 'xml', 'valid'],
      ['validate', 'no-such-folder'],
      ['validate', '--bogus'],
      ['validate', 'a', 'b'],
      ['nonsense'],
      [],
    ]) {
      const io = memoryIo(fixtures)
      expect(await main(args, io), args.join(' ')).toBe(2)
      expect(io.err() + io.out()).toMatch(/Usage: realist-kb/)
    }
  })

  it('documents every option in --help', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['validate', '--help'], io)).toBe(0)
    for (const option of ['--format', '--quiet', '--no-hints', '--no-cache', '--help'])
      expect(io.out()).toContain(option)
  })

  it('gives the same result through its cache (node_modules/.cache) as without it', async () => {
    const outputs: string[] = []
    for (const args of [['--no-cache'], [], []]) {
      const io = memoryIo(root)
      expect(await main(['validate', 'content', '--format', 'json', ...args], io)).toBe(0)
      outputs.push(io.out())
    }
    expect(new Set(outputs).size).toBe(1)
    const cached = await readdir(path.join(root, 'node_modules/.cache/realist-kb'))
    expect(cached.some((file) => file.endsWith('.kb.json'))).toBe(true)
  })
})

describe('realist-kb report', () => {
  let out: string
  beforeEach(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'rkb-report-'))
  })
  afterEach(async () => {
    await rm(out, { recursive: true, force: true })
  })

  it('writes each format, and regenerates its own output', async () => {
    for (const format of ['html', 'md', 'json', 'csv', 'gap-map']) {
      const target = path.join(out, `report.${format}`)
      for (let run = 0; run < 2; run++) {
        const io = memoryIo(root)
        expect(
          await main(['report', 'content', '--format', format, '--out', target], io),
          `${format} run ${run}`,
        ).toBe(0)
      }
      expect((await readFile(target, 'utf8')).length).toBeGreaterThan(1000)
    }
  })

  it('refuses to overwrite a file it did not create, unless --force', async () => {
    const target = path.join(out, 'mine.html')
    await writeFile(target, 'my notes')
    const io = memoryIo(root)
    expect(await main(['report', 'content', '--out', target], io)).toBe(2)
    expect(io.err()).toMatch(/Unexpected existing file/)
    expect(await readFile(target, 'utf8')).toBe('my notes')
    expect(await main(['report', 'content', '--out', target, '--force'], memoryIo(root))).toBe(0)
    expect(await readFile(target, 'utf8')).toMatch(/^<!doctype html>/)
  })

  it('refuses to overwrite its own output once it has been edited', async () => {
    const target = path.join(out, 'report.md')
    expect(
      await main(['report', 'content', '--format', 'md', '--out', target], memoryIo(root)),
    ).toBe(0)
    await writeFile(target, `${await readFile(target, 'utf8')}\nA note added by hand.\n`)
    expect(
      await main(['report', 'content', '--format', 'md', '--out', target], memoryIo(root)),
    ).toBe(2)
    expect(await readFile(target, 'utf8')).toContain('A note added by hand.')
  })

  it('prints to stdout without --out, and exits 1 when the base has errors', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['report', 'dangling-reference', '--format', 'json'], io)).toBe(1)
    expect(JSON.parse(io.out())).toMatchObject({ formatVersion: 2, diagnostics: { errors: 2 } })
  })

  it('shows progress when asked', async () => {
    const io = memoryIo(root)
    expect(
      await main(
        ['report', 'content', '--format', 'csv', '--out', path.join(out, 'r.csv'), '--progress'],
        io,
      ),
    ).toBe(0)
    expect(io.err()).toMatch(/\[1\/4\] loading content[\s\S]*\[4\/4\] writing/)
  })

  it('exits 2 on usage errors and documents every option', async () => {
    expect(await main(['report', '--format', 'pdf'], memoryIo(root))).toBe(2)
    expect(await main(['report', '--out', ''], memoryIo(root))).toBe(2)
    const io = memoryIo(root)
    expect(await main(['report', '--help'], io)).toBe(0)
    for (const option of [
      '--format',
      '--out',
      '--force',
      '--progress',
      '--no-cache',
      '--help',
      'gap-map',
    ])
      expect(io.out()).toContain(option)
  })
})
