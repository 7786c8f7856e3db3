import path from 'node:path'
import { confidenceHints, entitiesOfKind, evidenceForCmoc, loadFromMemory } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../../scripts/corpus/generate.js'
import { confidenceHintsOf } from '../../src/lib/query/confidence-hints.js'

const root = path.resolve(import.meta.dirname, '../../../..')

// The report takes each CMOC's confidence hints from the trace it has made already, instead of
// walking the CMOC's edges again: the hints must be those of the walk, CMOC by CMOC.
describe('confidence hints from a CMOC trace', () => {
  it('equal the hints of a fresh walk, for every CMOC of the bundled review and a generated base', async () => {
    const bases = [
      await loadDirectory(path.join(root, 'content')),
      await loadDirectory(path.join(root, 'packages/export/test/fixtures/judgement')),
      loadFromMemory(generateCorpus({ studies: 300, seed: 7 })),
    ]
    let compared = 0
    for (const { graph } of bases)
      for (const cmoc of entitiesOfKind(graph, 'cmoc')) {
        const trace = evidenceForCmoc(graph, cmoc.id)
        const walked = confidenceHints(graph, cmoc.id)
        expect(confidenceHintsOf(graph, trace?.evidence ?? []), cmoc.id).toEqual(walked)
        // As the report calls it: with the trace's distinct studies, not worked out again.
        expect(
          confidenceHintsOf(graph, trace?.evidence ?? [], trace?.studies ?? []),
          cmoc.id,
        ).toEqual(walked)
        compared++
      }
    expect(compared).toBeGreaterThan(30)
  })
})
