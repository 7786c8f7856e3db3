import { formatVancouver } from '@realist-kb/citations'
import {
  appraisalDimensions,
  appraisalLevelOf,
  cmocChain,
  confidenceOf,
  type EdgeAttributes,
  type Entity,
  evidenceForCmoc,
  type KnowledgeBase,
  recommendationConfidence,
  recommendationsOfCmoc,
  studyUsage,
  traceRecommendation,
} from '@realist-kb/core'

/**
 * One link in an {@link EntityDescription}: its type, the entity at its other end, its basis and
 * the place that states it.
 *
 * @example
 * ```ts
 * const [first]: readonly EntityLink[] = describeEntity(kb, 'cmoc-1a')?.linksOut ?? []
 * first?.place // 'cmocs/cmoc-1a.md:4:9'
 * ```
 */
export interface EntityLink {
  readonly type: EdgeAttributes['type']
  readonly id: string
  readonly kind: Entity['kind']
  readonly basis: EdgeAttributes['basis']
  readonly field: string
  readonly place: string
  readonly rationale?: string
  readonly location?: string
}

/**
 * One entity as a reader asks about it: its kind, id and place, its fields, the links it makes
 * and those made to it, and what the chain says about it. What `realist-kb show` prints.
 *
 * @example
 * ```ts
 * const described: EntityDescription | undefined = describeEntity(kb, 'collins-2022')
 * described?.reference // the study's reference, Vancouver style
 * ```
 */
export interface EntityDescription {
  readonly kind: Entity['kind']
  readonly id: string
  readonly place: string
  readonly data: Entity['data']
  readonly reference?: string
  readonly linksOut: readonly EntityLink[]
  readonly linksIn: readonly EntityLink[]
  /**
   * The chain around the entity, as ids: for a recommendation its CMOCs and studies, for a CMOC
   * its evidence and recommendations, for a study where it is used and its appraisal.
   */
  readonly chain: Readonly<Record<string, readonly string[]>>
}

/**
 * Describe one entity of a knowledge base, from the chain queries of `@realist-kb/core`;
 * `undefined` when no entity has that id.
 *
 * @example
 * ```ts
 * import { describeEntity } from '@realist-kb/export'
 * const described = describeEntity(kb, 'rec-1-1')
 * described?.chain.cmocs // ['cmoc-1a', 'cmoc-1b']
 * ```
 */
export function describeEntity(kb: KnowledgeBase, id: string): EntityDescription | undefined {
  const { graph } = kb
  if (!graph.hasNode(id)) return undefined
  const entity = graph.getNodeAttributes(id)
  const link = (other: string, edge: EdgeAttributes): EntityLink => ({
    type: edge.type,
    id: other,
    kind: graph.getNodeAttributes(other).kind,
    basis: edge.basis,
    field: edge.field,
    place: `${edge.place.file}:${edge.place.line}:${edge.place.column}`,
    ...(edge.rationale === undefined ? {} : { rationale: edge.rationale }),
    ...(edge.location === undefined ? {} : { location: edge.location }),
  })
  const linksOut: EntityLink[] = []
  const linksIn: EntityLink[] = []
  graph.forEachOutEdge(id, (_edge, edge, _source, target) => linksOut.push(link(target, edge)))
  graph.forEachInEdge(id, (_edge, edge, source) => linksIn.push(link(source, edge)))
  return {
    kind: entity.kind,
    id,
    place: `${entity.file}:${entity.position.line}`,
    data: entity.data,
    ...(entity.kind === 'study' ? { reference: formatVancouver(entity.data.citation) } : {}),
    linksOut,
    linksIn,
    chain: chainOf(kb, entity),
  }
}

/** The chain queries core computes for the entity's kind, reduced to ids. */
function chainOf(kb: KnowledgeBase, entity: Entity): Record<string, string[]> {
  const ids = (list: readonly { id: string }[]): string[] => list.map((item) => item.id)
  switch (entity.kind) {
    case 'recommendation': {
      const trace = traceRecommendation(kb.graph, entity.id)
      return {
        group: trace?.group ? [trace.group.id] : [],
        audiences: (trace?.audiences ?? []).map((item) => item.entity.id),
        cmocs: (trace?.cmocs ?? []).map((item) => item.cmoc.id),
        studies: ids(trace?.studies ?? []),
        confidence: confidenceLine(kb, entity.id),
      }
    }
    case 'cmoc': {
      const trace = evidenceForCmoc(kb.graph, entity.id)
      const chain = cmocChain(kb.graph, entity.id)
      return {
        group: trace?.group ? [trace.group.id] : [],
        evidence: (trace?.evidence ?? []).map(
          (item) =>
            `${item.evidence.id} (${item.evidence.data.relation}, ${item.study?.id ?? 'no study'})`,
        ),
        studies: ids(trace?.studies ?? []),
        recommendations: ids(recommendationsOfCmoc(kb.graph, entity.id)),
        confidence: [confidenceOf(kb.graph, entity.id)],
        'led to from': [...chain.upstream],
        'leads to': [...chain.downstream],
      }
    }
    case 'study': {
      const usage = studyUsage(kb.graph, entity.id)
      return {
        evidence: (usage?.evidence ?? []).map(
          (item) =>
            `${item.evidence.id} -> ${item.cmocs.map((cmoc) => cmoc.entity.id).join(', ') || 'no CMOC'}`,
        ),
        cmocs: ids(usage?.cmocs ?? []),
        recommendations: ids(usage?.recommendations ?? []),
        appraisal: appraisalDimensions.map(
          (dimension) => `${dimension}: ${appraisalLevelOf(entity, dimension)}`,
        ),
      }
    }
    default:
      return {}
  }
}

/** A recommendation's borrowed confidence: the lowest, then how many CMOCs at each level. */
function confidenceLine(kb: KnowledgeBase, id: string): string[] {
  const { lowest, spread } = recommendationConfidence(kb.graph, id)
  const counts = Object.entries(spread)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${level}`)
  return [`lowest: ${lowest}`, ...counts]
}
