import {
  type Basis,
  cmocChain,
  compareIds,
  type EdgeType,
  type EntityKind,
  entitiesOfKind,
  type KnowledgeBase,
  neighbours,
  traceRecommendation,
} from '@realist-kb/core'
import { entityLabel, entityTitle, oneLine, shortCitation } from './entity-text.js'
import { cmocsInTheoryOrder } from './theory-order.js'

/**
 * A box in a diagram.
 *
 * @example
 * ```ts
 * const cmocBoxes: DiagramNode[] = programmeTheoryDiagram(kb).nodes.filter((node) => node.kind === 'cmoc')
 * ```
 */
export interface DiagramNode {
  /** The entity id. */
  readonly id: string
  readonly kind: EntityKind
  /** What the box shows (renderers wrap and may shorten it). */
  readonly label: string
  /** Longer text for a tooltip, where the format has one. */
  readonly detail?: string
}

/**
 * An arrow in a diagram; inferred links are drawn dashed.
 *
 * @example
 * ```ts
 * const dashed: DiagramEdge[] = programmeTheoryDiagram(kb).edges.filter((edge) => edge.basis === 'inferred')
 * ```
 */
export interface DiagramEdge {
  readonly source: string
  readonly target: string
  readonly basis: Basis
  /**
   * A word on the arrow, from a fixed vocabulary: `supports`, `refines`, `refutes` (evidence);
   * `leads to`, `nested in`, `refines`, `conflicts with` (between CMOCs).
   */
  readonly label?: string
}

/**
 * A picture of part of the knowledge base, independent of the notation it is drawn in.
 *
 * @example
 * ```ts
 * const diagram: Diagram | undefined = traceDiagram(kb, 'rec-2-3')
 * if (diagram) console.log(writeMermaid(diagram), writeDot(diagram))
 * ```
 */
export interface Diagram {
  /** A name for the picture, safe as an identifier (`programme-theory`, `trace-rec-1-1`). */
  readonly name: string
  readonly title: string
  readonly nodes: readonly DiagramNode[]
  readonly edges: readonly DiagramEdge[]
}

// Long texts (recommendations, evidence points) are cut so that boxes stay readable; the whole
// text stays available as the node's detail.
const maxLabel = 90

function shorten(text: string): string {
  const line = oneLine(text)
  return line.length <= maxLabel ? line : `${line.slice(0, maxLabel - 1).trimEnd()}…`
}

/** The typed CMOC-to-CMOC links a programme theory draws, with the word on each arrow. */
const cmocRelationLabels: readonly (readonly [EdgeType, string])[] = [
  ['leads-to', 'leads to'],
  ['nested-in', 'nested in'],
  ['refines', 'refines'],
  ['conflicts-with', 'conflicts with'],
]

/**
 * The programme theory: groups, then the CMOCs that belong to them, then the recommendations
 * derived from those CMOCs, each in the theory's order (groups and CMOCs by their `order`). Sub-groups hang from their parent. Each arrow keeps the basis of
 * the link it stands for, so inferred links can be drawn differently.
 *
 * @example
 * ```ts
 * import { programmeTheoryDiagram, writeMermaid } from '@realist-kb/export'
 * const mermaid = writeMermaid(programmeTheoryDiagram(kb))
 * ```
 */
export function programmeTheoryDiagram(kb: KnowledgeBase): Diagram {
  const { graph } = kb
  const groups = entitiesOfKind(graph, 'group')
  const cmocs = cmocsInTheoryOrder(graph)
  const recommendations = entitiesOfKind(graph, 'recommendation')
  const nodes: DiagramNode[] = [
    ...groups.map((entity) => ({
      id: entity.id,
      kind: entity.kind,
      label: shorten(entity.data.name),
      detail: oneLine(entity.data.description),
    })),
    ...cmocs.map((entity) => ({
      id: entity.id,
      kind: entity.kind,
      label: shorten(entityLabel(entity)),
      detail: oneLine(entityTitle(entity)),
    })),
    ...recommendations.map((entity) => ({
      id: entity.id,
      kind: entity.kind,
      label: shorten(`${entityLabel(entity)}: ${entity.data.text}`),
      detail: oneLine(entity.data.text),
    })),
  ]
  const edges: DiagramEdge[] = []
  for (const group of groups) {
    for (const { entity, edge } of neighbours(graph, group.id, 'out', 'belongs-to', 'group'))
      edges.push({ source: entity.id, target: group.id, basis: edge.basis })
  }
  for (const cmoc of cmocs) {
    for (const { entity, edge } of neighbours(graph, cmoc.id, 'out', 'belongs-to', 'group'))
      edges.push({ source: entity.id, target: cmoc.id, basis: edge.basis })
  }
  // Chains and relations between CMOCs, each arrow named by its type.
  for (const cmoc of cmocs)
    for (const [type, label] of cmocRelationLabels)
      for (const { entity, edge } of neighbours(graph, cmoc.id, 'out', type, 'cmoc'))
        edges.push({ source: cmoc.id, target: entity.id, basis: edge.basis, label })
  for (const recommendation of recommendations) {
    for (const { entity, edge } of neighbours(
      graph,
      recommendation.id,
      'out',
      'derived-from',
      'cmoc',
    ))
      edges.push({ source: entity.id, target: recommendation.id, basis: edge.basis })
  }
  const review = graph.getAttribute('review')
  const title =
    review === undefined
      ? 'Programme theory'
      : `Programme theory: ${entityLabel(graph.getNodeAttributes(review))}`
  return { name: 'programme-theory', title: oneLine(title), nodes, edges }
}

