import {
  type Basis,
  type CmocTrace,
  cmocChain,
  compareIds,
  type EdgeType,
  type EntityKind,
  entitiesOfKind,
  evidenceForCmoc,
  inTheoryOrder,
  type KnowledgeBase,
  neighbours,
  traceRecommendation,
} from '@realist-kb/core'
import { entityLabel, entityTitle, oneLine, shortCitation } from './entity-text.js'

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
  const cmocs = inTheoryOrder(graph, entitiesOfKind(graph, 'cmoc'))
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
 * behind each CMOC and the studies the evidence comes from. Arrows follow the chain of support,
 * as in the programme theory: study to evidence, evidence to the CMOC it supports, refines or
 * refutes (labelled with the relation), a CMOC to the CMOC it leads to (the chains through the
 * CMOCs of the trace are followed), CMOC to the recommendation derived from it. Computed with `traceRecommendation` from core. For a CMOC: the evidence and studies behind it and
 * the recommendations that rest on it. `undefined` when `id` is neither.
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
  if (trace !== undefined) {
    const { recommendation } = trace
    const drawing = new TraceDrawing(kb)
    drawing.add({
      id: recommendation.id,
      kind: 'recommendation',
      label: shorten(`${entityLabel(recommendation)}: ${recommendation.data.text}`),
      detail: oneLine(recommendation.data.text),
    })
    for (const cmocTrace of trace.cmocs) {
      drawing.edges.push({
        source: cmocTrace.cmoc.id,
        target: recommendation.id,
        basis: cmocTrace.link?.basis ?? 'stated',
      })
      drawing.cmoc(cmocTrace)
    }
    drawing.chains(trace.cmocs.map((item) => item.cmoc.id))
    return drawing.diagram(`trace-${recommendation.id}`, `Trace of ${entityLabel(recommendation)}`)
  }
  // A CMOC: the evidence and studies behind it, and the recommendations that rest on it.
  const cmocTrace = evidenceForCmoc(kb.graph, id)
  if (cmocTrace === undefined) return undefined
  const drawing = new TraceDrawing(kb)
  drawing.cmoc(cmocTrace)
  for (const { entity, edge } of neighbours(kb.graph, id, 'in', 'derived-from', 'recommendation')) {
    drawing.add({
      id: entity.id,
      kind: 'recommendation',
      label: shorten(`${entityLabel(entity)}: ${entity.data.text}`),
      detail: oneLine(entity.data.text),
    })
    drawing.edges.push({ source: id, target: entity.id, basis: edge.basis })
  }
  drawing.chains([id])
  return drawing.diagram(`trace-${id}`, `Trace of ${entityLabel(cmocTrace.cmoc)}`)
}

/** The nodes and edges of a trace, each node once. */
class TraceDrawing {
  readonly #nodes = new Map<string, DiagramNode>()
  readonly edges: DiagramEdge[] = []
  readonly #drawnEvidence = new Set<string>()

  constructor(private readonly kb: KnowledgeBase) {}

  add(node: DiagramNode): void {
    if (!this.#nodes.has(node.id)) this.#nodes.set(node.id, node)
  }

  /** The chains of `leadsTo` links through these CMOCs: the CMOCs on them, and the links. */
  chains(cmocIds: readonly string[]): void {
    const { graph } = this.kb
    const chained = new Set<string>()
    for (const id of cmocIds) {
      const chain = cmocChain(graph, id)
      for (const member of [id, ...chain.upstream, ...chain.downstream]) chained.add(member)
    }
    const ordered = [...chained].sort(compareIds)
    for (const id of ordered) {
      const entity = graph.getNodeAttributes(id)
      this.add({
        id,
        kind: 'cmoc',
        label: shorten(entityLabel(entity)),
        detail: oneLine(entityTitle(entity)),
      })
    }
    for (const id of ordered)
      for (const { entity, edge } of neighbours(graph, id, 'out', 'leads-to', 'cmoc'))
        if (chained.has(entity.id))
          this.edges.push({ source: id, target: entity.id, basis: edge.basis, label: 'leads to' })
  }

  /** A CMOC, the evidence behind it and the studies that evidence comes from. */
  cmoc(cmocTrace: CmocTrace): void {
    const { cmoc } = cmocTrace
    this.add({
      id: cmoc.id,
      kind: 'cmoc',
      label: shorten(entityLabel(cmoc)),
      detail: oneLine(cmoc.data.title),
    })
    for (const { evidence, link, study } of cmocTrace.evidence) {
      this.add({
        id: evidence.id,
        kind: 'evidence',
        label: shorten(entityTitle(evidence)),
        detail: oneLine(evidence.data.quote ?? entityTitle(evidence)),
      })
      this.edges.push({
        source: evidence.id,
        target: cmoc.id,
        basis: link.basis,
        label: evidence.data.relation,
      })
      if (study === undefined) continue
      this.add({
        id: study.id,
        kind: 'study',
        label: shorten(shortCitation(study.data.citation)),
        detail: oneLine(study.data.citation.title),
      })
      // An evidence entry behind several CMOCs of the trace is drawn to its study once.
      if (this.#drawnEvidence.has(evidence.id)) continue
      this.#drawnEvidence.add(evidence.id)
      const drawnFrom = neighbours(this.kb.graph, evidence.id, 'out', 'drawn-from', 'study')[0]
      this.edges.push({
        source: study.id,
        target: evidence.id,
        basis: drawnFrom?.edge.basis ?? 'stated',
      })
    }
  }

  diagram(name: string, title: string): Diagram {
    return { name, title: oneLine(title), nodes: [...this.#nodes.values()], edges: this.edges }
  }
}
