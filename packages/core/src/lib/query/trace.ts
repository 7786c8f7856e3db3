import type { EdgeAttributes, KnowledgeGraph } from '../graph/types.js'
import type { EntityOf } from '../model/entity.js'
import { pushTo } from '../push-to.js'
import { type EvidenceIndex, evidenceEdgesOfCmoc, studyEntityOfEvidence } from './cmoc-evidence.js'
import {
  compareEntities,
  compareIds,
  entitiesOfKind,
  type Neighbour,
  neighbours,
} from './neighbours.js'

/**
 * One evidence entry behind a CMOC, with the study it comes from.
 *
 * @example
 * ```ts
 * const trace = evidenceForCmoc(kb.graph, 'cmoc-2c')
 * const steps: readonly EvidenceTrace[] = trace?.evidence ?? []
 * steps.map((step) => `${step.study?.id}: ${step.evidence.data.point} (${step.link.basis})`)
 * ```
 */
export interface EvidenceTrace {
  readonly evidence: EntityOf<'evidence'>
  /** The evidence-to-CMOC link, or to the group it reaches the CMOC through (basis, rationale, place). */
  readonly link: EdgeAttributes
  readonly study: EntityOf<'study'> | undefined
  /** The group the evidence is written on, when it reaches the CMOC through its group. */
  readonly via?: string
}

/**
 * A CMOC as reached from a recommendation, with its evidence and studies.
 *
 * @example
 * ```ts
 * const trace: CmocTrace | undefined = evidenceForCmoc(kb.graph, 'cmoc-2c')
 * console.log(trace?.group?.id, trace?.studies.map((study) => study.id))
 * ```
 */
export interface CmocTrace {
  readonly cmoc: EntityOf<'cmoc'>
  /** The recommendation-to-CMOC link; absent when the CMOC is traced on its own. */
  readonly link?: EdgeAttributes
  readonly group: EntityOf<'group'> | undefined
  readonly evidence: readonly EvidenceTrace[]
  /** The distinct studies behind the evidence, sorted by id. */
  readonly studies: readonly EntityOf<'study'>[]
}

/**
 * The whole path from a recommendation to the studies it rests on.
 *
 * @example
 * ```ts
 * const trace: RecommendationTrace | undefined = traceRecommendation(kb.graph, 'rec-2-3')
 * trace?.cmocs.map((cmoc) => `${cmoc.cmoc.id} (${cmoc.link?.basis}): ${cmoc.studies.length} studies`)
 * ```
 */
export interface RecommendationTrace {
  readonly recommendation: EntityOf<'recommendation'>
  readonly group: EntityOf<'group'> | undefined
  readonly audiences: readonly Neighbour<'audience'>[]
  readonly cmocs: readonly CmocTrace[]
  /** The distinct studies across all its CMOCs, sorted by id. */
  readonly studies: readonly EntityOf<'study'>[]
}

/**
 * The evidence behind a CMOC: each evidence entry, its link, and its study.
 *
 * @example
 * ```ts
 * const trace = evidenceForCmoc(kb.graph, 'cmoc-2c')
 * trace?.studies.map((study) => study.id)
 * ```
 */
export function evidenceForCmoc(graph: KnowledgeGraph, cmocId: string): CmocTrace | undefined {
  return evidenceForCmocWith(graph, cmocId)
}

/**
 * {@link evidenceForCmoc}, reading the CMOC's evidence edges and their studies from `index` when
 * given (a report, which traces every CMOC, builds one for all), else walking the graph.
 */
export function evidenceForCmocWith(
  graph: KnowledgeGraph,
  cmocId: string,
  index?: EvidenceIndex,
): CmocTrace | undefined {
  if (!graph.hasNode(cmocId)) return undefined
  const cmoc = graph.getNodeAttributes(cmocId)
  if (cmoc.kind !== 'cmoc') return undefined
  const edges = evidenceEdgesOfCmoc(graph, cmocId, undefined, index)
  const evidence = edges.map(({ evidence: id, entity, edge, via }) => {
    const step: EvidenceTrace = {
      evidence: entity,
      link: edge,
      study: index === undefined ? studyEntityOfEvidence(graph, id) : index.studyOf(id),
    }
    return via === undefined ? step : { ...step, via }
  })
  // Direct evidence first, in id order; then what reaches it through its groups.
  evidence.sort(
    (a, b) =>
      Number(a.via !== undefined) - Number(b.via !== undefined) ||
      compareIds(a.evidence.id, b.evidence.id),
  )
  return {
    cmoc,
    group: neighbours(graph, cmocId, 'out', 'belongs-to', 'group')[0]?.entity,
    evidence,
    studies: distinctStudies(evidence.map((item) => item.study)),
  }
}

