import {
  compareEntities,
  type EntityOf,
  entitiesOfKind,
  type KnowledgeGraph,
  neighbours,
} from '@realist-kb/core'

/**
 * The CMOCs in the theory's order: by the order of their group (CMOCs without a group last),
 * then by their own `order` within it. A CMOC's `order` counts within its group, so sorting by
 * it alone would interleave the groups (1a, 2a, 3a, 1b, ...).
 *
 * @example
 * ```ts
 * cmocsInTheoryOrder(kb.graph).map((cmoc) => cmoc.id) // ['cmoc-1a', 'cmoc-1b', ..., 'cmoc-2a', ...]
 * ```
 */
export function cmocsInTheoryOrder(graph: KnowledgeGraph): EntityOf<'cmoc'>[] {
  const groupRank = new Map(entitiesOfKind(graph, 'group').map((group, index) => [group.id, index]))
  const rank = new Map<string, number>()
  const cmocs = entitiesOfKind(graph, 'cmoc')
  for (const cmoc of cmocs) {
    const group = neighbours(graph, cmoc.id, 'out', 'belongs-to', 'group')[0]?.entity.id
    rank.set(cmoc.id, (group === undefined ? undefined : groupRank.get(group)) ?? groupRank.size)
  }
  return cmocs.sort(
    (a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0) || compareEntities(a, b),
  )
}
