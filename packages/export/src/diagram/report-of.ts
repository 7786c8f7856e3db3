import { buildTraceReport, type KnowledgeBase, type TraceReport } from '@realist-kb/core'

/**
 * What a diagram is built from: a knowledge base, or the trace report already computed from it
 * (the HTML report passes its report, so the picture shows what the page shows).
 *
 * @example
 * ```ts
 * const source: DiagramSource = buildTraceReport(kb)
 * programmeTheoryDiagram(source) // the same diagram as programmeTheoryDiagram(kb)
 * ```
 */
export type DiagramSource = KnowledgeBase | TraceReport

/** The trace report of a source: diagrams are drawn from what the report shows, nothing else. */
export function reportOf(source: DiagramSource): TraceReport {
  return 'graph' in source ? buildTraceReport(source) : source
}
