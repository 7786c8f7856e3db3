import type { KnowledgeBase } from '@realist-kb/core'
import { uuidV5 } from './uuid-v5.js'

// What tells one review from another, most specific first: a DOI or a registration names one
// review the world over; the id and title are the fallback for a review not yet published.
function reviewIdentity(kb: KnowledgeBase): string {
  const id = kb.graph.getAttribute('review')
  if (id === undefined || !kb.graph.hasNode(id)) return 'review:'
  const review = kb.graph.getNodeAttributes(id)
  if (review.kind !== 'review') return `review:${id}`
  const { doi, registration, title } = review.data
  if (doi !== undefined) return `doi:${doi.toLowerCase()}`
  if (registration !== undefined) return `registration:${registration}`
  return `review:${id}:${title}`
}

/**
 * A GUID maker scoped to one review: `cmoc-1a` of two reviews gets two GUIDs, and the same
 * entity of the same review the same GUID on every export, so a QDA tool can merge re-exports.
 *
 * @example
 * ```ts
 * const guid = reviewGuids(kb)
 * guid('code', 'cmoc-1a') // the same UUID on every export of this review
 * ```
 */
export function reviewGuids(kb: KnowledgeBase): (purpose: string, id: string) => string {
  const namespace = uuidV5(reviewIdentity(kb))
  return (purpose, id) => uuidV5(`${purpose}:${id}`, namespace)
}
