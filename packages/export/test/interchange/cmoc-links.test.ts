import path from 'node:path'
import { loadDirectory } from '@realist-kb/core/node'
import {
  programmeTheoryDiagram,
  traceDiagram,
  writeDot,
  writeGexf,
  writeGraphml,
  writeMermaid,
} from '@realist-kb/export'
import { describe, expect, it } from 'vitest'

const judgement = await loadDirectory(path.join(import.meta.dirname, '../fixtures/judgement'))

describe('links between CMOCs in the graph exports', () => {
  it('draws each chain and relation in the programme theory, named by its type', () => {
    const edges = programmeTheoryDiagram(judgement).edges.filter((edge) => edge.label)
    expect(
      edges.map((edge) => `${edge.source} ${edge.label} ${edge.target} (${edge.basis})`),
    ).toEqual([
      'cmoc-a leads to cmoc-b (stated)',
      'cmoc-b leads to cmoc-c (inferred)',
      'cmoc-d nested in cmoc-a (stated)',
      'cmoc-d conflicts with cmoc-b (inferred)',
      'cmoc-x leads to cmoc-y (stated)',
      'cmoc-y leads to cmoc-x (stated)',
      'cmoc-y refines cmoc-c (stated)',
    ])
    const diagram = programmeTheoryDiagram(judgement)
    expect(writeMermaid(diagram)).toContain('n_cmoc_a -->|leads to| n_cmoc_b')
    expect(writeDot(diagram)).toContain('label="conflicts with"')
  })

  it('follows the chain through the CMOCs a recommendation rests on in its trace', () => {
    const trace = traceDiagram(judgement, 'rec-2')
    expect(trace?.nodes.map((node) => node.id)).toContain('cmoc-a')
    expect(
      trace?.edges
        .filter((edge) => edge.label === 'leads to')
        .map((edge) => `${edge.source}>${edge.target}`),
    ).toEqual(['cmoc-a>cmoc-b', 'cmoc-b>cmoc-c'])
  })

  it('lists them as typed edges in GEXF and GraphML', () => {
    for (const text of [writeGexf(judgement), writeGraphml(judgement)])
      for (const type of ['leads-to', 'nested-in', 'refines', 'conflicts-with'])
        expect(text).toContain(type)
  })
})
