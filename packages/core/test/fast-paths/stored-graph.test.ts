import { buildKnowledgeBase, type KnowledgeGraph, parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../../../../scripts/corpus/generate.js'
import { restoreGraph, storeGraph } from '../../src/lib/node/stored-graph.js'

/** A graph of a generated corpus, some of whose links do not resolve. */
function corpusGraph(): { graph: KnowledgeGraph; texts: Map<string, string> } {
  const files = generateCorpus({ studies: 40, seed: 3 }).map((file, index) =>
    index % 9 === 4 ? { ...file, text: file.text.replace(/cmoc-\d+/, 'cmoc-nowhere') } : file,
  )
  const kb = buildKnowledgeBase(files.map((file) => parseFile(file)))
  expect(kb.diagnostics.some((diagnostic) => diagnostic.name === 'dangling-reference')).toBe(true)
  return { graph: kb.graph, texts: new Map(files.map((file) => [file.path, file.text])) }
}

/** Store, write as JSON, read back and restore, as the cache does. */
function roundTrip(graph: KnowledgeGraph, texts: Map<string, string>): KnowledgeGraph {
  const stored = JSON.parse(JSON.stringify(storeGraph(graph)))
  return restoreGraph(stored, (file, length) => texts.get(file)?.slice(-length) ?? '')
}

describe('the graph as the cache stores it', () => {
  it('makes edges again from links, in the same order, key for key', () => {
    const { graph, texts } = corpusGraph()
    const stored = storeGraph(graph)
    expect('unresolvedLinks' in stored.edges).toBe(true)
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(graph.export()).length / 2)
    expect(JSON.stringify(roundTrip(graph, texts).export())).toBe(JSON.stringify(graph.export()))
  })

  it('stores every edge when the edges are not exactly the resolved links', () => {
    const { graph, texts } = corpusGraph()
    const [first, second] = graph.nodes()
    graph.addEdgeWithKey('added by hand', first as string, second as string, {
      type: 'relates-to',
      basis: 'inferred',
      field: 'by hand',
      place: { file: 'x.md', line: 1, column: 1 },
    })
    expect('all' in storeGraph(graph).edges).toBe(true)
    expect(JSON.stringify(roundTrip(graph, texts).export())).toBe(JSON.stringify(graph.export()))
  })
})
