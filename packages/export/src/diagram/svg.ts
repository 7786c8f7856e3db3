import type { EntityKind } from '@realist-kb/core'
import { kindColours } from '../interchange/kind-colours.js'
import { escapeHtml } from '../report/escape.js'
import {
  clusterLabelHeight,
  type DiagramLayout,
  layoutDiagram,
  lineHeight,
  type PlacedEdge,
} from './layout.js'
import type { Diagram, DiagramEdgeType, DiagramNode } from './model.js'

/**
 * How to draw a diagram as SVG.
 *
 * @example
 * ```ts
 * const options: SvgOptions = { link: (node) => `#${node.id}`, description: 'Groups and their CMOCs.' }
 * ```
 */
export interface SvgOptions {
  /** Where a box links to (an anchor in the page holding the drawing); no link when undefined. */
  readonly link?: (node: DiagramNode) => string | undefined
  /** A sentence for screen readers on what the picture shows. */
  readonly description?: string
}

/**
 * Text for the SVG: escaped as markup, with the control characters XML cannot hold dropped
 * (line breaks aside, which a tooltip keeps), so that a downloaded copy parses as XML.
 */
const e = (text: string): string => escapeHtml(text.replace(/[^\P{Cc}\n]/gu, ''))

// Arrow colours by what they stand for; the basis is told by the dash, never by colour alone.
const edgeColours: Readonly<Record<DiagramEdgeType, string>> = {
  'derived-from': '#4a5360',
  'leads-to': '#5b3f8f',
  'nested-in': '#5b3f8f',
  refines: '#5b3f8f',
  'conflicts-with': '#8a1c1c',
  evidences: '#7a5a00',
  'drawn-from': '#6b7684',
}
const inferredDash = '6 4'
const legendHeight = 26

/**
 * Draw a diagram as a self-contained SVG, laid out by dagre: boxes with wrapped titles, a frame
 * per group (sub-groups inside their parent's), arrows along the chain of support, stated links
 * solid and inferred ones dashed, and a legend. Colours and dashes are attributes of the drawing,
 * so a downloaded copy looks the same outside the page. Every box and arrow carries data
 * attributes (`data-id`, `data-kind`, `data-source`, `data-target`, `data-type`, `data-basis`) for
 * tools and tests. The same diagram gives byte-identical output.
 *
 * @example
 * ```ts
 * import { programmeTheoryDiagram, writeSvg } from '@realist-kb/export'
 * const svg = writeSvg(programmeTheoryDiagram(kb)) // save as programme-theory.svg
 * ```
 */
export function writeSvg(
  diagram: Diagram,
  options: Readonly<SvgOptions> | null | undefined = undefined,
): string {
  const placed = layoutDiagram(diagram)
  const id = `rkb-d-${diagram.name.replace(/[^A-Za-z0-9-]/g, '-')}`
  const kinds = [...new Set(diagram.nodes.map((node) => node.kind))]
  const legend = legendItems(
    kinds,
    diagram.edges.some((edge) => edge.basis === 'inferred'),
  )
  const width = Math.max(placed.width, legend.width)
  const height = placed.height + legendHeight
  return `<svg xmlns="http://www.w3.org/2000/svg" class="rkb-diagram" data-diagram="${e(diagram.name)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12" role="group" aria-labelledby="${id}-title${options?.description ? ` ${id}-desc` : ''}">
<title id="${id}-title">${e(diagram.title)}</title>
${options?.description ? `<desc id="${id}-desc">${e(options.description)}</desc>\n` : ''}<defs>${Object.entries(
    edgeColours,
  )
    .map(
      ([type, colour]) =>
        `<marker id="${id}-arrow-${type}" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L8 4L0 8z" fill="${colour}"/></marker>`,
    )
    .join('')}</defs>
