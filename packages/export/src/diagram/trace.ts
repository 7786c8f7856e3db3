import type { Basis, CmocEntry } from '@realist-kb/core'
import { compareIds } from '@realist-kb/core'
import { type EntriesById, entriesById } from '../report/entries-by-id.js'
import type { Diagram, DiagramEdge, DiagramNode } from './model.js'
import {
  cmocNode,
  evidenceNode,
  recommendationName,
  recommendationNode,
  studyNode,
} from './node-text.js'
import { cmocRelationArrows } from './programme-theory.js'
import { type DiagramSource, reportOf } from './report-of.js'

/**
 * How much of a trace to draw.
 *
 * @example
 * ```ts
 * const inline: TraceDiagramOptions = { evidence: false, maxStudies: 24 }
 * traceDiagram(report, 'rec-2-3', inline)
 * ```
 */
export interface TraceDiagramOptions {
  /**
   * Draw each evidence entry as a box between its study and its CMOC (the default); `false`
   * joins each study to the CMOC directly, one arrow per relation.
   */
  readonly evidence?: boolean
  /** Draw at most this many studies (the first in id order); the diagram's note says how many are left out. */
  readonly maxStudies?: number
}

/**
 * The trace of one recommendation: the recommendation, the CMOCs it derives from, the evidence
 * behind each CMOC and the studies the evidence comes from. Arrows follow the chain of support:
 * study to evidence, evidence to the CMOC it supports, refines or refutes (labelled with the
 * relation), a CMOC to the CMOC it leads to (the chains through the CMOCs of the trace are
 * followed), CMOC to the recommendation derived from it. For a CMOC: the evidence and studies
 * behind it and the recommendations that rest on it. `undefined` when `id` is neither.
 *
 * @example
 * ```ts
 * import { traceDiagram, writeDot } from '@realist-kb/export'
 * const diagram = traceDiagram(kb, 'rec-1-1')
 * if (diagram) console.log(writeDot(diagram))
 * ```
 */
export function traceDiagram(
  source: DiagramSource,
  id: string,
  options: Readonly<TraceDiagramOptions> | null | undefined = undefined,
): Diagram | undefined {
  const report = reportOf(source)
  const index = entriesById(report)
  const cmocs = index.cmocs
  const drawing = new TraceDrawing(index, options ?? {})
  const rec = index.recommendations.get(id)
  if (rec !== undefined) {
    drawing.add(recommendationNode(rec))
    const traced: CmocEntry[] = []
    for (const link of rec.cmocs) {
      const cmoc = cmocs.get(link.id)
      if (cmoc === undefined) continue
      drawing.edges.push({
        source: cmoc.id,
        target: rec.id,
        type: 'derived-from',
        basis: link.basis,
      })
      traced.push(cmoc)
    }
    for (const cmoc of traced) drawing.cmoc(cmoc)
    drawing.chains(traced)
    return drawing.diagram(`trace-${rec.id}`, `Trace of ${recommendationName(rec)}`)
  }
  const cmoc = cmocs.get(id)
  if (cmoc === undefined) return undefined
  drawing.cmoc(cmoc)
  for (const rec of report.recommendations)
    for (const link of rec.cmocs)
      if (link.id === id) {
        drawing.add(recommendationNode(rec))
        drawing.edges.push({ source: id, target: rec.id, type: 'derived-from', basis: link.basis })
      }
  drawing.chains([cmoc])
  return drawing.diagram(`trace-${id}`, `Trace of ${cmoc.label ?? cmoc.id}: ${cmoc.title}`)
}

/** The nodes and edges of a trace, each node once. */
class TraceDrawing {
  readonly #nodes = new Map<string, DiagramNode>()
  readonly edges: DiagramEdge[] = []
  readonly #evidence: EntriesById['evidence']
  readonly #studies: EntriesById['studies']
  readonly #cmocs: EntriesById['cmocs']
  readonly #drawnEvidence = new Set<string>()
  // Where each study-to-CMOC arrow sits in `edges`, by study, CMOC and relation.
  readonly #studyArrows = new Map<string, number>()
  readonly #drawnStudies = new Set<string>()
  readonly #allStudies = new Set<string>()

