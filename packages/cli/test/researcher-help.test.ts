import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main, mainHelp } from '@realist-kb/cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

const commands = ['import', 'new', 'schema', 'show', 'stats', 'watch', 'migrate'] as const

/** Each command's options besides --help and --debug, which every command takes. */
const options: Readonly<Record<(typeof commands)[number], readonly string[]>> = {
  import: ['--dir', '--from', '--dry-run', '--format', '--write'],
  new: ['--dir'],
  schema: ['--out', '--force'],
  show: ['--format', '--no-cache'],
  stats: ['--format', '--no-cache'],
  watch: ['--debounce', '--no-cache'],
  migrate: ['--write', '--format'],
}

let work: string
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-help-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('researcher commands: help and usage errors', () => {
  it('lists every command in the top-level help', () => {
    for (const name of commands) expect(mainHelp()).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
  })

  for (const name of commands) {
    it(`${name} --help documents exactly the options it accepts, and exits 0`, async () => {
      const io = memoryIo(work)
      expect(await main([name, '--help'], io)).toBe(0)
      const help = io.out()
      expect(help).toMatch(new RegExp(`^Usage: realist-kb ${name}`))
      expect(help).toContain('-h, --help')
      expect(help).toMatch(/Exit codes: 0 /)
      const short = memoryIo(work)
      expect(await main([name, '-h'], short)).toBe(0)
      expect(short.out()).toBe(help)
      // The options the help lists are the options the command accepts.
      const listed = [...help.matchAll(/^ {2}(?:-[a-z], )?(--[a-z-]+)/gm)].map((m) => m[1] ?? '')
      expect(listed.sort()).toEqual([...options[name], '--help', '--debug'].sort())
      for (const option of options[name]) {
        const probe = memoryIo(work)
        await main([name, option], probe)
        expect(probe.err()).not.toContain('Unknown option')
      }
    })

    it(`${name} exits 2 on an unknown option, with the message and its help on stderr`, async () => {
      const io = memoryIo(work)
      expect(await main([name, '--no-such-option'], io)).toBe(2)
      expect(io.err()).toMatch(new RegExp(`^realist-kb ${name}: Unknown option '--no-such-option'`))
      expect(io.err()).toContain(`Usage: realist-kb ${name}`)
      expect(io.out()).toBe('')
    })
  }

  it('exits 2 on bad option values', async () => {
    const cases: string[][] = [
      ['import', 'refs.bib', '--from', 'word'],
      ['stats', '--format', 'xml'],
      ['show', 'x', '--format', 'yaml'],
      ['watch', '--debounce', '-5'],
      ['stats', 'no-such-folder'],
      ['show'],
      ['new', 'cmoc'],
    ]
    for (const args of cases) expect([args, await main(args, memoryIo(work))]).toEqual([args, 2])
  })
})
