import {
  compareEntities,
  compareIds,
  type EdgeAttributes,
  type Entity,
  entityKinds,
  type KnowledgeGraph,
} from '@realist-kb/core'

/** One edge of the graph with its key and ends. */
export interface GraphEdge {
  readonly key: string
  readonly source: string
  readonly target: string
  readonly attributes: EdgeAttributes
}

/**
 * Every entity, grouped by kind (in the order of `entityKinds`) and sorted within a kind the way
 * reports sort them, so that every export lists them in the same order whatever the file order.
 *
 * @example
 * ```ts
 * sortedEntities(kb.graph).map((entity) => entity.id)
 * ```
 */
export function sortedEntities(graph: KnowledgeGraph): Entity[] {
  const entities: Entity[] = []
  graph.forEachNode((_id, entity) => {
    entities.push(entity)
  })
  return entities.sort(
    (a, b) => entityKinds.indexOf(a.kind) - entityKinds.indexOf(b.kind) || compareEntities(a, b),
  )
}

/**
 * Every edge, ordered by its source (as {@link sortedEntities} orders them), then by where the link
 * is written, then by target and key. Pass the sorted entities when you have them already.
 *
 * @example
 * ```ts
 * sortedEdges(kb.graph).map((edge) => `${edge.source} -> ${edge.target}`)
 * ```
 */
export function sortedEdges(
  graph: KnowledgeGraph,
  entities: readonly Entity[] = sortedEntities(graph),
): GraphEdge[] {
  const rank = new Map(entities.map((entity, index) => [entity.id, index]))
  const edges: GraphEdge[] = []
  graph.forEachEdge((key, attributes, source, target) => {
    edges.push({ key, source, target, attributes })
  })
  return edges.sort(
    (a, b) =>
      (rank.get(a.source) ?? 0) - (rank.get(b.source) ?? 0) ||
      a.attributes.place.line - b.attributes.place.line ||
      a.attributes.place.column - b.attributes.place.column ||
      compareIds(a.target, b.target) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
}