/**
 * The trace of one recommendation: the recommendation, the CMOCs it derives from, the evidence
 * behind each CMOC, the studies the evidence comes from, and the chains of `leadsTo` links through
 * its CMOCs. Arrows follow the chain of support, as in the programme theory: study to evidence,
 * evidence to the CMOC it supports, refines or refutes (labelled with the relation), a CMOC to the
 * CMOC it leads to, CMOC to the recommendation derived from it.
 * Computed with `traceRecommendation` from core. `undefined` when `id` is not a recommendation.
 *
 * @example
 * ```ts
 * import { traceDiagram, writeDot } from '@realist-kb/export'
 * const diagram = traceDiagram(kb, 'rec-1-1')
 * if (diagram) console.log(writeDot(diagram))
 * ```
 */
export function traceDiagram(kb: KnowledgeBase, id: string): Diagram | undefined {
  const trace = traceRecommendation(kb.graph, id)
  if (trace === undefined) return undefined
  const { recommendation } = trace
  const nodes = new Map<string, DiagramNode>()
  const edges: DiagramEdge[] = []
  const drawnEvidence = new Set<string>()
  const add = (node: DiagramNode): void => {
    if (!nodes.has(node.id)) nodes.set(node.id, node)
  }
  add({
    id: recommendation.id,
    kind: 'recommendation',
    label: shorten(`${entityLabel(recommendation)}: ${recommendation.data.text}`),
    detail: oneLine(recommendation.data.text),
  })
  for (const cmocTrace of trace.cmocs) {
    const { cmoc } = cmocTrace
    add({
      id: cmoc.id,
      kind: 'cmoc',
      label: shorten(entityLabel(cmoc)),
      detail: oneLine(cmoc.data.title),
    })
    edges.push({
      source: cmoc.id,
      target: recommendation.id,
      basis: cmocTrace.link?.basis ?? 'stated',
    })
    for (const { evidence, link, study } of cmocTrace.evidence) {
      add({
        id: evidence.id,
        kind: 'evidence',
        label: shorten(entityTitle(evidence)),
        detail: oneLine(evidence.data.quote ?? entityTitle(evidence)),
      })
      edges.push({
        source: evidence.id,
        target: cmoc.id,
        basis: link.basis,
        label: evidence.data.relation,
      })
      if (study === undefined) continue
      add({
        id: study.id,
        kind: 'study',
        label: shorten(shortCitation(study.data.citation)),
        detail: oneLine(study.data.citation.title),
      })
      // An evidence entry behind several CMOCs of the trace is drawn to its study once.
      if (drawnEvidence.has(evidence.id)) continue
      drawnEvidence.add(evidence.id)
      const drawnFrom = neighbours(kb.graph, evidence.id, 'out', 'drawn-from', 'study')[0]
      edges.push({
        source: study.id,
        target: evidence.id,
        basis: drawnFrom?.edge.basis ?? 'stated',
      })
    }
  }
  // The trace follows chains: the CMOCs that lead to the ones it rests on, and those they lead to.
  const chained = new Set<string>()
  for (const { cmoc } of trace.cmocs) {
    const chain = cmocChain(kb.graph, cmoc.id)
    for (const id of [cmoc.id, ...chain.upstream, ...chain.downstream]) chained.add(id)
  }
  for (const id of chained) {
    const entity = kb.graph.getNodeAttributes(id)
    add({
      id,
      kind: 'cmoc',
      label: shorten(entityLabel(entity)),
      detail: oneLine(entityTitle(entity)),
    })
  }
  for (const id of [...chained].sort(compareIds))
    for (const { entity, edge } of neighbours(kb.graph, id, 'out', 'leads-to', 'cmoc'))
      if (chained.has(entity.id))
        edges.push({ source: id, target: entity.id, basis: edge.basis, label: 'leads to' })
  return {
    name: `trace-${recommendation.id}`,
    title: oneLine(`Trace of ${entityLabel(recommendation)}`),
    nodes: [...nodes.values()],
    edges,
  }
}
