import type { RecommendationEntry, TraceReport } from '@realist-kb/core'
import { capDiagram } from '../diagram/cap.js'
import type { Diagram, DiagramNode } from '../diagram/model.js'
import { programmeTheoryDiagram } from '../diagram/programme-theory.js'
import { writeSvg } from '../diagram/svg.js'
import { traceDiagram } from '../diagram/trace.js'
import { escapeHtml } from '../report/escape.js'
import { groupWords } from '../report/group-words.js'
import { anchorId } from './anchor-id.js'

const e = escapeHtml

/**
 * The largest programme theory the page lays out: beyond it the picture is drawn for the first
 * groups only, with a note, so that a large base never stalls the report (the DOT and Mermaid
 * exports always hold the whole theory).
 */
export const maxTheoryBoxes = 240
/** Studies drawn in a recommendation's inline trace; the rest are listed in its text. */
export const maxTraceStudies = 12
/**
 * Recommendations that get an inline trace, in the report's order: each is laid out on its own,
 * so a base with hundreds of recommendations would spend seconds on pictures few will open.
 */
export const maxTraceFigures = 50

// Each recommendation's place in its report, computed once per report.
const places = new WeakMap<TraceReport, ReadonlyMap<string, number>>()

function placeOf(report: TraceReport, id: string): number {
  let place = places.get(report)
  if (place === undefined) {
    place = new Map(report.recommendations.map((rec, index) => [rec.id, index]))
    places.set(report, place)
  }
  return place.get(id) ?? 0
}

// Boxes link to their place in the report; a group has one only through its recommendations.
const linkTo = (node: DiagramNode): string => `#${anchorId(node.id)}`

/**
 * The programme theory figure: the diagram laid out by dagre, in a box that scrolls and zooms
 * on its own (the page never overflows), with a legend, a download link and a caption.
 */
export function programmeTheoryFigure(report: TraceReport): string {
  const words = groupWords(report)
  const diagram = capDiagram(programmeTheoryDiagram(report), maxTheoryBoxes)
  return diagramFigure(diagram, {
    caption: `Each frame is one of the ${words.plural}, holding its CMOCs and recommendations (frames nest as the ${words.plural} do). Arrows join the CMOCs in chains and lead to the recommendations derived from them. Solid lines: stated links; dashed: inferred.`,
    description: `Each frame is one of the ${words.plural}, holding its CMOCs and the recommendations filed under it. Arrows run from a CMOC to the CMOCs it leads to, nests in, refines or conflicts with, and to the recommendations derived from it. Dashed arrows are inferred links.`,
  })
}

/** A recommendation's inline trace: the recommendation, its CMOCs and their studies. */
export function traceFigure(report: TraceReport, rec: RecommendationEntry): string {
  if (rec.cmocs.length === 0) return ''
  if (placeOf(report, rec.id) >= maxTraceFigures)
    return `<p class="muted">No trace diagram here: the report draws those of its first ${maxTraceFigures} recommendations. <code>realist-kb export --format svg --trace ${e(rec.id)}</code> draws this one.</p>`
  const diagram = traceDiagram(report, rec.id, { evidence: false, maxStudies: maxTraceStudies })
  if (diagram === undefined) return ''
  return diagramFigure(diagram, {
    caption:
      'Trace: studies to CMOCs to this recommendation. Solid lines: stated links; dashed: inferred.',
    description: `The studies behind each CMOC of ${rec.id}, the CMOCs, and the recommendation. Dashed arrows are inferred links.`,
  })
}

function diagramFigure(
  diagram: Diagram,
  text: { readonly caption: string; readonly description: string },
): string {
  const id = `rkb-figure-${diagram.name}`
  const svg = writeSvg(diagram, { link: linkTo, description: text.description })
  return `<figure class="rkb-diagram-figure" id="${e(id)}">
<div class="rkb-diagram-tools" hidden><button type="button" data-zoom="out" aria-label="Zoom out">−</button><button type="button" data-zoom="fit">Fit</button><button type="button" data-zoom="in" aria-label="Zoom in">+</button><button type="button" data-download-svg="${e(diagram.name)}.svg">Download SVG</button></div>
<div class="rkb-diagram-box" tabindex="0" role="region" aria-label="${e(diagram.title)} (scrolls)">${svg}</div>
<figcaption>${e(text.caption)}${diagram.note === undefined ? '' : ` <strong>${e(diagram.note)}</strong>`}</figcaption>
</figure>`
}