/**
 * Trace a recommendation to its audiences, CMOCs, evidence and studies.
 *
 * @example
 * ```ts
 * const trace = traceRecommendation(kb.graph, 'rec-2-3')
 * trace?.cmocs.flatMap((cmoc) => cmoc.studies.map((study) => study.id))
 * ```
 */
export function traceRecommendation(
  graph: KnowledgeGraph,
  recommendationId: string,
): RecommendationTrace | undefined {
  return traceRecommendationWith(graph, recommendationId, (cmocId) =>
    evidenceForCmoc(graph, cmocId),
  )
}

/**
 * {@link traceRecommendation}, taking each CMOC's trace from `cmocTrace`: a report that has
 * traced every CMOC already passes them in rather than trace them again for each recommendation.
 */
export function traceRecommendationWith(
  graph: KnowledgeGraph,
  recommendationId: string,
  cmocTrace: (cmocId: string) => CmocTrace | undefined,
): RecommendationTrace | undefined {
  if (!graph.hasNode(recommendationId)) return undefined
  const recommendation = graph.getNodeAttributes(recommendationId)
  if (recommendation.kind !== 'recommendation') return undefined
  const cmocs: CmocTrace[] = []
  for (const { entity, edge } of neighbours(
    graph,
    recommendationId,
    'out',
    'derived-from',
    'cmoc',
  )) {
    const trace = cmocTrace(entity.id)
    if (trace) cmocs.push({ ...trace, link: edge })
  }
  cmocs.sort((a, b) => compareEntities(a.cmoc, b.cmoc))
  return {
    recommendation,
    group: neighbours(graph, recommendationId, 'out', 'belongs-to', 'group')[0]?.entity,
    audiences: neighbours(graph, recommendationId, 'out', 'addresses', 'audience').sort((a, b) =>
      compareEntities(a.entity, b.entity),
    ),
    cmocs,
    studies: distinctStudies(cmocs.flatMap((cmoc) => cmoc.studies)),
  }
}

/**
 * Where a study is used: its evidence, the CMOCs it bears on, and the recommendations above them.
 *
 * @example
 * ```ts
 * const usage: StudyUsage | undefined = studyUsage(kb.graph, 'collins-2022')
 * usage?.cmocs.map((cmoc) => cmoc.id)
 * ```
 */
export interface StudyUsage {
  readonly study: EntityOf<'study'>
  readonly evidence: readonly {
    readonly evidence: EntityOf<'evidence'>
    readonly cmocs: readonly Neighbour<'cmoc'>[]
    /** Groups the evidence bears on: it counts for every CMOC in them. */
    readonly groups: readonly Neighbour<'group'>[]
  }[]
  readonly cmocs: readonly EntityOf<'cmoc'>[]
  readonly recommendations: readonly EntityOf<'recommendation'>[]
}

/**
 * Where a study is used: its evidence entries, the CMOCs they bear on, and the recommendations
 * that derive from those CMOCs.
 *
 * @example
 * ```ts
 * studyUsage(kb.graph, 'collins-2022')?.recommendations.map((rec) => rec.id)
 * ```
 */
export function studyUsage(graph: KnowledgeGraph, studyId: string): StudyUsage | undefined {
  if (!graph.hasNode(studyId)) return undefined
  const study = graph.getNodeAttributes(studyId)
  if (study.kind !== 'study') return undefined
  const evidence = neighbours(graph, studyId, 'in', 'drawn-from', 'evidence').map(({ entity }) => ({
    evidence: entity,
    cmocs: neighbours(graph, entity.id, 'out', 'evidences', 'cmoc'),
    groups: neighbours(graph, entity.id, 'out', 'evidences', 'group'),
  }))
  const cmocs = new Map<string, EntityOf<'cmoc'>>()
  for (const item of evidence) {
    for (const { entity } of item.cmocs) cmocs.set(entity.id, entity)
    for (const { entity } of item.groups)
      for (const cmoc of cmocsOfGroup(graph, entity.id)) cmocs.set(cmoc.id, cmoc)
  }
  const recommendations = new Map<string, EntityOf<'recommendation'>>()
  for (const id of cmocs.keys()) {
    for (const { entity } of neighbours(graph, id, 'in', 'derived-from', 'recommendation'))
      recommendations.set(entity.id, entity)
  }
  return {
    study,
    evidence,
    cmocs: [...cmocs.values()].sort(compareEntities),
    recommendations: [...recommendations.values()].sort(compareEntities),
  }
}

