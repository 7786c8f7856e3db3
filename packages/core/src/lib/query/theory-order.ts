import type { KnowledgeGraph } from '../graph/types.js'
import { compareEntities, entitiesOfKind, neighbours } from './neighbours.js'

/**
 * Entities that belong to groups (CMOCs, recommendations) in the theory's order: by the order of
 * their group (those without a group last), then by their own `order` and id. An entity's
 * `order` counts within its group, so sorting by it alone would interleave the groups (1a, 2a,
 * 3a, 1b, ...). Returns a new array.
 *
 * @example
 * ```ts
 * inTheoryOrder(kb.graph, entitiesOfKind(kb.graph, 'cmoc')).map((cmoc) => cmoc.id)
 * // ['cmoc-1a', 'cmoc-1b', ..., 'cmoc-2a', ...]
 * ```
 */
export function inTheoryOrder<T extends { readonly id: string; readonly data: unknown }>(
  graph: KnowledgeGraph,
  entities: readonly T[],
): T[] {
  const groupRank = new Map(entitiesOfKind(graph, 'group').map((group, index) => [group.id, index]))
  const rank = new Map<string, number>()
  for (const entity of entities) {
    const group = neighbours(graph, entity.id, 'out', 'belongs-to', 'group')[0]?.entity.id
    rank.set(entity.id, (group === undefined ? undefined : groupRank.get(group)) ?? groupRank.size)
  }
  return [...entities].sort(
    (a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || compareEntities(a, b),
  )
}
