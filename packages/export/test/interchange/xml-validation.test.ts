import type { KnowledgeBase } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { toCodebook, writeCodebook, writeGexf, writeGraphml } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import {
  gexfRelaxNgErrors,
  hostileFixture,
  loadContent,
  validFixture,
  xsdErrors,
} from './helpers.js'

const content = await loadContent()

const cases: [string, KnowledgeBase][] = [
  ['the valid fixture', await loadDirectory(validFixture)],
  ['the hostile fixture', await loadDirectory(hostileFixture)],
  // The bundled review is written separately and may not be there yet.
  ...(content ? [['the bundled review', content] as [string, KnowledgeBase]] : []),
]

describe.each(cases)('XML exports of %s', (_name, kb) => {
  it('GEXF is valid against the GEXF 1.3 XSD and RELAX NG grammar', async () => {
    const gexf = writeGexf(kb)
    expect(await xsdErrors(gexf, 'gexf')).toEqual([])
    expect(await gexfRelaxNgErrors(gexf)).toEqual([])
  })

  it('GraphML is valid against the GraphML 1.0 XSD', async () => {
    expect(await xsdErrors(writeGraphml(kb), 'graphml')).toEqual([])
  })

  it('the codebook is valid against the REFI-QDA Codebook XSD', async () => {
    expect(await xsdErrors(writeCodebook(toCodebook(kb)), 'qdc')).toEqual([])
  })
})

if (!content) it.skip('XML exports of the bundled review (not there yet)', () => {})

describe('the validator itself', () => {
  it('rejects what the schemas forbid, so a pass means something', async () => {
    const kb = await loadDirectory(validFixture)
    const gexf = writeGexf(kb).replace('version="1.3"', 'version="1.2"')
    expect(await xsdErrors(gexf, 'gexf')).not.toEqual([])
    const graphml = writeGraphml(kb).replace('attr.type="int"', 'attr.type="integer"')
    expect(await xsdErrors(graphml, 'graphml')).not.toEqual([])
    const qdc = writeCodebook(toCodebook(kb)).replace(/isCodable="true"/, '')
    expect(await xsdErrors(qdc, 'qdc')).not.toEqual([])
  })
})
