import graphology from 'graphology'
import { edgeAttributesOf, linkEdgeKey } from '../graph/resolve-links.js'
import type { GraphAttributes, KnowledgeGraph } from '../graph/types.js'
import type { Entity, Link } from '../model/entity.js'
import type { Writable } from '../optional-field.js'

// graphology ships CommonJS; its named class is reached through the default export under Node ESM.
const { MultiDirectedGraph } = graphology

/**
 * A knowledge graph as a cache stores it: a third of the size of `graph.export()` and faster to
 * read back. Each edge is the resolved form of one of its source's links, so edges are not stored
 * but made again from the links; the links share their `expected` lists through a table and
 * leave out their file when it is the entity's; bodies are left out (they are the end of each
 * file, which a warm load reads anyway).
 */
export interface StoredGraph {
  readonly attributes: GraphAttributes
  readonly nodes: readonly { readonly key: string; readonly attributes: StoredEntity }[]
  /** Every distinct `expected` list of a link; links hold an index into it. */
  readonly expectedLists: readonly Link['expected'][]
  /** Body length of each node whose body is not empty: the body is the end of its file. */
  readonly bodyLengths: Readonly<Record<string, number>>
  /**
   * How to make the edges again: every link becomes an edge in order but those listed by node,
   * or, should the graph not be made that way, every edge as `export()` gives it.
   */
  readonly edges:
    | { readonly unresolvedLinks: Readonly<Record<string, readonly number[]>> }
    | { readonly all: ReturnType<KnowledgeGraph['export']>['edges'] }
}

/** An entity as stored: links compacted, body empty. Shapes are restored in place. */
type StoredEntity = Omit<Entity, 'links'> & { readonly links: readonly StoredLink[] }

type StoredLink = Omit<Link, 'expected' | 'place'> & {
  readonly expected: number
  /** `file` is 0 when it is the entity's file: a number keeps the key in its place. */
  readonly place: Omit<Link['place'], 'file'> & { readonly file: string | 0 }
}

/**
 * Store a graph built by `buildKnowledgeBase`.
 *
 * @example
 * ```ts
 * const stored = storeGraph(kb.graph)
 * const again = restoreGraph(JSON.parse(JSON.stringify(stored)), bodyOf)
 * ```
 */
export function storeGraph(graph: KnowledgeGraph): StoredGraph {
  const exported = graph.export()
  const expectedLists: Link['expected'][] = []
  const expectedIndex = new Map<string, number>()
  const bodyLengths: Record<string, number> = {}
  const unresolvedLinks: Record<string, number[]> = {}
  let nextEdge = 0
  let edgesFollowLinks = true
  const nodes = exported.nodes.map(({ key, attributes }) => {
    const entity = attributes as Entity
    if (entity.body !== '') bodyLengths[key] = entity.body.length
    const links = entity.links.map((link, index): StoredLink => {
      // The edges must be exactly the resolved links, in order, for them to be made again.
      const edge = exported.edges[nextEdge]
      if (edge?.source === key && edge.key === linkEdgeKey(key, link)) nextEdge++
      else {
        unresolvedLinks[key] ??= []
        unresolvedLinks[key].push(index)
      }
      const listKey = link.expected.join(',')
      let expected = expectedIndex.get(listKey)
      if (expected === undefined) {
        expected = expectedLists.push(link.expected) - 1
        expectedIndex.set(listKey, expected)
      }
      return {
        ...link,
        expected,
        place: { ...link.place, file: link.place.file === entity.file ? 0 : link.place.file },
      }
    })
    return { key, attributes: { ...entity, body: '', links } as StoredEntity }
  })
  if (nextEdge !== exported.edges.length) edgesFollowLinks = false
  return {
    attributes: exported.attributes ?? {},
    nodes,
    expectedLists,
    bodyLengths,
    edges: edgesFollowLinks ? { unresolvedLinks } : { all: exported.edges },
  }
}

