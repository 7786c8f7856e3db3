import { buildTraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import {
  type Diagram,
  programmeTheoryDiagram,
  traceDiagram,
  writeDot,
  writeMermaid,
  writeSvg,
} from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { hostileFixture, loadContent, validFixture } from '../interchange/helpers.js'
import { nestedBase } from './nested-base.js'
import { type ReadDiagram, readDot, readMermaid, readSvg } from './read-diagrams.js'

const content = buildTraceReport(await loadContent())
const valid = buildTraceReport(await loadDirectory(validFixture))
const hostile = buildTraceReport(await loadDirectory(hostileFixture))
const nested = buildTraceReport(nestedBase())

// What the model says should be drawn, in the shape the readers give back.
function expected(diagram: Diagram): ReadDiagram {
  return {
    nodes: diagram.nodes.map((node) => node.id).sort(),
    clusters: diagram.clusters
      .map((cluster) => (cluster.parent ? `${cluster.id} < ${cluster.parent}` : cluster.id))
      .sort(),
    membership: diagram.nodes
      .filter((node) => node.cluster !== undefined)
      .map((node) => `${node.id} in ${node.cluster}`)
      .sort(),
    edges: diagram.edges.map((edge) => `${edge.source} -> ${edge.target} (${edge.basis})`).sort(),
  }
}

// Mermaid ids are the diagram's ids with a prefix and every other character an underscore.
function mermaidIds(diagram: Diagram): Map<string, string> {
  return new Map([
    ...diagram.nodes.map(
      (node) => [`n_${node.id.replace(/[^A-Za-z0-9]/g, '_')}`, node.id] as const,
    ),
    ...diagram.clusters.map(
      (cluster) => [`g_${cluster.id.replace(/[^A-Za-z0-9]/g, '_')}`, cluster.id] as const,
    ),
  ])
}

const diagrams: [string, Diagram | undefined][] = [
  ['the bundled programme theory', programmeTheoryDiagram(content)],
  ['a bundled trace', traceDiagram(content, 'rec-2-3')],
  ['a bundled inline trace', traceDiagram(content, 'rec-2-3', { evidence: false, maxStudies: 3 })],
  ['the valid programme theory', programmeTheoryDiagram(valid)],
  ['the hostile programme theory', programmeTheoryDiagram(hostile)],
  ['the hostile trace', traceDiagram(hostile, 'rec-1-1')],
  ['the nested programme theory', programmeTheoryDiagram(nested)],
  ['the nested trace', traceDiagram(nested, 'rec-1')],
]

describe('SVG, DOT and Mermaid drawn from one model', () => {
  it.each(diagrams)('agree on the nodes, groups and arrows of %s', (_name, diagram) => {
    if (!diagram) throw new Error('no diagram')
    const model = expected(diagram)
    expect(model.nodes.length).toBeGreaterThan(1)
    expect(readSvg(writeSvg(diagram))).toEqual(model)
    expect(readDot(writeDot(diagram))).toMatchObject(model)
    expect(readMermaid(writeMermaid(diagram), mermaidIds(diagram))).toEqual(model)
  })

  it('nests sub-groups in all three, and draws the chains across groups', () => {
    const diagram = programmeTheoryDiagram(nested)
    const model = expected(diagram)
    expect(model.clusters).toEqual(['inner < middle', 'middle < outer', 'other', 'outer'])
    // A group that holds nothing has no frame; a CMOC outside every group sits at the top.
    expect(model.membership).toEqual([
      'cmoc-a in outer',
      'cmoc-b in inner',
      'cmoc-c in other',
      'rec-1 in middle',
    ])
    expect(diagram.edges.map((edge) => `${edge.source} ${edge.type} ${edge.target}`)).toEqual(
      expect.arrayContaining([
        'cmoc-a leads-to cmoc-b',
        'cmoc-b leads-to cmoc-c',
        'cmoc-c conflicts-with cmoc-a',
      ]),
    )
    for (const read of [
      readSvg(writeSvg(diagram)),
      readDot(writeDot(diagram)),
      readMermaid(writeMermaid(diagram), mermaidIds(diagram)),
    ])
      expect(read.clusters).toEqual(model.clusters)
  })

  it('draws the same diagram from a knowledge base and from its trace report', () => {
    expect(programmeTheoryDiagram(nestedBase())).toEqual(programmeTheoryDiagram(nested))
    expect(traceDiagram(nestedBase(), 'rec-1')).toEqual(traceDiagram(nested, 'rec-1'))
  })
})
