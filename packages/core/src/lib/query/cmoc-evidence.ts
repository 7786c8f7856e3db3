import type { EdgeAttributes, KnowledgeGraph } from '../graph/types.js'
import type { EntityOf } from '../model/entity.js'

/**
 * One evidence-to-target edge that reaches a CMOC: written on the CMOC itself, or on a group it
 * belongs to (`via`, the group's id), the way reviews list their studies per theory area.
 */
export interface EvidenceEdge {
  readonly evidence: string
  /** The evidence entry itself. */
  readonly entity: EntityOf<'evidence'>
  readonly edge: EdgeAttributes
  readonly via?: string
}

/**
 * The groups a CMOC (or a group) belongs to, nearest first, each once: its group, that group's
 * parent, and so on. A cycle of parents stops at the first repeat.
 *
 * @example
 * ```ts
 * groupChain(kb.graph, 'cmoc-2c') // ['cognitive-participation']
 * ```
 */
export function groupChain(graph: KnowledgeGraph, id: string): string[] {
  const chain: string[] = []
  const seen = new Set<string>([id])
  let current: string | undefined = id
  while (current !== undefined) {
    let next: string | undefined
    graph.forEachOutEdge(current, (_edge, attributes, _source, target, _from, to) => {
      if (
        next === undefined &&
        attributes.type === 'belongs-to' &&
        to.kind === 'group' &&
        !seen.has(target)
      )
        next = target
    })
    if (next !== undefined) {
      seen.add(next)
      chain.push(next)
    }
    current = next
  }
  return chain
}

/**
 * Every evidence edge that reaches a CMOC, directly or through its groups, direct ones first.
 * `stopWhen` ends the walk early (gap checks need only to know whether there are none, one or
 * several studies).
 *
 * @example
 * ```ts
 * evidenceEdgesOfCmoc(kb.graph, 'cmoc-2c').map((item) => item.evidence)
 * ```
 */
export function evidenceEdgesOfCmoc(
  graph: KnowledgeGraph,
  cmocId: string,
  stopWhen?: (found: EvidenceEdge) => boolean,
): EvidenceEdge[] {
  const out: EvidenceEdge[] = []
  if (!graph.hasNode(cmocId)) return out
  let stopped = false
  const collect = (target: string, via: string | undefined): void => {
    // The edge walk hands over each end's attributes: no lookup of the evidence entry by id.
    graph.someInEdge(target, (_edge, attributes, source, _target, entity) => {
      if (attributes.type !== 'evidences' || entity.kind !== 'evidence') return false
      const found: EvidenceEdge =
        via === undefined
          ? { evidence: source, entity, edge: attributes }
          : { evidence: source, entity, edge: attributes, via }
      out.push(found)
      stopped = stopWhen?.(found) ?? false
      return stopped
    })
  }
  collect(cmocId, undefined)
  for (const group of groupChain(graph, cmocId)) {
    if (stopped) break
    collect(group, group)
  }
  return out
}

/**
 * The study an evidence entry is drawn from, if it resolves.
 *
 * @example
 * ```ts
 * studyOfEvidence(kb.graph, 'collins-2022-e1') // 'collins-2022'
 * ```
 */
export function studyOfEvidence(graph: KnowledgeGraph, evidenceId: string): string | undefined {
  return studyEntityOfEvidence(graph, evidenceId)?.id
}

/**
 * The study an evidence entry is drawn from, as an entity, if it resolves.
 *
 * @example
 * ```ts
 * studyEntityOfEvidence(kb.graph, 'collins-2022-e1')?.data.citation.year // 2022
 * ```
 */
export function studyEntityOfEvidence(
  graph: KnowledgeGraph,
  evidenceId: string,
): EntityOf<'study'> | undefined {
  let study: EntityOf<'study'> | undefined
  graph.someOutEdge(evidenceId, (_edge, attributes, _source, _target, _from, to) => {
    if (attributes.type === 'drawn-from' && to.kind === 'study') {
      study = to
      return true
    }
    return false
  })
  return study
}

/**
 * Up to `limit` distinct studies behind a CMOC (directly or through its groups).
 *
 * @example
 * ```ts
 * someStudiesOfCmoc(kb.graph, 'cmoc-2c', 2).length // 0, 1 or 2
 * ```
 */
export function someStudiesOfCmoc(graph: KnowledgeGraph, cmocId: string, limit: number): string[] {
  const studies = new Set<string>()
  evidenceEdgesOfCmoc(graph, cmocId, ({ evidence }) => {
    const study = studyOfEvidence(graph, evidence)
    if (study !== undefined) studies.add(study)
    return studies.size >= limit
  })
  return [...studies]
}
