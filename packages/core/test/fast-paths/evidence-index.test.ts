import path from 'node:path'
import {
  cmocChain,
  entitiesOfKind,
  evidenceForCmoc,
  loadFromMemory,
  recommendationsOfCmoc,
} from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../../scripts/corpus/generate.js'
import { cmocChainsOf } from '../../src/lib/query/chains.js'
import { evidenceIndexOf } from '../../src/lib/query/cmoc-evidence.js'
import { evidenceForCmocWith, recommendationsOfEveryCmoc } from '../../src/lib/query/trace.js'

const root = path.resolve(import.meta.dirname, '../../../..')

// The report reads every CMOC's evidence edges, their studies and each entry's targets from one
// walk over the graph's edges: each must be what a walk of that CMOC or entry gives.
const loadBases = async () => [
  await loadDirectory(path.join(root, 'content')),
  await loadDirectory(path.join(root, 'packages/export/test/fixtures/judgement')),
  await loadDirectory(path.join(root, 'packages/export/test/fixtures/hostile')),
  // Evidence written on groups, which counts for every CMOC in them.
  await loadDirectory(path.join(root, 'packages/export/test/fixtures/shapes/contexts')),
  loadFromMemory(generateCorpus({ studies: 300, seed: 11 })),
]

describe('CMOC traces from the evidence index', () => {
  it('equal the traces of a walk, for every CMOC of the bundled review, four fixtures and a generated base', async () => {
    const bases = await loadBases()
    let compared = 0
    let throughGroups = 0
    for (const { graph } of bases) {
      const index = evidenceIndexOf(graph)
      for (const cmoc of entitiesOfKind(graph, 'cmoc')) {
        const walked = evidenceForCmoc(graph, cmoc.id)
        const indexed = evidenceForCmocWith(graph, cmoc.id, index)
        expect(indexed, cmoc.id).toEqual(walked)
        // The same entities, not copies: the report compares and indexes them by identity.
        indexed?.evidence.forEach((step, at) => {
          expect(step.evidence).toBe(walked?.evidence[at]?.evidence)
          expect(step.study).toBe(walked?.evidence[at]?.study)
        })
        throughGroups += indexed?.evidence.filter((step) => step.via !== undefined).length ?? 0
        compared++
      }
      // Each entry's own edges to CMOCs and groups, as a walk of its out-edges finds them.
      for (const entry of entitiesOfKind(graph, 'evidence')) {
        const walked: { target: string; kind: string; edge: unknown }[] = []
        graph.forEachOutEdge(entry.id, (_edge, edge, _source, target, _from, to) => {
          if (edge.type === 'evidences') walked.push({ target, kind: to.kind, edge })
        })
        expect(index.edgesFrom(entry.id), entry.id).toEqual(walked)
      }
    }
    expect(compared).toBeGreaterThan(30)
    expect(throughGroups).toBeGreaterThan(0)
  })
})

// The report takes every CMOC's chain and recommendations from one walk of the links that make
// them (the CMOCs' and the recommendations' out-edges), not from each CMOC's in-edges.
describe('chains and recommendations of every CMOC at once', () => {
  it('equal those of each CMOC alone, for the bundled review, four fixtures and a generated base', async () => {
    let chained = 0
    let withRecommendations = 0
    for (const { graph } of await loadBases()) {
      const chainOf = cmocChainsOf(graph)
      const recommendationsOf = recommendationsOfEveryCmoc(graph)
      for (const cmoc of entitiesOfKind(graph, 'cmoc')) {
        const chain = chainOf(cmoc.id)
        expect(chain, cmoc.id).toEqual(cmocChain(graph, cmoc.id))
        const recommendations = recommendationsOf(cmoc.id)
        expect(recommendations, cmoc.id).toEqual(recommendationsOfCmoc(graph, cmoc.id))
        if (chain.upstream.length + chain.downstream.length > 0) chained++
        if (recommendations.length > 1) withRecommendations++
      }
    }
    expect(chained).toBeGreaterThan(3)
    expect(withRecommendations).toBeGreaterThan(3)
  })
})