  constructor(
    index: EntriesById,
    private readonly options: Readonly<TraceDiagramOptions>,
  ) {
    this.#evidence = index.evidence
    this.#studies = index.studies
    this.#cmocs = index.cmocs
  }

  add(node: DiagramNode): void {
    if (!this.#nodes.has(node.id)) this.#nodes.set(node.id, node)
    if (node.kind === 'study') this.#drawnStudies.add(node.id)
  }

  /** The chains of `leadsTo` links through these CMOCs: the CMOCs on them, and the links. */
  chains(traced: readonly CmocEntry[]): void {
    const chained = new Set<string>()
    for (const cmoc of traced)
      for (const member of [cmoc.id, ...cmoc.chain.upstream, ...cmoc.chain.downstream])
        chained.add(member)
    const ordered = [...chained].sort(compareIds).flatMap((id) => {
      const cmoc = this.#cmocs.get(id)
      return cmoc === undefined ? [] : [cmoc]
    })
    for (const cmoc of ordered) this.add(cmocNode(cmoc))
    this.edges.push(
      ...cmocRelationArrows(ordered, (id) => chained.has(id)).filter(
        (edge) => edge.type === 'leads-to',
      ),
    )
  }

  /** A CMOC, the evidence behind it and the studies that evidence comes from. */
  cmoc(cmoc: CmocEntry): void {
    this.add(cmocNode(cmoc))
    for (const evidenceId of cmoc.evidence) {
      const evidence = this.#evidence.get(evidenceId)
      if (evidence === undefined) continue
      // Evidence on the CMOC itself, or on its group (it counts for every CMOC in the group).
      const basis: Basis =
        (
          evidence.cmocs.find((link) => link.id === cmoc.id) ??
          evidence.groups.find((link) => link.id === cmoc.group)
        )?.basis ?? 'stated'
      const study = this.#studies.get(evidence.study)
      if (study !== undefined) this.#allStudies.add(study.id)
      if (study !== undefined && !this.#studyDrawn(study.id)) continue
      if (this.options.evidence === false) {
        if (study === undefined) continue
        this.add(studyNode(study))
        this.#studyArrow(study.id, cmoc.id, evidence.relation, basis)
        continue
      }
      this.add(evidenceNode(evidence))
      this.edges.push({
        source: evidence.id,
        target: cmoc.id,
        type: 'evidences',
        basis,
        label: evidence.relation,
      })
      if (study === undefined) continue
      this.add(studyNode(study))
      // An evidence entry behind several CMOCs of the trace is drawn to its study once. It is
      // written in its study's file, so the link is stated.
      if (this.#drawnEvidence.has(evidence.id)) continue
      this.#drawnEvidence.add(evidence.id)
      this.edges.push({
        source: study.id,
        target: evidence.id,
        type: 'drawn-from',
        basis: 'stated',
      })
    }
  }

  // Studies are admitted in the order met until the cap is reached.
  #studyDrawn(id: string): boolean {
    const max = this.options.maxStudies
    return max === undefined || this.#drawnStudies.has(id) || this.#drawnStudies.size < max
  }

  // One arrow per study, CMOC and relation: stated when any of its links is stated.
  #studyArrow(study: string, cmoc: string, relation: string, basis: Basis): void {
    const key = `${study}\u0000${cmoc}\u0000${relation}`
    const index = this.#studyArrows.get(key)
    const existing = index === undefined ? undefined : this.edges[index]
    if (index !== undefined && existing !== undefined) {
      if (basis === 'stated') this.edges[index] = { ...existing, basis }
      return
    }
    this.#studyArrows.set(key, this.edges.length)
    this.edges.push({ source: study, target: cmoc, type: 'evidences', basis, label: relation })
  }

  diagram(name: string, title: string): Diagram {
    const nodes = [...this.#nodes.values()]
    const drawnStudies = this.#drawnStudies.size
    const left = this.#allStudies.size - drawnStudies
    return {
      name,
      title: title.replace(/\s+/g, ' ').trim(),
      clusters: [],
      nodes,
      edges: this.edges,
      ...(left > 0
        ? {
            note: `${drawnStudies} of ${this.#allStudies.size} studies drawn; ${left} more are listed in the text.`,
          }
        : {}),
    }
  }
}
