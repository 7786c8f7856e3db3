import { spawnSync } from 'node:child_process'
import { writeGexf, writeGraphml } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { loadContent } from './helpers.js'

// networkx, where Python has it: the library most analyses of an exported graph start from.
const probe = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' })
const hasNetworkx = probe.status === 0

function python(script: string, input: string): unknown {
  const result = spawnSync('python3', ['-c', script], { input, encoding: 'utf8', timeout: 60_000 })
  if (result.status !== 0) throw new Error(result.stderr)
  return JSON.parse(result.stdout)
}

const summary = `
import json, sys, networkx as nx
g = READ(sys.stdin.buffer)
n = g.nodes['cmoc-1a']
print(json.dumps({
  'type': type(g).__name__, 'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
  'cmoc': {k: n.get(k) for k in ('label', 'kind', 'labels', 'viz')},
}))
`

describe.skipIf(!hasNetworkx)('networkx reads the graph exports', async () => {
  const content = await loadContent()
  const label = content.graph.getNodeAttributes('cmoc-1a')

  it('GraphML: a multigraph with every node and link, full labels and the Neo4j labels', () => {
    const read = python(summary.replace('READ', 'nx.read_graphml'), writeGraphml(content))
    expect(read).toMatchObject({
      type: 'MultiDiGraph',
      nodes: content.graph.order,
      edges: content.graph.size,
      cmoc: { kind: 'cmoc', labels: ':CMOC' },
    })
    expect((read as { cmoc: { label: string } }).cmoc.label).toMatch(
      new RegExp(`^CMOC1a: ${label.kind === 'cmoc' ? label.data.title.slice(0, 20) : ''}`),
    )
    expect((read as { cmoc: { label: string } }).cmoc.label).not.toContain('…')
  })

  it('GEXF 1.3: every node, with its viz colour and size', () => {
    const read = python(summary.replace('READ', 'nx.read_gexf'), writeGexf(content))
    expect(read).toMatchObject({
      nodes: content.graph.order,
      cmoc: { kind: 'cmoc', viz: { color: { r: 0, g: 121, b: 107 }, size: 16 } },
    })
  })
})
