import type { Diagram } from './model.js'

/**
 * A diagram of at most `max` boxes, for drawings that must stay quick to lay out: whole
 * top-level groups in the diagram's order while they fit (boxes outside every group count as one
 * more group), the first cut short if it alone is too large, and a note saying what is left out.
 */
export function capDiagram(diagram: Diagram, max: number): Diagram {
  if (diagram.nodes.length <= max) return diagram
  const parentOf = new Map(diagram.clusters.map((cluster) => [cluster.id, cluster.parent]))
  const topOf = (cluster: string | undefined): string => {
    const seen = new Set<string>()
    let id = cluster
    while (id !== undefined && !seen.has(id)) {
      seen.add(id)
      const parent = parentOf.get(id)
      if (parent === undefined || !parentOf.has(parent)) return id
      id = parent
    }
    return id ?? ''
  }
  const sizes = new Map<string, number>()
  for (const node of diagram.nodes) {
    const top = topOf(node.cluster)
    sizes.set(top, (sizes.get(top) ?? 0) + 1)
  }
  const kept = new Set<string>()
  let count = 0
  for (const [top, size] of sizes) {
    if (count > 0 && count + size > max) break
    kept.add(top)
    count += size
  }
  const nodes = diagram.nodes.filter((node) => kept.has(topOf(node.cluster))).slice(0, max)
  const ids = new Set(nodes.map((node) => node.id))
  // Only frames that still hold a box: an empty frame cannot be laid out.
  const holding = new Set<string>()
  for (const node of nodes)
    for (let id = node.cluster; id !== undefined && !holding.has(id); id = parentOf.get(id))
      holding.add(id)
  return {
    ...diagram,
    clusters: diagram.clusters.filter((cluster) => holding.has(cluster.id)),
    nodes,
    edges: diagram.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)),
    note: `${nodes.length} of ${diagram.nodes.length} boxes drawn, the first groups in order; the DOT and Mermaid exports hold them all.`,
  }
}