/**
 * The graph a {@link StoredGraph} was made from. Takes ownership of `stored` (freshly parsed):
 * its objects become the graph's attributes, reshaped in place so that every key keeps its order.
 *
 * @example
 * ```ts
 * const graph = restoreGraph(stored, (file, length) => texts.get(file)?.slice(-length) ?? '')
 * ```
 */
export function restoreGraph(
  stored: StoredGraph,
  bodyOf: (file: string, length: number) => string,
): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph()
  graph.replaceAttributes(stored.attributes)
  for (const { key, attributes } of stored.nodes) {
    const entity = attributes as Writable<StoredEntity>
    const length = stored.bodyLengths[key]
    if (length !== undefined) entity.body = bodyOf(entity.file, length)
    for (const link of entity.links as Writable<StoredLink>[]) {
      ;(link as unknown as Writable<Link>).expected = stored.expectedLists[link.expected] ?? []
      const place = link.place as Writable<StoredLink['place']>
      if (place.file === 0) place.file = entity.file
    }
    graph.addNode(key, entity as unknown as Entity)
  }
  if ('all' in stored.edges) {
    graph.import({ edges: stored.edges.all })
    return graph
  }
  const unresolved = stored.edges.unresolvedLinks
  for (const { key, attributes } of stored.nodes) {
    const skipped = unresolved[key]
    const links = (attributes as unknown as Entity).links
    for (let index = 0; index < links.length; index++) {
      if (skipped?.includes(index)) continue
      const link = links[index] as Link
      graph.addEdgeWithKey(linkEdgeKey(key, link), key, link.target, edgeAttributesOf(link))
    }
  }
  return graph
}

/**
 * Whether `restoreGraph` can rebuild this stored graph: every node and link of the shape it reads,
 * node keys distinct, and every edge between known nodes under a key of its own. Checked when the
 * snapshot is read, so that a snapshot restored later (on first use of the graph) cannot fail:
 * one that passes its seal and still does not fit is dropped and the files are read afresh.
 */
export function isRestorable(stored: unknown): stored is StoredGraph {
  if (!isObject(stored) || !isObject(stored.attributes) || !isObject(stored.bodyLengths))
    return false
  const { nodes, expectedLists, edges } = stored
  if (!Array.isArray(nodes) || !Array.isArray(expectedLists) || !isObject(edges)) return false
  const keys = new Set<string>()
  for (const node of nodes as unknown[]) {
    if (!isObject(node) || typeof node.key !== 'string' || keys.has(node.key)) return false
    const entity = node.attributes
    if (!isObject(entity) || typeof entity.file !== 'string' || !Array.isArray(entity.links))
      return false
    for (const link of entity.links as unknown[])
      if (
        !isObject(link) ||
        typeof link.target !== 'string' ||
        typeof link.expected !== 'number' ||
        !isObject(link.place)
      )
        return false
    keys.add(node.key)
  }
  const edgeKeys = new Set<string>()
  const distinctEdge = (key: string, source: unknown, target: unknown): boolean => {
    if (edgeKeys.has(key) || !keys.has(source as string) || !keys.has(target as string))
      return false
    edgeKeys.add(key)
    return true
  }
  if ('all' in edges) {
    if (!Array.isArray(edges.all)) return false
    for (const edge of edges.all as unknown[])
      if (!isObject(edge) || !distinctEdge(String(edge.key), edge.source, edge.target)) return false
    return true
  }
  const unresolved = edges.unresolvedLinks
  if (!isObject(unresolved)) return false
  for (const { key, attributes } of nodes as StoredGraph['nodes']) {
    const skipped = unresolved[key]
    if (skipped !== undefined && !Array.isArray(skipped)) return false
    const links = attributes.links as unknown as readonly Link[]
    for (let index = 0; index < links.length; index++) {
      if ((skipped as unknown[] | undefined)?.includes(index)) continue
      const link = links[index] as Link
      if (!distinctEdge(linkEdgeKey(key, link), key, link.target)) return false
    }
  }
  return true
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
