import { spawn } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { memoryIo } from '../cli-io.js'

// Runs writing to one folder at once used to lose entries of the outputs ledger (read, change,
// write back, without a lock): a later plain run was then refused as "existing file".

const repository = path.resolve(import.meta.dirname, '../../../..')
const child = path.join(import.meta.dirname, 'concurrent-reports.ts')
const runs = 4
const reportsPerRun = 6

let work: string
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'rkb-ledger-'))
  await cp(path.join(repository, 'packages/core/test/fixtures/valid'), path.join(work, 'content'), {
    recursive: true,
  })
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

it('keeps every entry when several processes write to one folder at once', async () => {
  // Start together once every process has loaded its modules.
  const startAt = Date.now() + 4000
  const exits = Array.from({ length: runs }, (_, run) => {
    const process_ = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=source',
        child,
        work,
        `run${run}`,
        String(reportsPerRun),
        String(startAt),
      ],
      { cwd: repository, stdio: ['ignore', 'ignore', 'inherit'] },
    )
    return new Promise<number | null>((resolve) => process_.once('exit', resolve))
  })
  expect(await Promise.all(exits)).toEqual(Array(runs).fill(0))

  const outputs = (await readdir(path.join(work, 'out'))).filter((name) => name.endsWith('.md'))
  expect(outputs).toHaveLength(runs * reportsPerRun)
  const ledger = JSON.parse(
    await readFile(path.join(work, 'out/.realist-kb-outputs.json'), 'utf8'),
  ) as { files: Record<string, string> }
  expect(Object.keys(ledger.files).sort()).toEqual(outputs.sort())
  // No lock or temporary file left behind.
  expect((await readdir(path.join(work, 'out'))).sort()).toEqual(
    ['.realist-kb-outputs.json', ...outputs].sort(),
  )
  // Every output is realist-kb's own: a plain re-run regenerates it.
  for (const name of outputs)
    expect(
      await main(['report', 'content', '--format', 'md', '--out', `out/${name}`], memoryIo(work)),
    ).toBe(0)
}, 120_000)
