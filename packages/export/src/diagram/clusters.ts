import type { GroupEntry } from '@realist-kb/core'
import { oneLine } from '../interchange/entity-text.js'
import type { DiagramCluster, DiagramNode } from './model.js'
import { shorten } from './node-text.js'

/**
 * The frames for the groups that hold a box, directly or through a sub-group, in the theory's
 * order with each parent before its sub-groups. A group with nothing drawn in it gets no frame
 * (an empty frame cannot be laid out), and a parent link that would loop is dropped.
 */
export function clustersFor(
  groups: readonly GroupEntry[],
  nodes: readonly DiagramNode[],
): DiagramCluster[] {
  const byId = new Map(groups.map((group) => [group.id, group]))
  const parentOf = new Map<string, string>()
  for (const group of groups) {
    // Follow the parents up: a loop back to this group leaves it without one.
    const seen = new Set([group.id])
    let parent = group.parent
    while (parent !== undefined && byId.has(parent) && !seen.has(parent)) {
      seen.add(parent)
      parent = byId.get(parent)?.parent
    }
    if (group.parent !== undefined && byId.has(group.parent) && parent === undefined)
      parentOf.set(group.id, group.parent)
  }
  const holding = new Set<string>()
  for (const node of nodes) {
    for (let id = node.cluster; id !== undefined && !holding.has(id); id = parentOf.get(id))
      holding.add(id)
  }
  const clusters: DiagramCluster[] = []
  const placed = new Set<string>()
  const place = (group: GroupEntry): void => {
    if (placed.has(group.id) || !holding.has(group.id)) return
    const parent = parentOf.get(group.id)
    const parentGroup = parent === undefined ? undefined : byId.get(parent)
    if (parentGroup !== undefined) place(parentGroup)
    placed.add(group.id)
    clusters.push({
      id: group.id,
      label: shorten(group.name),
      detail: oneLine(group.description),
      ...(parent === undefined ? {} : { parent }),
    })
  }
  for (const group of groups) place(group)
  return clusters
}
