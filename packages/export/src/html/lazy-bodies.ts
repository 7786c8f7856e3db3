import type { TraceReport } from '@realist-kb/core'
import { listedAtMost } from '../report/capped-list.js'

/**
 * How many chain items (CMOCs and the evidence shown under them) the recommendation cards may
 * hold before their bodies are rendered on first open instead of with the page. Below it every
 * card is in the document, so it prints open and is found by the browser's own search without
 * the script; above it a page of thousands of evidence entries would start with a DOM too large
 * to stay responsive.
 */
export const eagerChainItemsAtMost = 400

/** Whether the cards of this report wait in templates until opened. */
export function lazyBodies(report: TraceReport): boolean {
  const evidenceOf = new Map(report.cmocs.map((cmoc) => [cmoc.id, cmoc.evidence.length]))
  let items = 0
  for (const rec of report.recommendations)
    for (const link of rec.cmocs) items += 1 + Math.min(evidenceOf.get(link.id) ?? 0, listedAtMost)
  return items > eagerChainItemsAtMost
}
