import { spawn } from 'node:child_process'
import path from 'node:path'
import { exitCodes, main } from '@realist-kb/cli'
import { ContentFolder } from '@realist-kb/core/node'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryIo } from './cli-io.js'

const root = path.resolve(import.meta.dirname, '../../..')
const fixtures = path.join(root, 'packages/core/test/fixtures')

afterEach(() => {
  vi.restoreAllMocks()
})

describe('exit codes', () => {
  it('0 when the content has no errors', async () => {
    expect(await main(['validate', 'valid'], memoryIo(fixtures))).toBe(exitCodes.ok)
  })

  it('1 when the content has errors', async () => {
    expect(await main(['validate', 'dangling-reference'], memoryIo(fixtures))).toBe(
      exitCodes.contentErrors,
    )
  })

  it('2 for a usage error, with the message and the help on stderr', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['stats', '--format', 'xml', 'valid'], io)).toBe(exitCodes.usage)
    expect(io.err()).toMatch(
      /^realist-kb stats: Unexpected --format `xml`, expected one of text, json\n\nUsage: realist-kb stats/,
    )
    expect(io.out()).toBe('')
  })

  it(`${exitCodes.internal} for an internal failure: one line, the stack only with --debug`, async () => {
    vi.spyOn(ContentFolder, 'open').mockRejectedValue(new TypeError('a bug\nsecond line'))
    const io = memoryIo(fixtures)
    expect(await main(['validate', 'valid'], io)).toBe(exitCodes.internal)
    expect(exitCodes.internal).not.toBe(exitCodes.contentErrors)
    expect(io.err()).toBe(
      'realist-kb validate: internal error: a bug (run with --debug for the stack trace)\n',
    )
    const debug = memoryIo(fixtures)
    expect(await main(['validate', 'valid', '--debug'], debug)).toBe(exitCodes.internal)
    expect(debug.err()).toMatch(
      /^realist-kb validate: internal error: TypeError: a bug\nsecond line\n {4}at /,
    )
  })
})

describe('did you mean', () => {
  it('suggests the closest command', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['valdate', 'valid'], io)).toBe(exitCodes.usage)
    expect(io.err()).toMatch(
      /^realist-kb: Unexpected command `valdate`, expected a command \(did you mean `validate`\?\)\n/,
    )
  })

  it('suggests the closest option of the command', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['report', 'valid', '--fromat', 'md'], io)).toBe(exitCodes.usage)
    expect(io.err()).toMatch(
      /^realist-kb report: Unknown option '--fromat' \(did you mean `--format`\?\)\n/,
    )
  })

  it('suggests the closest value of an option, from the exporter registry', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['export', 'valid', '--format', 'graphlm'], io)).toBe(exitCodes.usage)
    expect(io.err()).toContain('Unexpected --format `graphlm`, expected one of gexf, graphml')
    expect(io.err()).toContain('(did you mean `graphml`?)')
  })

  it('says nothing when nothing is close', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['zzzzzzzz'], io)).toBe(exitCodes.usage)
    expect(io.err()).not.toContain('did you mean')
  })
})

describe('the realist-kb process', () => {
  it('ends quietly with 0 when its reader stops early (`| head`)', {
    timeout: 60_000,
  }, async () => {
    // The HTML report of the bundled review is several times a pipe's buffer: writing it into a
    // pipe that closed after the first chunk fails with EPIPE.
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'report', 'content'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += String(chunk)
    })
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
