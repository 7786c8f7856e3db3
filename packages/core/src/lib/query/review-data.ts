import type { KnowledgeGraph } from '../graph/types.js'
import type { ReviewData } from '../kinds/review.js'

/**
 * The review's own data, found through the graph's `review` attribute (no walk over the nodes);
 * `undefined` when the base has no valid review file.
 */
export function reviewDataOf(graph: KnowledgeGraph): ReviewData | undefined {
  const id = graph.getAttribute('review')
  if (id === undefined || !graph.hasNode(id)) return undefined
  const review = graph.getNodeAttributes(id)
  return review.kind === 'review' ? review.data : undefined
}
