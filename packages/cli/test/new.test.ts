import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { type EntityKind, entityKinds, kindFolders } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

let work: string
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-new-'))
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

async function create(kind: string, id: string): Promise<[number, string, string]> {
  const io = memoryIo(work)
  const code = await main(['new', kind, id, '--dir', 'kb'], io)
  return [code, io.out(), io.err()]
}

describe('realist-kb new', () => {
  // Kinds in an order where each one's references already exist when it is created.
  const order: [EntityKind, string][] = [
    ['review', 'my-review'],
    ['group', 'coherence'],
    ['audience', 'public'],
    ['study', 'doe-2024'],
    ['cmoc', 'cmoc-1a'],
    ['recommendation', 'rec-1-1'],
    ['evidence', 'doe-2024-quote'],
  ]

  it('covers every kind', () => {
    expect(order.map(([kind]) => kind).sort()).toEqual([...entityKinds].sort())
  })

  it('writes a template for every kind that loads with no error of its own', async () => {
    for (const [kind, id] of order) {
      const [code, out] = await create(kind, id)
      const file = kind === 'review' ? 'review.md' : `${kindFolders[kind]}/${id}.md`
      expect([kind, code]).toEqual([kind, 0])
      expect(out).toContain(`created kb/${file}\n`)
      const kb = await loadDirectory(path.join(work, 'kb'))
      const own = kb.diagnostics.filter((d) => d.file === file)
      expect(own.filter((d) => d.severity === 'error')).toEqual([])
      expect(kb.graph.getNodeAttributes(id).kind).toBe(kind)
    }
    const kb = await loadDirectory(path.join(work, 'kb'))
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const validate = memoryIo(work)
    expect(await main(['validate', 'kb'], validate)).toBe(0)
    // Only the gaps a new base has on purpose: links to evidence and CMOCs are the researcher's.
    expect(validate.out()).toContain('2 messages (2 warnings)\n')
    expect(validate.out()).toContain('single-study-cmoc')
    expect(validate.out()).toContain('recommendation-without-cmoc')
    const cmoc = await readFile(path.join(work, 'kb/cmocs/cmoc-1a.md'), 'utf8')
    expect(cmoc).toContain('group: coherence # TODO: check: the group this CMOC belongs to\n')
  })

  it('tells what to create first when a template would refer to nothing', async () => {
    const [code, , err] = await create('evidence', 'doe-2024-quote')
    expect(code).toBe(2)
    expect(err).toContain(
      'Unexpected `new evidence` before any study exists, expected a study to refer to: run `realist-kb new study <id>` first',
    )
  })

  it('writes a CMOC and a recommendation in a review without groups or audiences', async () => {
    expect((await create('cmoc', 'cmoc-1'))[0]).toBe(0)
    expect((await create('recommendation', 'rec-1'))[0]).toBe(0)
    const kb = await loadDirectory(path.join(work, 'kb'))
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const cmoc = await readFile(path.join(work, 'kb/cmocs/cmoc-1.md'), 'utf8')
    expect(cmoc).toContain('\n# group: a-group # the group it belongs to')
  })

  it('never overwrites, and refuses taken ids, bad ids, unknown kinds and a second review', async () => {
    expect((await create('group', 'coherence'))[0]).toBe(0)
    expect((await create('review', 'my-review'))[0]).toBe(0)
    const file = path.join(work, 'kb/groups/coherence.md')
    await writeFile(file, 'edited by hand\n')
    const refusals: [string, string, RegExp][] = [
      ['group', 'coherence', /Unexpected existing file `kb\/groups\/coherence.md`/],
      ['audience', 'coherence', /already the name of groups\/coherence.md/],
      ['review', 'second-review', /Unexpected existing file `kb\/review.md`/],
      ['study', 'Doe-2024', /expected a kebab-case id/],
      ['study', 'doe--2024', /expected a kebab-case id/],
      ['studies', 'doe-2024', /Unexpected kind `studies`/],
    ]
    for (const [kind, id, message] of refusals) {
      const [code, , err] = await create(kind, id)
      expect([kind, id, code]).toEqual([kind, id, 2])
      expect(err).toMatch(message)
    }
    expect(await readFile(file, 'utf8')).toBe('edited by hand\n')
    const io = memoryIo(work)
    expect(await main(['new', 'study'], io)).toBe(2)
    expect(await main(['new'], io)).toBe(2)
    expect(await main(['new', 'study', 'a', 'b'], io)).toBe(2)
  })
})
