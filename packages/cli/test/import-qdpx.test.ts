import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { entitiesOfKind } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { codeGuid } from '@realist-kb/export'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QdpxImportJson } from '../src/lib/commands/import-qdpx.js'
import { memoryIo } from './cli-io.js'

const valid = path.join(import.meta.dirname, '../../core/test/fixtures/valid')
const coded = 'A qualitative study of integration'

let work: string
let content: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-qdpx-'))
  content = path.join(work, 'content')
  await cp(valid, content, { recursive: true })
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Every file of the content folder with its text. */
async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const file of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (file.isFile()) {
      const full = path.join(file.parentPath, file.name)
      out[path.relative(dir, full)] = await readFile(full, 'utf8')
    }
  return out
}

/**
 * The project as a QDA tool saves it after a researcher's work: a new coding on a study's text
 * (on cmoc-1a, its quote found by its text), the CMOC's code renamed, and a new code of its own.
 */
async function codeInTool(project: string): Promise<void> {
  const kb = await loadDirectory(content)
  const archive = unzipSync(await readFile(project))
  const qde = strFromU8(archive['project.qde'] ?? new Uint8Array())
  const tag = /<TextSource [^>]*name="[^"]*\(doe-2020\)"[^>]*>/.exec(qde)?.[0] ?? ''
  const file = /plainTextPath="internal:\/\/([^"]+)"/.exec(tag)?.[1]
  const text = strFromU8(archive[`sources/${file}`] ?? new Uint8Array())
  const start = Array.from(text.slice(0, text.indexOf(coded))).length
  const end = start + Array.from(coded).length
  const cmoc = codeGuid(kb, 'cmoc-1a')
  const selection = [
    `<PlainTextSelection guid="11111111-2222-4333-8444-555555555555" name="Coded in a QDA tool" startPosition="${start}" endPosition="${end}">`,
    '<Description>The study is about integration itself.</Description>',
    `<Coding guid="11111111-2222-4333-8444-55555555555f"><CodeRef targetGUID="${cmoc}"/></Coding>`,
    '</PlainTextSelection>',
  ].join('')
  const edited = qde
    .replace(tag, `${tag}${selection}`)
    .replace(`guid="${cmoc}" name="CMOC1a"`, `guid="${cmoc}" name="Experience motivates"`)
    .replace(
      '</Codes>',
      '<Code guid="99999999-2222-4333-8444-555555555555" name="Hope" isCodable="true"/></Codes>',
    )
  archive['project.qde'] = strToU8(edited)
  await writeFile(project, zipSync(archive))
}

async function importProject(...options: string[]): Promise<[number, QdpxImportJson, string]> {
  const io = memoryIo(work)
  const code = await main(['import', 'coded.qdpx', '--dir', 'content', ...options], io)
  const text = io.out()
  return [
    code,
    options.includes('json') ? (JSON.parse(text) as QdpxImportJson) : ({} as QdpxImportJson),
    text,
  ]
}

describe('realist-kb import <project>.qdpx', () => {
  it('exports a project, reads back a coding made in a QDA tool, and writes it only with --write', async () => {
    const exported = memoryIo(work)
    expect(
      await main(['export', 'content', '--format', 'qdpx', '--out', 'coded.qdpx'], exported),
    ).toBe(0)
    const project = path.join(work, 'coded.qdpx')
    await codeInTool(project)
    const before = await files(content)

    // Dry run by default: the drift is reported, nothing is written.
    const [dryCode, , dryText] = await importProject()
    expect(dryCode).toBe(0)
    expect(dryText).toContain('coded.qdpx (qdpx) -> content (dry run: nothing written')
    expect(dryText).toContain(
      `  new      doe-2020 on cmoc-1a: “${coded}” -> content/evidence/doe-2020-qda-1.md\n`,
    )
    expect(dryText).toContain('  renamed  cmoc-1a: CMOC1a -> Experience motivates\n')
    expect(dryText).toContain('  new      Hope (99999999-2222-4333-8444-555555555555)\n')
    expect(await files(content)).toEqual(before)

    const [, json] = await importProject('--format', 'json')
    expect(json).toMatchObject({ version: 1, write: false, summary: { new: 1, codes: 2 } })
    expect(json.codes.map((change) => change.change)).toEqual(['renamed', 'new'])

    // With --write: one new evidence file, every other file as it was.
    const [writeCode, written] = await importProject('--write', '--format', 'json')
    expect(writeCode).toBe(0)
    expect(written.evidence).toEqual([
      expect.objectContaining({
        status: 'written',
        id: 'doe-2020-qda-1',
        file: 'evidence/doe-2020-qda-1.md',
      }),
    ])
    const after = await files(content)
    const added = Object.keys(after).filter((file) => !(file in before))
    expect(added).toEqual([path.join('evidence', 'doe-2020-qda-1.md')])
    for (const file of Object.keys(before)) expect(after[file]).toBe(before[file])

    const kb = await loadDirectory(content)
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const entry = entitiesOfKind(kb.graph, 'evidence').find((e) => e.id === 'doe-2020-qda-1')
    expect(entry?.data).toMatchObject({
      study: 'doe-2020',
      cmocs: ['cmoc-1a'],
      relation: 'supports',
      quote: coded,
      point: 'The study is about integration itself.',
      provenance: 'Coded in coded.qdpx, selection 11111111-2222-4333-8444-555555555555',
    })

    // Read again: the coding is already in the base, nothing more is written.
    const [, again] = await importProject('--write', '--format', 'json')
    expect(again.evidence).toEqual([
      expect.objectContaining({ status: 'present', id: 'doe-2020-qda-1' }),
    ])
    expect(Object.keys(await files(content))).toEqual(Object.keys(after))
  })

  it('knows a project by its bytes, whatever its name', async () => {
    await writeFile(path.join(work, 'saved-as.zip'), await readFile(path.join(work, 'coded.qdpx')))
    const io = memoryIo(work)
    expect(await main(['import', 'saved-as.zip', '--dir', 'content'], io)).toBe(0)
    expect(io.out()).toContain('saved-as.zip (qdpx) -> content (dry run: nothing written')
  })

  it('exits 1 for bytes that are not a project, 2 for a missing file or --write with a reference export', async () => {
    await writeFile(path.join(work, 'broken.qdpx'), 'not a zip')
    const broken = memoryIo(work)
    expect(await main(['import', 'broken.qdpx', '--dir', 'content'], broken)).toBe(1)
    expect(broken.err()).toContain('Unexpected bytes that are not a zip archive')
    expect(await main(['import', 'missing.qdpx', '--dir', 'content'], memoryIo(work))).toBe(2)
    await writeFile(path.join(work, 'refs.ris'), 'TY  - JOUR\nTI  - A title\nER  - \n')
    const ris = memoryIo(work)
    expect(await main(['import', 'refs.ris', '--dir', 'content', '--write'], ris)).toBe(2)
    expect(ris.err()).toContain('Unexpected --write for a reference export')
  })
})
