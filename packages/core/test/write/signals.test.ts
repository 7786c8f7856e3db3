import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { writeFileAtomic } from '@realist-kb/core/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

// Real processes killed mid-write: the temporary file must not outlive them (SIGTERM, SIGINT),
// or must be swept by the next run (SIGKILL, which no process can catch).

const repository = path.resolve(import.meta.dirname, '../../../..')
const writer = path.join(import.meta.dirname, 'slow-writer.ts')
// Node itself, with tsx loaded in it: a wrapper process would turn the signal into an exit code.
const node = (...args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', '--conditions=source', ...args], {
    cwd: repository,
    stdio: 'ignore',
  })

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'rkb-signals-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

function startWriter(target: string): ChildProcess {
  return node(writer, target)
}

/** Wait until a temporary file of at least `size` bytes exists in the folder; its name. */
async function temporaryOfAtLeast(size: number): Promise<string> {
  for (;;) {
    for (const name of await readdir(folder)) {
      const info = await stat(path.join(folder, name)).catch(() => undefined)
      if (name.endsWith('.tmp') && info !== undefined && info.size >= size) return name
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)))
}

describe('a write killed by a signal', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`removes its temporary file on ${signal}, and the process still ends by the signal`, async () => {
      const child = startWriter(path.join(folder, 'report.csv'))
      const ended = exited(child)
      expect(await temporaryOfAtLeast(4 * 1024 * 1024)).toMatch(/^\.report\.csv\.rkb-\d+-/)
      child.kill(signal)
      expect(await ended).toBe(signal)
      expect(await readdir(folder)).toEqual([])
    }, 60_000)
  }

  it('leaves a temporary file on SIGKILL that the next run sweeps', async () => {
    const child = startWriter(path.join(folder, 'report.csv'))
    const ended = exited(child)
    const leftover = await temporaryOfAtLeast(2 * 1024 * 1024)
    child.kill('SIGKILL')
    expect(await ended).toBe('SIGKILL')
    expect(await readdir(folder)).toEqual([leftover])
    // The next run: a process that started after the killed one wrote its last byte.
    const next = node(
      '-e',
      `import('@realist-kb/core/node').then((m) => m.writeFileAtomic(${JSON.stringify(path.join(folder, 'other.txt'))}, 'next'))`,
    )
    expect(await exited(next)).toBe(0)
    expect(await readdir(folder)).toEqual(['other.txt'])
  }, 60_000)

  it('keeps the temporary file of a run that is still writing', async () => {
    const child = startWriter(path.join(folder, 'report.csv'))
    const ended = exited(child)
    const live = await temporaryOfAtLeast(1024 * 1024)
    await writeFileAtomic(path.join(folder, 'other.txt'), 'meanwhile')
    expect(await readdir(folder)).toContain(live)
    child.kill('SIGTERM')
    await ended
  }, 60_000)
})