${legend.svg}
<g transform="translate(0 ${legendHeight})">
${clustersSvg(placed)}
${placed.edges.map((edge) => edgeSvg(edge, id)).join('\n')}
${placed.nodes.map((node) => nodeSvg(node, options?.link?.(node.node))).join('\n')}
</g>
</svg>
`
}

function clustersSvg(placed: DiagramLayout): string {
  const { fill, stroke } = kindColours.group
  return placed.clusters
    .map(
      ({ cluster, x, y, width, height, lines }) =>
        `<g class="cluster" data-cluster="${e(cluster.id)}"${cluster.parent === undefined ? '' : ` data-parent="${e(cluster.parent)}"`}><title>${e(cluster.detail ? `${cluster.label}: ${cluster.detail}` : cluster.label)}</title><rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="${fill}" fill-opacity="0.55" stroke="${stroke}"/><text x="${x + 8}" y="${round(y + clusterLabelHeight - 4)}" font-weight="700" font-size="11" fill="#1b1f24">${e(lines[0] ?? '')}</text></g>`,
    )
    .join('\n')
}

function edgeSvg({ edge, points, labelAt }: PlacedEdge, id: string): string {
  const colour = edgeColours[edge.type]
  const d = smoothPath(points)
  const words = `${edge.label ?? edge.type.replace(/-/g, ' ')} (${edge.basis})`
  const label =
    labelAt === undefined || edge.label === undefined
      ? ''
      : `<text x="${labelAt.x}" y="${round(labelAt.y + 4)}" text-anchor="middle" font-size="10" fill="${colour}" paint-order="stroke" stroke="#ffffff" stroke-width="3">${e(edge.label)}</text>`
  return `<g class="edge edge-${edge.basis} edge-${edge.type}" data-source="${e(edge.source)}" data-target="${e(edge.target)}" data-type="${edge.type}" data-basis="${edge.basis}"><title>${e(words)}</title><path d="${d}" fill="none" stroke="${colour}" stroke-width="${edge.type === 'leads-to' ? 1.8 : 1.2}"${edge.basis === 'inferred' ? ` stroke-dasharray="${inferredDash}"` : ''} marker-end="url(#${id}-arrow-${edge.type})"/>${label}</g>`
}

function nodeSvg(placed: DiagramLayout['nodes'][number], href: string | undefined): string {
  const { node, x, y, width, height, lines } = placed
  const { fill, stroke } = kindColours[node.kind]
  const text = lines
    .map(
      (line, index) =>
        `<tspan x="${x + 8}" y="${round(y + 8 + lineHeight * index + 11)}">${e(line)}</tspan>`,
    )
    .join('')
  // The tooltip gives the whole text where the box shows it shortened.
  const tooltip =
    node.detail === undefined || node.label.includes(node.detail)
      ? node.label
      : `${node.label}\n${node.detail}`
  const shape = `<title>${e(tooltip)}</title><rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${node.kind === 'cmoc' ? 8 : 2}" fill="${fill}" stroke="${stroke}"/><text fill="#1b1f24">${text}</text>`
  const data = `class="node node-${node.kind}" data-id="${e(node.id)}" data-kind="${node.kind}"${node.cluster === undefined ? '' : ` data-cluster="${e(node.cluster)}"`}`
  return href === undefined
    ? `<g ${data}>${shape}</g>`
    : `<a href="${e(href)}" ${data}>${shape}</a>`
}

/**
 * A path through the points, each step a curve that leaves and arrives level, so arrows read as
 * flowing left to right between the columns.
 */
function smoothPath(points: readonly { readonly x: number; readonly y: number }[]): string {
  const [start, ...rest] = points
  if (start === undefined) return ''
  let d = `M${start.x} ${start.y}`
  let previous = start
  for (const point of rest) {
    const middle = round((previous.x + point.x) / 2)
    d += `C${middle} ${previous.y} ${middle} ${point.y} ${point.x} ${point.y}`
    previous = point
  }
  return d
}

const kindNames: Readonly<Record<EntityKind, string>> = {
  review: 'review',
  group: 'group',
  cmoc: 'CMOC',
  recommendation: 'recommendation',
  evidence: 'evidence',
  study: 'study',
  audience: 'audience',
}

// One row: a swatch per kind drawn, then a solid and (when any) a dashed line.
function legendItems(
  kinds: readonly EntityKind[],
  inferred: boolean,
): { readonly svg: string; readonly width: number } {
  const items: string[] = []
  let x = 8
  for (const kind of kinds) {
    const { fill, stroke } = kindColours[kind]
    const name = kindNames[kind]
    items.push(
      `<rect x="${x}" y="7" width="14" height="12" rx="2" fill="${fill}" stroke="${stroke}"/><text x="${x + 19}" y="17">${name}</text>`,
    )
    x += 19 + name.length * 7 + 14
  }
  const lines: [string, string | undefined][] = [['stated', undefined]]
  if (inferred) lines.push(['inferred', inferredDash])
  for (const [word, dash] of lines) {
    items.push(
      `<path d="M${x} 13H${x + 26}" stroke="#4a5360" stroke-width="1.5"${dash === undefined ? '' : ` stroke-dasharray="${dash}"`}/><text x="${x + 31}" y="17">${word}</text>`,
    )
    x += 31 + word.length * 7 + 14
  }
  return { svg: `<g class="legend">${items.join('')}</g>`, width: x }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
