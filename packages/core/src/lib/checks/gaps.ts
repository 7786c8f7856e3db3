import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { KnowledgeGraph } from '../graph/types.js'
import { kindDefinitions } from '../kinds/index.js'
import type { GapName } from '../kinds/kind.js'
import type { Entity } from '../model/entity.js'
import { optional } from '../optional-field.js'
import type { Acknowledgement } from '../schema/common.js'

/**
 * The evidence gaps of a whole knowledge base, as diagnostics: each kind's gap rules (see
 * `kindDefinitions`) run on each entity, and gaps the entity or the review acknowledges become
 * info, with their reason.
 *
 * @example
 * ```ts
 * const warnings = checkGaps(kb.graph).filter((d) => d.severity === 'warning')
 * ```
 */
export function checkGaps(graph: KnowledgeGraph): Diagnostic[] {
  const raw: Diagnostic[] = []
  graph.forEachNode((id) => {
    for (const diagnostic of checkNodeGaps(graph, id)) raw.push(diagnostic)
  })
  let review: string | undefined
  let reviews = 0
  graph.forEachNode((id, entity) => {
    if (entity.kind !== 'review') return
    reviews++
    review = id
  })
  return acknowledgeForReview(graph, raw, reviews === 1 ? review : undefined)
}

/**
 * The gaps of one entity, with the entity's own acknowledgements applied (the review's are
 * applied over the whole base by {@link acknowledgeForReview}). Lets an incremental update recheck
 * only the entities an edit can affect.
 *
 * @example
 * ```ts
 * checkNodeGaps(kb.graph, 'cmoc-2c') // [] or a cmoc-without-evidence / single-study-cmoc diagnostic
 * ```
 */
export function checkNodeGaps(graph: KnowledgeGraph, id: string): Diagnostic[] {
  const entity = graph.getNodeAttributes(id)
  const definition = kindDefinitions[entity.kind] as {
    findGaps?: (graph: KnowledgeGraph, entity: Entity) => { name: GapName; message: string }[]
  }
  const findings = definition.findGaps?.(graph, entity) ?? []
  // The review's acknowledgements are for the whole base: see acknowledgeForReview.
  const acknowledged =
    entity.kind === 'review' ? new Map<GapName, string>() : acknowledgementsOf(entity)
  const at = { file: entity.file, position: { line: 1, column: 1 }, entity: id }
  const out = findings.map((finding) =>
    gapDiagnostic(
      finding.name,
      { ...at, message: finding.message },
      acknowledged.get(finding.name),
    ),
  )
  for (const [gap] of acknowledged) {
    if (findings.some((finding) => finding.name === gap)) continue
    out.push(
      createDiagnostic('unneeded-acknowledgement', {
        ...at,
        message: `Unexpected acknowledgement of \`${gap}\` on \`${id}\`, which has no such gap`,
      }),
    )
  }
  return out
}

/**
 * Apply the review's own acknowledgements (`acknowledged:` in `review.md`, for the whole base) to
 * gap diagnostics, and report the ones that acknowledge a gap the base does not have.
 *
 * @example
 * ```ts
 * const diagnostics = acknowledgeForReview(kb.graph, gapDiagnostics, 'ipco-2025')
 * ```
 */
export function acknowledgeForReview(
  graph: KnowledgeGraph,
  diagnostics: readonly Diagnostic[],
  reviewId: string | undefined,
): Diagnostic[] {
  const review = reviewId === undefined ? undefined : graph.getNodeAttributes(reviewId)
  const acknowledged = review === undefined ? new Map() : acknowledgementsOf(review)
  if (acknowledged.size === 0) return [...diagnostics]
  const seen = new Set<string>()
  const out = diagnostics.map((diagnostic) => {
    const reason = acknowledged.get(diagnostic.name as GapName)
    if (reason === undefined) return diagnostic
    seen.add(diagnostic.name)
    if (diagnostic.acknowledged !== undefined) return diagnostic
    return gapDiagnostic(
      diagnostic.name as GapName,
      {
        file: diagnostic.file,
        position: diagnostic,
        message: diagnostic.message,
        ...optional('entity', diagnostic.entity),
      },
      reason,
    )
  })
  for (const [gap] of acknowledged) {
    if (seen.has(gap) || review === undefined) continue
    out.push(
      createDiagnostic('unneeded-acknowledgement', {
        file: review.file,
        position: { line: 1, column: 1 },
        entity: review.id,
        message: `Unexpected acknowledgement of \`${gap}\` for the whole review, which has no such gap`,
      }),
    )
  }
  return out
}

function gapDiagnostic(
  name: GapName,
  init: Parameters<typeof createDiagnostic>[1],
  reason: string | undefined,
): Diagnostic {
  if (reason === undefined) return createDiagnostic(name, init)
  return {
    ...createDiagnostic(name, { ...init, severity: 'info', hint: `Acknowledged: ${reason}` }),
    acknowledged: reason,
  }
}

function acknowledgementsOf(entity: Entity): Map<GapName, string> {
  const list = (entity.data as { acknowledged?: readonly Acknowledgement[] }).acknowledged ?? []
  return new Map(list.map((ack) => [ack.gap as GapName, ack.reason]))
}
