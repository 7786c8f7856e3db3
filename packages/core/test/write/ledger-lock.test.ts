import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { writeFileAtomic } from '@realist-kb/core/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

// The ledger is changed under a lock file; a lock left by a run that was killed must not block
// every later run.

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'rkb-lock-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

const lock = (): string => path.join(folder, '.realist-kb-outputs.json.lock')
const ledger = async (): Promise<string[]> =>
  Object.keys(
    (
      JSON.parse(await readFile(path.join(folder, '.realist-kb-outputs.json'), 'utf8')) as {
        files: Record<string, string>
      }
    ).files,
  )

describe('the ledger lock', () => {
  it('breaks a lock whose holder is gone (killed), and records the write', async () => {
    // The id of a process that has certainly ended.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid
    await writeFile(lock(), `${gone} ${Date.now()}\n`)
    await writeFileAtomic(path.join(folder, 'a.md'), 'a', { ledger: true })
    expect(await ledger()).toEqual(['a.md'])
    expect(await readdir(folder)).toEqual(['.realist-kb-outputs.json', 'a.md'])
  })

  it('breaks a lock older than 30 s even if its holder still runs', async () => {
    await writeFile(lock(), `${process.ppid} ${Date.now() - 60_000}\n`)
    await writeFileAtomic(path.join(folder, 'b.md'), 'b', { ledger: true })
    expect(await ledger()).toEqual(['b.md'])
  })

  it('serialises writes of one process to one folder', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        writeFileAtomic(path.join(folder, `${index}.md`), String(index), { ledger: true }),
      ),
    )
    expect(await ledger()).toHaveLength(20)
  })

  it('refuses a lock that is not a regular file', async () => {
    await mkdir(lock())
    await expect(
      writeFileAtomic(path.join(folder, 'c.md'), 'c', { ledger: true }),
    ).rejects.toMatchObject({ name: 'WriteRefusedError', reason: 'not-a-file' })
  })
})
