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
  it('GEXF is valid against the GEXF 1.3 RELAX NG grammar with viz, and the XSD', async () => {
    const gexf = writeGexf(kb)
    expect(gexf).toContain('<viz:color ')
    expect(await gexfRelaxNgErrors(gexf)).toEqual([])
    // The XSD generated from the grammar cannot take viz elements (schemas/gexf/SOURCE.txt):
    // everything but them is checked by it too.
    const withoutViz = gexf.replace(/\n *<viz:[^>]*\/>/g, '')
    expect(withoutViz).not.toContain('<viz:')
    expect(await xsdErrors(withoutViz, 'gexf')).toEqual([])
  })

  it('GraphML is valid against the GraphML 1.0 XSD (extended for yEd graphics)', async () => {
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
    // A viz colour channel out of range, and a yEd attribute on an element GraphML keeps closed.
    expect(await gexfRelaxNgErrors(writeGexf(kb).replace(/r="\d+"/, 'r="300"'))).not.toEqual([])
    const yed = writeGraphml(kb).replace('<graph id=', '<graph yfiles.type="x" id=')
    expect(await xsdErrors(yed, 'graphml')).not.toEqual([])
    const graphml = writeGraphml(kb).replace('attr.type="int"', 'attr.type="integer"')
    expect(await xsdErrors(graphml, 'graphml')).not.toEqual([])
    const qdc = writeCodebook(toCodebook(kb)).replace(/isCodable="true"/, '')
    expect(await xsdErrors(qdc, 'qdc')).not.toEqual([])
  })
})
