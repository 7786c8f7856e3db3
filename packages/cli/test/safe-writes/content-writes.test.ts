import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exitCodes, main } from '@realist-kb/cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryIo } from '../cli-io.js'
import { errno, recordWrites, withFsOverrides } from './fs-hooks.js'

let work: string
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'rkb-content-writes-'))
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

const run = (args: string[]): Promise<number> => main(args, memoryIo(work))
const isInside = (folder: string, file: string): boolean =>
  file === folder ||
  file.startsWith(`${folder}${path.sep}`) ||
  folder.startsWith(`${file}${path.sep}`)

// Records whose names and keys would make paths if ids were not made safe first.
const hostileBibtex = `
@article{../../etc/passwd,
  author = {{../../../etc/passwd} and Doe, Jane},
  title = {Traversal in the author},
  year = {2020}
}
@article{x,
  author = {{..}},
  title = {Dots only},
  year = {2021}
}
@article{y,
  author = {{C:\\\\Windows\\\\System32}},
  title = {A Windows path},
  year = {2022}
}
@article{z,
  author = {{/absolute/path}},
  title = {An absolute path},
  year = {../2023}
}
`

describe('new, import, migrate and schema write only where they say', () => {
  it('new: a path-like id is refused and nothing is written', async () => {
    for (const id of [
      '../x',
      '../../etc/passwd',
      '/tmp/x',
      'a/b',
      '..',
      'C:\\x',
      'Cmoc-1a',
      'caf\u00e9',
    ]) {
      const { result, written } = await recordWrites(() =>
        run(['new', 'audience', id, '--dir', 'kb']),
      )
      expect([id, result]).toEqual([id, 2])
      expect(written).toEqual([])
    }
    expect(await readdir(work)).toEqual([])
  })

  it('new: writes one file, in its kind folder under --dir', async () => {
    const { result, written } = await recordWrites(() =>
      run(['new', 'audience', 'public', '--dir', 'kb']),
    )
    expect(result).toBe(0)
    for (const file of written)
      expect(isInside(path.join(work, 'kb', 'audiences'), file), file).toBe(true)
    expect(await readdir(path.join(work, 'kb', 'audiences'))).toEqual(['public.md'])
  })

  it('import: names from records never leave <dir>/studies', async () => {
    await writeFile(path.join(work, 'refs.bib'), hostileBibtex)
    const { result, written } = await recordWrites(() => run(['import', 'refs.bib', '--dir', 'kb']))
    expect(result).toBeLessThan(2)
    const studies = path.join(work, 'kb', 'studies')
    for (const file of written) expect(isInside(studies, file), file).toBe(true)
    const created = await readdir(studies)
    expect(created.length).toBeGreaterThan(0)
    for (const name of created) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.md$/)
  })

  it('import: an existing study file is never replaced', async () => {
    await writeFile(
      path.join(work, 'refs.bib'),
      '@article{a, author = {Doe, Jane}, title = {T}, year = {2020}}\n',
    )
    await mkdir(path.join(work, 'kb', 'studies'), { recursive: true })
    // A file the loader cannot read keeps its name taken, and is left as it is.
    await writeFile(path.join(work, 'kb', 'studies', 'doe-2020.md'), 'my draft, not yet valid')
    await run(['import', 'refs.bib', '--dir', 'kb'])
    expect(await readFile(path.join(work, 'kb', 'studies', 'doe-2020.md'), 'utf8')).toBe(
      'my draft, not yet valid',
    )
  })

  it('migrate: writes nothing without --write, and only inside <dir> with it', async () => {
    await mkdir(path.join(work, 'kb', 'constructs'), { recursive: true })
    await mkdir(path.join(work, 'kb', 'cmocs'))
    await writeFile(path.join(work, 'kb', 'constructs', 'g.md'), '---\nkind: construct\n---\n')
    await writeFile(path.join(work, 'kb', 'cmocs', 'c.md'), '---\nkind: cmoc\nconstruct: g\n---\n')
    const dry = await recordWrites(() => run(['migrate', 'kb']))
    expect(dry.result).toBe(0)
    expect(dry.written).toEqual([])
    const { result, written } = await recordWrites(() => run(['migrate', 'kb', '--write']))
    expect(result).toBe(0)
    expect(written.length).toBeGreaterThan(0)
    for (const file of written) expect(isInside(path.join(work, 'kb'), file), file).toBe(true)
  })

  it('schema: writes only into --out, and a failed replace leaves that file as it was', async () => {
    const { result, written } = await recordWrites(() => run(['schema', '--out', 'schemas']))
    expect(result).toBe(0)
    for (const file of written) expect(isInside(path.join(work, 'schemas'), file), file).toBe(true)
    // Older files that differ from what a run writes, so that a replaced file shows.
    const fresh: Record<string, string> = {}
    const names = (await readdir(path.join(work, 'schemas'))).sort()
    for (const name of names) {
      fresh[name] = await readFile(path.join(work, 'schemas', name), 'utf8')
      await writeFile(path.join(work, 'schemas', name), 'previous\n')
    }
    const io = memoryIo(work)
    const failing = withFsOverrides(
      {
        rename: (original, ...rest) =>
          String(rest[1]).endsWith('cmoc.schema.json')
            ? Promise.reject(errno('EIO', 'i/o error'))
            : original(...rest),
      },
      // --force: the older files no longer carry the marker of generated files.
      () => main(['schema', '--out', 'schemas', '--force'], io),
    )
    // A failure of the file system itself is not the user's doing: an internal error, one line.
    expect(await failing).toBe(exitCodes.internal)
    expect(io.err()).toMatch(/^realist-kb schema: internal error: .*EIO/)
    // No temporary file is left; the file whose replace failed is untouched; every other file is
    // either the old one or the new one, whole.
    expect((await readdir(path.join(work, 'schemas'))).sort()).toEqual(names)
    for (const name of names) {
      const now = await readFile(path.join(work, 'schemas', name), 'utf8')
      if (name === 'cmoc.schema.json') expect(now).toBe('previous\n')
      else expect([fresh[name], 'previous\n'], name).toContain(now)
    }
  })
})
