import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { KnowledgeGraph } from '../graph/types.js'
import { leadsToCycles } from '../query/chains.js'
import { confidenceHints } from '../query/confidence-hints.js'

/**
 * Where a CMOC's confidence judgement and its data disagree sharply: high confidence, or no
 * concern about adequacy, on a CMOC that rests on one study or on inferred links only, and no
 * concern about methodological limitations when every appraised study is of low rigour. The
 * judgement is never changed: the warning asks the reviewer to look again.
 *
 * @example
 * ```ts
 * checkNodeJudgement(kb.graph, 'cmoc-2c') // [] or confidence-disagrees-with-data warnings
 * ```
 */
export function checkNodeJudgement(graph: KnowledgeGraph, id: string): Diagnostic[] {
  const entity = graph.getNodeAttributes(id)
  if (entity.kind !== 'cmoc' || entity.data.confidence === undefined) return []
  const confidence = entity.data.confidence
  const hints = confidenceHints(graph, id)
  const { studies, basis } = hints.adequacy
  const thin =
    studies === 0
      ? 'no study'
      : studies === 1
        ? 'a single study'
        : basis.stated === 0
          ? 'inferred links only'
          : undefined
  const at = { file: entity.file, position: { line: 1, column: 1 }, entity: id }
  const out: Diagnostic[] = []
  if (thin !== undefined && confidence.overall?.level === 'high')
    out.push(
      createDiagnostic('confidence-disagrees-with-data', {
        ...at,
        message: `Unexpected high confidence in \`${id}\`, which rests on ${thin}, expected a lower confidence or more evidence`,
      }),
    )
  if (thin !== undefined && confidence.adequacy?.concern === 'no-or-very-minor')
    out.push(
      createDiagnostic('confidence-disagrees-with-data', {
        ...at,
        message: `Unexpected "no or very minor" concern about adequacy for \`${id}\`, which rests on ${thin}, expected some concern or more evidence`,
      }),
    )
  const { rigour } = hints.methodologicalLimitations
  const appraised = rigour.high + rigour.moderate + rigour.low
  if (
    appraised > 0 &&
    rigour.low === appraised &&
    confidence.methodologicalLimitations?.concern === 'no-or-very-minor'
  )
    out.push(
      createDiagnostic('confidence-disagrees-with-data', {
        ...at,
        message: `Unexpected "no or very minor" concern about methodological limitations for \`${id}\`, whose appraised studies are all of low rigour, expected some concern`,
      }),
    )
  return out
}

/**
 * Every cycle of `leadsTo` links, as a warning on the first CMOC of each, with the cycle listed.
 *
 * @example
 * ```ts
 * checkLeadsToCycles(kb.graph).map((d) => d.message)
 * ```
 */
export function checkLeadsToCycles(graph: KnowledgeGraph): Diagnostic[] {
  return leadsToCycles(graph).map((cycle) => {
    const first = graph.getNodeAttributes(cycle[0] as string)
    const listed = [...cycle, cycle[0]].map((id) => `\`${id}\``).join(' -> ')
    return createDiagnostic('leads-to-cycle', {
      file: first.file,
      position: { line: 1, column: 1 },
      entity: first.id,
      message: `Unexpected cycle of \`leadsTo\` links ${listed}, expected a chain that ends`,
    })
  })
}