/**
 * The recommendations that derive from a CMOC.
 *
 * @example
 * ```ts
 * recommendationsOfCmoc(kb.graph, 'cmoc-1b').map((rec) => rec.id)
 * ```
 */
export function recommendationsOfCmoc(
  graph: KnowledgeGraph,
  cmocId: string,
): EntityOf<'recommendation'>[] {
  return neighbours(graph, cmocId, 'in', 'derived-from', 'recommendation')
    .map(({ entity }) => entity)
    .sort(compareEntities)
}

/**
 * {@link recommendationsOfCmoc} for every CMOC, from the recommendations' own out-edges: for code
 * that asks for each CMOC's (a report). A CMOC's in-edges are mostly the evidence edges into it,
 * thousands each in a large base; a recommendation has a few links. A snapshot: build it again
 * after the graph changes.
 *
 * @example
 * ```ts
 * const recommendationsOf = recommendationsOfEveryCmoc(kb.graph)
 * recommendationsOf('cmoc-1b').map((rec) => rec.id) // as recommendationsOfCmoc(kb.graph, 'cmoc-1b')
 * ```
 */
export function recommendationsOfEveryCmoc(
  graph: KnowledgeGraph,
): (cmocId: string) => readonly EntityOf<'recommendation'>[] {
  const byCmoc = new Map<string, EntityOf<'recommendation'>[]>()
  graph.forEachNode((id, entity) => {
    if (entity.kind !== 'recommendation') return
    // One entry per link, as the CMOC's in-edges give them.
    graph.forEachOutEdge(id, (_edge, attributes, _source, target, from) => {
      if (attributes.type === 'derived-from')
        pushTo(byCmoc, target, from as EntityOf<'recommendation'>)
    })
  })
  for (const list of byCmoc.values()) list.sort(compareEntities)
  return (cmocId) => byCmoc.get(cmocId) ?? []
}

/**
 * Trace every recommendation, in the order of the source's table.
 *
 * @example
 * ```ts
 * traceAll(kb.graph).length // number of recommendations
 * ```
 */
export function traceAll(graph: KnowledgeGraph): RecommendationTrace[] {
  return entitiesOfKind(graph, 'recommendation').flatMap(
    (rec) => traceRecommendation(graph, rec.id) ?? [],
  )
}

function distinctStudies(studies: readonly (EntityOf<'study'> | undefined)[]): EntityOf<'study'>[] {
  const byId = new Map<string, EntityOf<'study'>>()
  for (const study of studies) if (study) byId.set(study.id, study)
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id))
}

/**
 * The CMOCs of a group, including those of its sub-groups, in order.
 *
 * @example
 * ```ts
 * cmocsOfGroup(kb.graph, 'coherence').map((cmoc) => cmoc.id) // ['cmoc-1a', 'cmoc-1b', ...]
 * ```
 */
export function cmocsOfGroup(graph: KnowledgeGraph, groupId: string): EntityOf<'cmoc'>[] {
  const out = new Map<string, EntityOf<'cmoc'>>()
  const seen = new Set<string>([groupId])
  const pending = [groupId]
  while (pending.length > 0) {
    const id = pending.pop() as string
    graph.forEachInEdge(id, (_edge, attributes, source) => {
      if (attributes.type !== 'belongs-to') return
      const entity = graph.getNodeAttributes(source)
      if (entity.kind === 'cmoc') out.set(source, entity)
      else if (entity.kind === 'group' && !seen.has(source)) {
        seen.add(source)
        pending.push(source)
      }
    })
  }
  return [...out.values()].sort(compareEntities)
}
