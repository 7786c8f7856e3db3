import type { EdgeAttributes, KnowledgeGraph } from '../graph/types.js'
import type { EntityKind } from '../kinds/index.js'
import type { EntityOf } from '../model/entity.js'
import { pushTo } from '../push-to.js'

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
  index?: EvidenceIndex,
): EvidenceEdge[] {
  const out: EvidenceEdge[] = []
  if (!graph.hasNode(cmocId)) return out
  let stopped = false
  const collect = (target: string, via: string | undefined): void => {
    if (index !== undefined) {
      for (const edge of index.edgesInto(target)) {
        const found = via === undefined ? edge : { ...edge, via }
        out.push(found)
        stopped = stopWhen?.(found) ?? false
        if (stopped) return
      }
      return
    }
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

/**
 * Every evidence edge into each CMOC and group, and the study of every evidence entry, from one
 * walk over all of the graph's edges: for code that traces every CMOC of a base (a report),
 * where walking each CMOC's in-edges and each entry's out-edges one at a time cost more than the
 * rest of the trace together. A snapshot: build it again after the graph changes.
 */
export interface EvidenceIndex {
  /** The evidence edges into a CMOC or a group, in the graph's order. */
  readonly edgesInto: (target: string) => readonly EvidenceEdge[]
  /** The study an evidence entry is drawn from, as {@link studyEntityOfEvidence} finds it. */
  readonly studyOf: (evidenceId: string) => EntityOf<'study'> | undefined
  /** The evidence edges out of an evidence entry (to CMOCs and groups), in the graph's order. */
  readonly edgesFrom: (evidenceId: string) => readonly EvidenceTarget[]
}

/** An evidence edge as seen from its evidence entry: where it goes, and the edge. */
export interface EvidenceTarget {
  readonly target: string
  readonly kind: EntityKind
  readonly edge: EdgeAttributes
}

/**
 * Build the {@link EvidenceIndex} of a graph.
 *
 * @example
 * ```ts
 * const index = evidenceIndexOf(kb.graph)
 * evidenceEdgesOfCmoc(kb.graph, 'cmoc-2c', undefined, index).map((item) => index.studyOf(item.evidence)?.id)
 * ```
 */
export function evidenceIndexOf(graph: KnowledgeGraph): EvidenceIndex {
  const into = new Map<string, EvidenceEdge[]>()
  const from = new Map<string, EvidenceTarget[]>()
  const studies = new Map<string, EntityOf<'study'>>()
  graph.forEachEdge((_edge, attributes, source, target, entity, to) => {
    if (entity.kind !== 'evidence') return
    if (attributes.type === 'evidences') {
      pushTo(into, target, { evidence: source, entity, edge: attributes })
      pushTo(from, source, { target, kind: to.kind, edge: attributes })
    } else if (attributes.type === 'drawn-from' && to.kind === 'study' && !studies.has(source))
      studies.set(source, to)
  })
  return {
    edgesInto: (target) => into.get(target) ?? [],
    studyOf: (evidenceId) => studies.get(evidenceId),
    edgesFrom: (evidenceId) => from.get(evidenceId) ?? [],
  }
}
