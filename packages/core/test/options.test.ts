import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadFromMemory, parseFile } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'

const file = { path: 'audiences/a.md', text: '---\nkind: audience\nname: A\n---\n' }

async function thrownBy(work: () => unknown): Promise<Error> {
  try {
    await work()
  } catch (error) {
    return error as Error
  }
  throw new Error('Unexpected success, expected an error')
}

describe('library options are checked', () => {
  const badLimits: unknown[] = [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY, '10', null]
  for (const value of badLimits) {
    it(`refuses a limit of ${String(value)} with InvalidOptionsError`, async () => {
      for (const name of ['maxFileSize', 'maxLineLength']) {
        const options = { [name]: value } as never
        expect((await thrownBy(() => parseFile(file, options))).name).toBe('InvalidOptionsError')
        expect((await thrownBy(() => loadFromMemory([], options))).name).toBe('InvalidOptionsError')
      }
      const error = await thrownBy(() => loadDirectory('.', { maxFileBytes: value as number }))
      expect(error.name).toBe('InvalidOptionsError')
      expect(error.message).toMatch(/^Unexpected `maxFileBytes: .*`, expected a whole number/)
    })
  }

  it('refuses an empty cache folder instead of writing into the working folder', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'rkb-options-'))
    const content = path.join(work, 'content')
    await mkdir(path.join(content, 'audiences'), { recursive: true })
    await writeFile(path.join(content, 'audiences/a.md'), file.text)
    const cwd = process.cwd()
    try {
      process.chdir(work)
      for (const cacheDirectory of ['', '  ']) {
        const error = await thrownBy(() => loadDirectory(content, { cacheDirectory }))
        expect(error.name).toBe('InvalidOptionsError')
      }
      expect((await readdir(work)).sort()).toEqual(['content'])
    } finally {
      process.chdir(cwd)
      await rm(work, { recursive: true, force: true })
    }
  })

  it('accepts the limits of a normal load, zero included', () => {
    expect(parseFile(file, { maxFileSize: 0, maxLineLength: 0, fastPath: false }).path).toBe(
      file.path,
    )
  })
})
