import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { type EntityOf, entitiesOfKind, type KnowledgeBase, loadFromMemory } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { codeGuid, QdpxParseError, readQdpx, writeQdpx } from '@realist-kb/export'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { hostileFixture, loadContent, validFixture, xsdErrors } from './helpers.js'

const content = await loadContent()

// The valid fixture as files in memory, so that a test can edit one and load again.
function fixtureFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => ({
      path: file.split(path.sep).join('/'),
      text: readFileSync(path.join(dir, file), 'utf8'),
    }))
}

interface Archive {
  project: string
  sources: Map<string, string>
}

function open(bytes: Uint8Array): Archive {
  const files = unzipSync(bytes)
  const project = files['project.qde']
  if (!project) throw new Error('no project.qde')
  const sources = new Map<string, string>()
  for (const [name, data] of Object.entries(files))
    if (name.startsWith('sources/')) sources.set(name, strFromU8(data))
  return { project: strFromU8(project), sources }
}

function pack(archive: Archive): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(archive.project) }
  for (const [name, text] of archive.sources) files[name] = strToU8(text)
  return zipSync(files)
}

// The source of a study: its element's opening tag, and its text in the archive.
function sourceOf(archive: Archive, studyId: string): { tag: string; text: string } {
  const tag = new RegExp(`<TextSource [^>]*name="[^"]*\\(${studyId}\\)"[^>]*>`).exec(
    archive.project,
  )?.[0]
  const file = tag === undefined ? undefined : /internal:\/\/([^"]+)"/.exec(tag)?.[1]
  const text = file === undefined ? undefined : archive.sources.get(`sources/${file}`)
  if (tag === undefined || text === undefined) throw new Error(`no source for ${studyId}`)
  return { tag, text }
}

// A coding as a QDA tool writes it: a new selection (its own GUID) on one code.
function coding(guid: string, start: number, end: number, code: string, note?: string): string {
  return [
    `<PlainTextSelection guid="${guid}" name="Coded in a QDA tool" startPosition="${start}" endPosition="${end}">`,
    ...(note === undefined ? [] : [`<Description>${note}</Description>`]),
    `<Coding guid="${guid.replace(/.$/, 'f')}"><CodeRef targetGUID="${code}"/></Coding>`,
    '</PlainTextSelection>',
  ].join('')
}

function addCoding(archive: Archive, studyId: string, selection: string): Archive {
  const { tag } = sourceOf(archive, studyId)
  const at = archive.project.indexOf('</TextSource>', archive.project.indexOf(tag))
  return {
    ...archive,
    project: `${archive.project.slice(0, at)}${selection}${archive.project.slice(at)}`,
  }
}

const codePoints = (text: string): string[] => Array.from(text)

function spanOf(text: string, quote: string): [number, number] {
  const at = codePoints(text).join('').indexOf(quote)
  if (at < 0) throw new Error(`no ${quote}`)
  const start = codePoints(text.slice(0, at)).length
  return [start, start + codePoints(quote).length]
}

describe('REFI-QDA project (.qdpx)', () => {
  it.each([
    ['valid', validFixture],
    ['hostile', hostileFixture],
  ])('the %s fixture gives a project valid against Project.xsd', async (_name, dir) => {
    const { project } = open(writeQdpx(await loadDirectory(dir)))
    expect(await xsdErrors(project, 'qde')).toEqual([])
  })

  it('the bundled review gives a valid project: every study a source, every quote coded', async () => {
    const archive = open(writeQdpx(content))
    expect(await xsdErrors(archive.project, 'qde')).toEqual([])
    const studies = entitiesOfKind(content.graph, 'study')
    expect(archive.sources.size).toBe(studies.length)
    expect(archive.project.match(/<TextSource /g)).toHaveLength(studies.length)
    // Each selection covers exactly its entry's quote (or point) in the source's text.
    const evidence = entitiesOfKind(content.graph, 'evidence')
    const byId = new Map(evidence.map((entry) => [entry.id, entry]))
    let checked = 0
    for (const study of studies) {
      const { tag, text } = sourceOf(archive, study.id)
      const start = archive.project.indexOf(tag)
      const element = archive.project.slice(start, archive.project.indexOf('</TextSource>', start))
      for (const match of element.matchAll(
        /name="([^"]+)" startPosition="(\d+)" endPosition="(\d+)"/g,
      )) {
        const entry = byId.get(match[1] ?? '') as EntityOf<'evidence'>
        const selected = codePoints(text).slice(Number(match[2]), Number(match[3])).join('')
        expect(selected).toBe(
          (entry.data.quote ?? entry.data.point ?? entry.id).replace(/\s+/g, ' ').trim(),
        )
        checked++
      }
    }
    expect(checked).toBe(evidence.length)
    // Groups are sets of CMOC codes; CMOC codes are named by their label.
    expect(archive.project.match(/<Set /g)).toHaveLength(
      entitiesOfKind(content.graph, 'group').length,
    )
    expect(archive.project).toContain(`<Code guid="${codeGuid(content, 'cmoc-1a')}" name="CMOC1a"`)
  })

  it('is the same bytes on every export', async () => {
    const first = writeQdpx(await loadDirectory(validFixture))
    const second = writeQdpx(await loadDirectory(validFixture))
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
  })

  it('reads its own export back as nothing new', () => {
    expect(readQdpx(content, writeQdpx(content))).toEqual({ evidence: [], drift: [], codes: [] })
  })

  it('lists the codes made, renamed and deleted in the QDA tool, matched by GUID', () => {
    const kb = loadFromMemory([
      ...fixtureFiles(validFixture),
      {
        path: 'cmocs/cmoc-1b.md',
        text: '---\nkind: cmoc\ntitle: Shared language\ngroup: coherence\ncontext: Teams.\nmechanism: Words.\noutcome: Fewer misunderstandings.\n---\n',
      },
    ])
    const archive = open(writeQdpx(kb))
    const renamed = codeGuid(kb, 'cmoc-1a')
    const deleted = codeGuid(kb, 'cmoc-1b')
    const made = '99999999-2222-4333-8444-555555555555'
    archive.project = archive.project
      // Tools may write GUIDs in braces and upper case: still the same code.
      .replace(
        `<Code guid="${renamed}" name="CMOC1a"`,
        `<Code guid="{${renamed.toUpperCase()}}" name="Experience motivates"`,
      )
      .replace(new RegExp(`\\s*<Code guid="${deleted}"[\\s\\S]*?</Code>`), '')
      .replace('</Codes>', `<Code guid="${made}" name="Hope" isCodable="true"/></Codes>`)
    expect(readQdpx(kb, pack(archive)).codes).toEqual([
      {
        change: 'renamed',
        guid: renamed,
        name: 'Experience motivates',
        id: 'cmoc-1a',
        was: 'CMOC1a',
      },
      { change: 'removed', guid: deleted, name: 'cmoc-1b', id: 'cmoc-1b' },
      { change: 'new', guid: made, name: 'Hope' },
    ])
  })

  it('round-trips a coding: one new evidence entry, nothing else changed', () => {
    const files = fixtureFiles(validFixture)
    const kb = loadFromMemory(files)
    const archive = open(writeQdpx(kb))
    const { text } = sourceOf(archive, 'doe-2020')
    const [start, end] = spanOf(text, 'A qualitative study of integration')
    const coded = addCoding(
      archive,
      'doe-2020',
      coding(
        '11111111-2222-4333-8444-555555555555',
        start,
        end,
        codeGuid(kb, 'cmoc-1a'),
        'The study is about integration itself.',
      ),
    )
    const result = readQdpx(kb, pack(coded))
    expect(result.drift).toEqual([])
    expect(result.evidence).toEqual([
      {
        study: 'doe-2020',
        selection: '11111111-2222-4333-8444-555555555555',
        entry: {
          cmocs: ['cmoc-1a'],
          relation: 'supports',
          parts: ['context', 'mechanism', 'outcome'],
          point: 'The study is about integration itself.',
          quote: 'A qualitative study of integration',
        },
      },
    ])

    // Written to the study's evidence list (the fixture's last key), the knowledge base gains
    // that entry and loads as before otherwise.
    const after = loadFromMemory(
      files.map((file) =>
        file.path === 'studies/doe-2020.md'
          ? {
              ...file,
              text: file.text.replace(/\n---\n/g, (closing, offset: number) =>
                offset === 0
                  ? closing
                  : `\n  - ${JSON.stringify(result.evidence[0]?.entry)}${closing}`,
              ),
            }
          : file,
      ),
    )
    expect(after.diagnostics).toEqual(kb.diagnostics)
    // What an entity says and links to; positions below the new entry move down, as they should.
    const entities = (base: KnowledgeBase) =>
      base.graph
        .mapNodes((_id, { kind, id, file, data, body, links }) => ({
          kind,
          id,
          file,
          data,
          body,
          links: links.map((link) => [link.type, link.target, link.basis]),
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1))
    const added = entities(after).filter((entity) => !kb.graph.hasNode(entity.id))
    expect(added.map((entity) => [entity.kind, entity.data])).toEqual([
      ['evidence', { ...result.evidence[0]?.entry, study: 'doe-2020' }],
    ])
    expect(entities(after).filter((entity) => kb.graph.hasNode(entity.id))).toEqual(entities(kb))
  })

  it('re-anchors a quote that moved, and reports what it cannot place rather than guess', async () => {
    const kb = await loadDirectory(validFixture)
    const archive = open(writeQdpx(kb))
    const code = codeGuid(kb, 'cmoc-1a')
    const { text } = sourceOf(archive, 'roe-2021')
    const [start, end] = spanOf(text, 'A second study')
    // The tool's copy of the text gained a line at the top: positions shift, the text is the same.
    const source = sourceOf(archive, 'roe-2021')
    const file = /internal:\/\/([^"]+)"/.exec(source.tag)?.[1] ?? ''
    const shifted = `Imported 2025.\n${text}`
    let edited: Archive = {
      ...archive,
      sources: new Map([...archive.sources, [`sources/${file}`, shifted]]),
    }
    const shift = codePoints('Imported 2025.\n').length
    edited = addCoding(
      edited,
      'roe-2021',
      coding('aaaaaaaa-0000-4000-8000-000000000001', start + shift, end + shift, code),
    )
    // Text only the tool has: not in the study, so not taken.
    edited = addCoding(
      edited,
      'roe-2021',
      coding('aaaaaaaa-0000-4000-8000-000000000002', 0, 8, code),
    )
    // Coded on the group's code, not a CMOC's.
    edited = addCoding(
      edited,
      'roe-2021',
      coding(
        'aaaaaaaa-0000-4000-8000-000000000003',
        start + shift,
        end + shift,
        codeGuid(kb, 'coherence'),
      ),
    )
    const result = readQdpx(kb, pack(edited))
    expect(result.evidence.map((item) => [item.selection, item.entry.quote])).toEqual([
      ['aaaaaaaa-0000-4000-8000-000000000001', 'A second study'],
    ])
    expect(result.drift.map((item) => [item.selection, item.reason])).toEqual([
      ['aaaaaaaa-0000-4000-8000-000000000001', 'moved'],
      ['aaaaaaaa-0000-4000-8000-000000000002', 'not-found'],
      ['aaaaaaaa-0000-4000-8000-000000000003', 'no-cmoc-code'],
    ])
    for (const item of result.drift) expect(item.message).toMatch(/^Unexpected .+, expected /)
  })

  it('reports a quote that occurs more than once instead of picking one', async () => {
    const kb = await loadDirectory(validFixture)
    const archive = open(writeQdpx(kb))
    const { text } = sourceOf(archive, 'doe-2020')
    // "al" is in "et al.", "qualitative" and "valued": with the positions shifted, it is ambiguous.
    const [start, end] = spanOf(text, 'al')
    const edited = addCoding(
      archive,
      'doe-2020',
      coding('bbbbbbbb-0000-4000-8000-000000000001', start + 1, end + 1, codeGuid(kb, 'cmoc-1a')),
    )
    const source = sourceOf(edited, 'doe-2020')
    const file = /internal:\/\/([^"]+)"/.exec(source.tag)?.[1] ?? ''
    const result = readQdpx(
      kb,
      pack({ ...edited, sources: new Map([...edited.sources, [`sources/${file}`, ` ${text}`]]) }),
    )
    expect(result.evidence).toEqual([])
    expect(result.drift.map((item) => item.reason)).toEqual(['ambiguous'])
  })

  it('throws a named error for bytes that are not a project', () => {
    const named = expect.objectContaining({ name: QdpxParseError.name })
    const kb = loadFromMemory([])
    expect(() => readQdpx(kb, strToU8('not a zip'))).toThrow(named)
    expect(() => readQdpx(kb, zipSync({ 'a.txt': strToU8('x') }))).toThrow(named)
    expect(() => readQdpx(kb, zipSync({ 'project.qde': strToU8('<Project>') }))).toThrow(named)
    expect(() => readQdpx(kb, zipSync({ 'project.qde': strToU8('<CodeBook/>') }))).toThrow(named)
  })

  it('expands only the project and its texts, and refuses a text that inflates past 64 MB', () => {
    const kb = loadFromMemory([])
    const project = strToU8('<Project name="p"/>')
    // A large file that is not a source text is never inflated.
    const media = new Uint8Array(70 * 1024 * 1024)
    expect(readQdpx(kb, zipSync({ 'project.qde': project, 'sources/clip.mp4': media }))).toEqual({
      evidence: [],
      drift: [],
      codes: [],
    })
    expect(() =>
      readQdpx(kb, zipSync({ 'project.qde': project, 'sources/huge.txt': media })),
    ).toThrow(expect.objectContaining({ name: QdpxParseError.name }))
  })
})
