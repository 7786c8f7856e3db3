import graphology from 'graphology'
import { stronglyConnectedComponents } from 'graphology-components'
import type { KnowledgeGraph } from '../graph/types.js'
import { addTo } from '../push-to.js'
import { compareIds } from './neighbours.js'

// graphology ships CommonJS; its named class is reached through the default export under Node ESM.
const { DirectedGraph } = graphology

/**
 * The chain through a CMOC along `leads-to` links: the CMOCs that lead to it (`upstream`, nearest
 * first) and those it leads to (`downstream`, nearest first), each once. A cycle stops at the
 * first repeat.
 *
 * @example
 * ```ts
 * cmocChain(kb.graph, 'cmoc-b') // { upstream: ['cmoc-a'], cmoc: 'cmoc-b', downstream: ['cmoc-c'] }
 * ```
 */
export function cmocChain(graph: KnowledgeGraph, cmocId: string): CmocChain {
  return {
    upstream: walk(cmocId, (id) => leadsToNeighbours(graph, id, 'in')),
    cmoc: cmocId,
    downstream: walk(cmocId, (id) => leadsToNeighbours(graph, id, 'out')),
  }
}

/**
 * {@link cmocChain} for every CMOC, from one walk of the CMOCs' own out-edges: for code that
 * asks for the chain of each (a report). Walking the chain upstream from a CMOC visits its
 * in-edges, which are mostly the evidence edges into it: thousands each in a large base. A
 * snapshot: build it again after the graph changes.
 *
 * @example
 * ```ts
 * const chainOf = cmocChainsOf(kb.graph)
 * chainOf('cmoc-b').upstream // the same as cmocChain(kb.graph, 'cmoc-b').upstream
 * ```
 */
export function cmocChainsOf(graph: KnowledgeGraph): (cmocId: string) => CmocChain {
  const downstream = new Map<string, Set<string>>()
  const upstream = new Map<string, Set<string>>()
  // Both ends of a `leads-to` link between CMOCs are CMOCs: the link is an out-edge of its
  // source, so the CMOCs' out-edges hold every one of them.
  graph.forEachNode((id, entity) => {
    if (entity.kind !== 'cmoc') return
    graph.forEachOutEdge(id, (_edge, attributes, source, target, _from, to) => {
      if (attributes.type !== 'leads-to' || to.kind !== 'cmoc') return
      addTo(downstream, source, target)
      addTo(upstream, target, source)
    })
  })
  const sorted = (map: Map<string, Set<string>>, id: string): string[] =>
    [...(map.get(id) ?? [])].sort(compareIds)
  return (cmocId) => ({
    upstream: walk(cmocId, (id) => sorted(upstream, id)),
    cmoc: cmocId,
    downstream: walk(cmocId, (id) => sorted(downstream, id)),
  })
}

/**
 * A chain of CMOCs through one of them (see {@link cmocChain}).
 *
 * @example
 * ```ts
 * const length = (chain: CmocChain): number => chain.upstream.length + 1 + chain.downstream.length
 * ```
 */
export interface CmocChain {
  readonly upstream: readonly string[]
  readonly cmoc: string
  readonly downstream: readonly string[]
}

/**
 * The CMOCs one CMOC leads to (or that lead to it, `in`), one step away, sorted.
 *
 * @example
 * ```ts
 * leadsToNeighbours(kb.graph, 'cmoc-a', 'out') // ['cmoc-b']
 * ```
 */
export function leadsToNeighbours(
  graph: KnowledgeGraph,
  id: string,
  direction: 'in' | 'out',
): string[] {
  const out = new Set<string>()
  if (!graph.hasNode(id)) return []
  const visit = (_edge: string, attributes: { type: string }, source: string, target: string) => {
    const other = direction === 'out' ? target : source
    if (attributes.type === 'leads-to' && graph.getNodeAttribute(other, 'kind') === 'cmoc')
      out.add(other)
  }
  if (direction === 'out') graph.forEachOutEdge(id, visit)
  else graph.forEachInEdge(id, visit)
  return [...out].sort(compareIds)
}

/**
 * Every cycle of `leads-to` links, each listed once from its smallest id, in a stable order. An
 * outcome cannot, in the end, be its own context: each cycle is reported as a diagnostic.
 *
 * @example
 * ```ts
 * leadsToCycles(kb.graph) // [['cmoc-x', 'cmoc-y', 'cmoc-z']]
 * ```
 */
export function leadsToCycles(graph: KnowledgeGraph): string[][] {
  // A strongly connected component of more than one CMOC, or one that leads to itself, holds a
  // cycle; listing the component names every CMOC on it.
  const chains = new DirectedGraph()
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (attributes.type !== 'leads-to') return
    chains.mergeNode(source)
    chains.mergeNode(target)
    chains.mergeEdge(source, target)
  })
  return stronglyConnectedComponents(chains)
    .filter((members) => members.length > 1 || chains.hasEdge(members[0], members[0]))
    .map((members) => orderCycle(graph, members))
    .sort((a, b) => compareIds(a[0] as string, b[0] as string))
}

/** The members of a cycle in the order the links run, starting from the smallest id. */
function orderCycle(graph: KnowledgeGraph, members: readonly string[]): string[] {
  const inside = new Set(members)
  const start = [...members].sort(compareIds)[0] as string
  const ordered = [start]
  const seen = new Set([start])
  let current = start
  for (;;) {
    const next = leadsToNeighbours(graph, current, 'out').find(
      (id) => inside.has(id) && !seen.has(id),
    )
    if (next === undefined) break
    ordered.push(next)
    seen.add(next)
    current = next
  }
  // Members not on the first loop found (a component with several loops) are still listed.
  for (const id of [...members].sort(compareIds)) if (!seen.has(id)) ordered.push(id)
  return ordered
}

/** The CMOCs reached from `start` one `step` at a time, nearest first, each once. */
function walk(start: string, step: (id: string) => readonly string[]): string[] {
  const out: string[] = []
  const seen = new Set([start])
  let frontier = [start]
  while (frontier.length > 0) {
    const next: string[] = []
    for (const id of frontier)
      for (const other of step(id)) {
        if (seen.has(other)) continue
        seen.add(other)
        out.push(other)
        next.push(other)
      }
    frontier = next
  }
  return out
}
