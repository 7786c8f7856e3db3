import { loadDirectory } from '@realist-kb/core/node'
import {
  type CodebookCode,
  EmptyCodebookError,
  toCodebook,
  writeCodebook,
} from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { codeGuid } from '../../src/interchange/codebook.js'
import { hostileFixture, loadContent, validFixture, xmlSafe } from './helpers.js'
import { CodebookParseError, readCodebook } from './read-codebook.js'

const content = await loadContent()

describe('REFI-QDA codebook', () => {
  it.each([
    ['valid', validFixture],
    ['hostile', hostileFixture],
  ])(
    'round-trips the %s fixture: same codes, descriptions, nesting and sets',
    async (_name, dir) => {
      const codebook = toCodebook(await loadDirectory(dir))
      expect(readCodebook(writeCodebook(codebook))).toEqual(xmlSafe(codebook))
    },
  )

  it.skipIf(content === undefined)('round-trips the bundled review', () => {
    if (!content) return
    const codebook = toCodebook(content)
    expect(readCodebook(writeCodebook(codebook))).toEqual(codebook)
  })

  it('nests CMOCs under their group and describes them by context, mechanism and outcome', async () => {
    const kb = await loadDirectory(validFixture)
    const { codes, sets } = toCodebook(kb)
    expect(codes.map((code) => code.name)).toEqual(['Coherence'])
    const [cmoc] = codes[0]?.codes ?? []
    expect(cmoc?.name).toBe('CMOC1a')
    expect(cmoc?.description).toBe(
      [
        'Experience motivates integration',
        'Context: Professionals who have seen the service at work.',
        'Mechanism (resource): Experiential learning.',
        'Mechanism (response): They see the service as part of their work.',
        'Outcome: Motivation to integrate.',
        'Strategies: education',
        'Id: cmoc-1a',
      ].join('\n'),
    )
    expect(sets).toEqual([
      {
        guid: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Coherence',
        description: 'The CMOCs of the group Coherence.',
        members: [codeGuid(kb, 'cmoc-1a')],
      },
    ])
  })

  it('nests sub-groups under their parent', async () => {
    const kb = await loadDirectory(hostileFixture)
    const { codes } = toCodebook(kb)
    expect(codes).toHaveLength(1)
    expect(codes[0]?.codes.map((code) => code.guid)).toEqual([codeGuid(kb, 'o'), codeGuid(kb, 'x')])
  })

  it('derives GUIDs from the review and the id: stable per review, distinct across reviews', async () => {
    const valid = await loadDirectory(validFixture)
    const first = writeCodebook(toCodebook(valid))
    const second = writeCodebook(toCodebook(await loadDirectory(validFixture)))
    expect(second).toBe(first)
    expect(codeGuid(valid, 'cmoc-1a')).not.toBe(codeGuid(valid, 'cmoc-1b'))
    // The bundled review has a cmoc-1a too: its code must not merge with the fixture's.
    expect(codeGuid(content, 'cmoc-1a')).not.toBe(codeGuid(valid, 'cmoc-1a'))
    const guids = (kb: typeof valid) => toCodebook(kb).codes.map((code) => code.guid)
    expect(guids(content)).not.toContain(codeGuid(valid, 'coherence'))
  })

  it("keeps every code name within MAXQDA's 63 characters", () => {
    const names = (code: CodebookCode): string[] => [code.name, ...code.codes.flatMap(names)]
    const all = toCodebook(content).codes.flatMap(names)
    expect(all.length).toBeGreaterThan(20)
    expect(all.filter((name) => name.length > 63)).toEqual([])
    expect(all).toContain('CMOC1a')
  })

  it('refuses to write a codebook without codes', () => {
    expect(() => writeCodebook({ codes: [], sets: [] })).toThrow(
      expect.objectContaining({ name: EmptyCodebookError.name }),
    )
  })

  it('reads codebooks written by other tools: prefixed namespace, character references, no sets', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<qdc:CodeBook xmlns:qdc="urn:QDA-XML:codebook:1.0" origin="NVivo">
  <qdc:Codes>
    <qdc:Code guid="{AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE}" name="Trust &amp; safety" isCodable="1" color="#FF0000">
      <qdc:Description>Line one&#10;line two &lt;ok&gt;</qdc:Description>
      <qdc:Code guid="11111111-2222-4333-8444-555555555555" name="Child" isCodable="false"/>
    </qdc:Code>
  </qdc:Codes>
</qdc:CodeBook>`
    expect(readCodebook(xml)).toEqual({
      origin: 'NVivo',
      codes: [
        {
          guid: '{AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE}',
          name: 'Trust & safety',
          isCodable: true,
          color: '#FF0000',
          description: 'Line one\nline two <ok>',
          codes: [
            {
              guid: '11111111-2222-4333-8444-555555555555',
              name: 'Child',
              isCodable: false,
              codes: [],
            },
          ],
        },
      ],
      sets: [],
    })
  })

  it('throws a named error for malformed XML or a document that is not a codebook', () => {
    const named = expect.objectContaining({ name: CodebookParseError.name })
    expect(() => readCodebook('<CodeBook><Codes></CodeBook>')).toThrow(named)
    expect(() => readCodebook('<Project/>')).toThrow(named)
    expect(() => readCodebook('<CodeBook><Codes><Code name="x"/></Codes></CodeBook>')).toThrow(
      named,
    )
  })
})
