import type { CmocEntry, CmocRelations, TraceReport } from '@realist-kb/core'
import { oneLine } from '../interchange/entity-text.js'
import { clustersFor } from './clusters.js'
import type { Diagram, DiagramEdge, DiagramEdgeType } from './model.js'
import { cmocNode, recommendationNode } from './node-text.js'
import { type DiagramSource, reportOf } from './report-of.js'

/** The typed CMOC-to-CMOC links a diagram draws, with the word on each arrow. */
export const cmocRelationEdges: readonly (readonly [
  keyof CmocRelations,
  DiagramEdgeType,
  string,
])[] = [
  ['leadsTo', 'leads-to', 'leads to'],
  ['nestedIn', 'nested-in', 'nested in'],
  ['refines', 'refines', 'refines'],
  ['conflictsWith', 'conflicts-with', 'conflicts with'],
]

/** The arrows between the CMOCs of `cmocs`, as written on each, in the theory's order. */
export function cmocRelationArrows(
  cmocs: readonly CmocEntry[],
  drawn: (id: string) => boolean = () => true,
): DiagramEdge[] {
  const edges: DiagramEdge[] = []
  for (const cmoc of cmocs)
    for (const [key, type, label] of cmocRelationEdges)
      for (const link of cmoc.relations[key])
        if (drawn(link.id))
          edges.push({ source: cmoc.id, target: link.id, type, basis: link.basis, label })
  return edges
}

/**
 * The programme theory: the CMOCs and the recommendations derived from them, each in the
 * frame of its group (sub-groups framed inside their parent), in the theory's order. Arrows join
 * the CMOCs that lead to, nest in, refine or conflict with one another, and each CMOC to the
 * recommendations derived from it; each keeps the basis of the link it stands for, so inferred
 * links can be drawn differently. Built from the trace report (computed from a knowledge base
 * when given one), so the report's picture and the exports agree.
 *
 * @example
 * ```ts
 * import { programmeTheoryDiagram, writeMermaid } from '@realist-kb/export'
 * const mermaid = writeMermaid(programmeTheoryDiagram(kb))
 * ```
 */
export function programmeTheoryDiagram(source: DiagramSource): Diagram {
  const report = reportOf(source)
  const nodes = [
    ...report.cmocs.map((cmoc) => cmocNode(cmoc, cmoc.group)),
    ...report.recommendations.map((rec) => recommendationNode(rec, rec.group)),
  ]
  const edges: DiagramEdge[] = cmocRelationArrows(report.cmocs)
  for (const rec of report.recommendations)
    for (const link of rec.cmocs)
      edges.push({ source: link.id, target: rec.id, type: 'derived-from', basis: link.basis })
  return {
    name: 'programme-theory',
    title: theoryTitle(report),
    clusters: clustersFor(report.groups, nodes),
    nodes,
    edges,
  }
}

function theoryTitle(report: TraceReport): string {
  return oneLine(
    report.review === undefined ? 'Programme theory' : `Programme theory: ${report.review.title}`,
  )
}
