import type { KnowledgeBase } from '@realist-kb/core'

const byFirst = (a: unknown[], b: unknown[]): number =>
  String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0

/**
 * Everything a knowledge base holds, independent of the order nodes and edges were added in:
 * what two ways of building the same knowledge base must agree on.
 */
export function kbSnapshot(kb: KnowledgeBase): unknown {
  return {
    nodes: kb.graph.mapNodes((id, attributes) => [id, attributes]).sort(byFirst),
    edges: kb.graph
      .mapEdges((key, attributes, source, target) => [key, source, target, attributes])
      .sort(byFirst),
    diagnostics: kb.diagnostics,
    files: kb.files,
    review: kb.graph.getAttribute('review'),
  }
}
