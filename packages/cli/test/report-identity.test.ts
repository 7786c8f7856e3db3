import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

const fixture = path.join(import.meta.dirname, 'fixtures', 'small-kb')
const { version } = JSON.parse(
  await readFile(path.join(import.meta.dirname, '../package.json'), 'utf8'),
) as { version: string }

let work: string
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-identity-'))
  await cp(fixture, path.join(work, 'one'), { recursive: true })
  await cp(fixture, path.join(work, 'two'), { recursive: true })
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

async function report(folder: string, format: string): Promise<string> {
  const io = memoryIo(work)
  expect(await main(['report', folder, '--format', format, '--no-cache'], io)).toBe(0)
  return io.out()
}

const hashIn = (text: string): string | undefined => /sha256:[0-9a-f]{64}/.exec(text)?.[0]

describe('a report names the tool version and the content it was built from', () => {
  it('in the same bytes for the same content, and another hash after one changed byte', async () => {
    for (const format of ['html', 'md', 'json']) {
      const first = await report('one', format)
      if (format !== 'json')
        expect(first, format).toContain(`Built by realist-kb ${version} from content sha256:`)
      expect(hashIn(first), format).toBeDefined()
      // Another run on a copy in another folder: byte for byte the same (no date, no path).
      expect(await report('two', format), format).toBe(first)
    }
    const json = JSON.parse(await report('one', 'json')) as Record<string, unknown>
    expect(json.generatorVersion).toBe(version)
    expect(json.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/)

    const file = path.join(work, 'two', 'studies', 'doe-2020.md')
    const bytes = Buffer.from(await readFile(file))
    // `valued` becomes `vamued`: one byte, the base as valid as before.
    const at = bytes.indexOf('valued') + 2
    bytes[at] = (bytes[at] ?? 0) + 1
    await writeFile(file, bytes)
    for (const format of ['html', 'md', 'json']) {
      const before = hashIn(await report('one', format))
      const after = hashIn(await report('two', format))
      expect(after, format).toBeDefined()
      expect(after, format).not.toBe(before)
    }
  })
})
