import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { KnowledgeBase } from '../graph/types.js'
import { type EntityKind, entityKinds } from '../kinds/index.js'
import { type GapName, gapNames } from '../kinds/kind.js'
import { isEvidenceSource } from '../kinds/study.js'
import type { EdgeType } from '../model/entity.js'
import { neighbours, studiesOfCmoc } from './neighbours.js'

/**
 * The links whose basis a reader weighs: a recommendation resting on a CMOC, evidence bearing on
 * a CMOC or group, and CMOC-to-CMOC relations. Structural edges (membership of a group, the study
 * an evidence entry is drawn from, audiences, inline mentions) are not counted as stated or
 * inferred.
 */
const weighedLinkTypes: ReadonlySet<EdgeType> = new Set(['derived-from', 'evidences', 'relates-to'])

/**
 * How completely the chain recommendation -> CMOC -> evidence -> study is filled in.
 *
 * @example
 * ```ts
 * const { recommendations }: Coverage = coverage(kb)
 * console.log(`${recommendations.withCmocs} of ${recommendations.total} recommendations rest on CMOCs`)
 * ```
 */
export interface Coverage {
  readonly counts: Readonly<Record<EntityKind, number>>
  readonly recommendations: { readonly total: number; readonly withCmocs: number }
  readonly cmocs: {
    readonly total: number
    readonly withEvidence: number
    readonly withSeveralStudies: number
  }
  /** Sources of evidence (not theory or background sources), and those that evidence a CMOC. */
  readonly studies: { readonly total: number; readonly cited: number }
  readonly groups: { readonly total: number; readonly withCmocs: number }
  /** Links the encoder wrote and a reader weighs (rec-CMOC, evidence, CMOC relations), by basis. */
  readonly links: { readonly stated: number; readonly inferred: number }
}

/**
 * Count what is there and how well it is connected.
 *
 * @example
 * ```ts
 * const { cmocs } = coverage(kb)
 * console.log(`${cmocs.withEvidence} of ${cmocs.total} CMOCs have evidence`)
 * ```
 */
export function coverage(kb: KnowledgeBase): Coverage {
  const { graph } = kb
  const counts = Object.fromEntries(entityKinds.map((kind) => [kind, 0])) as Record<
    EntityKind,
    number
  >
  const result = {
    recommendations: { total: 0, withCmocs: 0 },
    cmocs: { total: 0, withEvidence: 0, withSeveralStudies: 0 },
    studies: { total: 0, cited: 0 },
    groups: { total: 0, withCmocs: 0 },
  }
  graph.forEachNode((id, node) => {
    counts[node.kind]++
    if (node.kind === 'recommendation') {
      result.recommendations.total++
      if (neighbours(graph, id, 'out', 'derived-from', 'cmoc').length > 0)
        result.recommendations.withCmocs++
    } else if (node.kind === 'cmoc') {
      result.cmocs.total++
      const studies = studiesOfCmoc(graph, id).length
      if (studies > 0) result.cmocs.withEvidence++
      if (studies > 1) result.cmocs.withSeveralStudies++
    } else if (node.kind === 'study' && isEvidenceSource(node.data)) {
      result.studies.total++
      if (neighbours(graph, id, 'in', 'drawn-from', 'evidence').length > 0) result.studies.cited++
    } else if (node.kind === 'group') {
      result.groups.total++
      if (neighbours(graph, id, 'in', 'belongs-to', 'cmoc').length > 0) result.groups.withCmocs++
    }
  })
  const links = { stated: 0, inferred: 0 }
  graph.forEachEdge((_edge, attributes) => {
    if (weighedLinkTypes.has(attributes.type)) links[attributes.basis]++
  })
  return { counts, ...result, links }
}

/**
 * The evidence gaps of a knowledge base, grouped by kind of gap.
 *
 * @example
 * ```ts
 * gaps(kb)['cmoc-without-evidence'].map((gap) => gap.entity)
 * ```
 */
export function gaps(kb: KnowledgeBase): Record<GapName, Diagnostic[]> {
  const grouped = Object.fromEntries(gapNames.map((name) => [name, [] as Diagnostic[]])) as Record<
    GapName,
    Diagnostic[]
  >
  for (const diagnostic of kb.diagnostics) {
    if ((gapNames as readonly string[]).includes(diagnostic.name))
      grouped[diagnostic.name as GapName].push(diagnostic)
  }
  return grouped
}
