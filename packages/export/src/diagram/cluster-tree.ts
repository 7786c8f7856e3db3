import type { Diagram, DiagramCluster, DiagramNode } from './model.js'
import { pushTo } from './push-to.js'

/** What sits directly in a cluster (or, for `undefined`, outside every cluster). */
export interface ClusterContents {
  readonly clusters: readonly DiagramCluster[]
  readonly nodes: readonly DiagramNode[]
}

/**
 * The clusters and nodes directly inside each cluster, in the diagram's order; `undefined` is the
 * top level. A node or cluster naming a cluster the diagram lacks sits at the top level, so the
 * notations that nest (DOT, Mermaid, SVG) all draw every node exactly once.
 */
export function clusterTree(diagram: Diagram): (id: string | undefined) => ClusterContents {
  // A parent counts only when it comes first, as the model promises: no loop can hide a cluster.
  const known = new Set<string>()
  const at = (id: string | undefined): string | undefined =>
    id !== undefined && known.has(id) ? id : undefined
  const clusters = new Map<string | undefined, DiagramCluster[]>()
  const nodes = new Map<string | undefined, DiagramNode[]>()
  for (const cluster of diagram.clusters) {
    if (known.has(cluster.id)) continue
    pushTo(clusters, at(cluster.parent), cluster)
    known.add(cluster.id)
  }
  for (const node of diagram.nodes) pushTo(nodes, at(node.cluster), node)
  return (id) => ({ clusters: clusters.get(id) ?? [], nodes: nodes.get(id) ?? [] })
}
