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

/** One link in {@link ShowJson}. */
export interface ShowLink {
  readonly type: EdgeAttributes['type']
  readonly id: string
  readonly kind: Entity['kind']
  readonly basis: EdgeAttributes['basis']
  readonly field: string
  readonly place: string
  readonly rationale?: string
  readonly location?: string
}

/** Shape of `show --format json`, version 1. */
export interface ShowJson {
  readonly version: 1
  readonly kind: Entity['kind']
  readonly id: string
  readonly place: string
  readonly data: Entity['data']
  readonly reference?: string
  readonly linksOut: readonly ShowLink[]
  readonly linksIn: readonly ShowLink[]
  /** The chain around the entity, as ids. */
  readonly chain: Readonly<Record<string, readonly string[]>>
}

/** What `show` prints about one entity, as data. */
export function describeEntity(kb: KnowledgeBase, id: string): ShowJson {
  const { graph } = kb
  const entity = graph.getNodeAttributes(id)
  const link = (other: string, edge: EdgeAttributes): ShowLink => ({
    type: edge.type,
    id: other,
    kind: graph.getNodeAttributes(other).kind,
    basis: edge.basis,
    field: edge.field,
    place: `${edge.place.file}:${edge.place.line}:${edge.place.column}`,
    ...(edge.rationale === undefined ? {} : { rationale: edge.rationale }),
    ...(edge.location === undefined ? {} : { location: edge.location }),
  })
  const linksOut: ShowLink[] = []
  const linksIn: ShowLink[] = []
  graph.forEachOutEdge(id, (_edge, edge, _source, target) => linksOut.push(link(target, edge)))
  graph.forEachInEdge(id, (_edge, edge, source) => linksIn.push(link(source, edge)))
  return {
    version: 1,
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

/** {@link ShowJson} as text. */
export function renderText(shown: ShowJson): string {
  const lines = [`${shown.kind} ${shown.id}  (${shown.place})`]
  if (shown.reference) lines.push('', 'Reference (Vancouver)', `  ${shown.reference}`)
  lines.push('', 'Fields')
  for (const [key, value] of flatten(shown.data, '')) lines.push(`  ${key}: ${value}`)
  for (const [title, list] of [
    ['Links out', shown.linksOut],
    ['Links in', shown.linksIn],
  ] as const) {
    lines.push('', title)
    if (list.length === 0) lines.push('  (none)')
    for (const item of list) {
      const why = item.rationale ? ` - ${item.rationale}` : ''
      lines.push(
        `  ${item.type.padEnd(12)}  ${item.kind} ${item.id}  ${item.basis}${why}  (${item.place})`,
      )
    }
  }
  const chain = Object.entries(shown.chain)
  if (chain.length > 0) {
    lines.push('', 'Chain')
    for (const [name, list] of chain)
      lines.push(`  ${name}: ${list.length === 0 ? '(none)' : list.join('; ')}`)
  }
  return `${lines.join('\n')}\n`
}

/** Fields as `path: value` pairs, nested objects and lists of objects spelt out. */
function flatten(value: unknown, prefix: string): [string, string][] {
  if (value === undefined) return []
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null))
      return [[prefix, value.map(String).join(', ')]]
    return value.flatMap((item, index) => flatten(item, `${prefix}[${index}]`))
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      // kind and id head the output already.
      prefix === '' && (key === 'kind' || key === 'id')
        ? []
        : flatten(item, prefix === '' ? key : `${prefix}.${key}`),
    )
  }
  return [[prefix, String(value)]]
}
