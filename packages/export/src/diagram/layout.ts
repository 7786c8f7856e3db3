import { Graph, layout } from '@dagrejs/dagre'
import { wrapWords } from '../interchange/wrap.js'
import type { Diagram, DiagramCluster, DiagramEdge, DiagramNode } from './model.js'
import { type Stack, stackArrowIndex, stacksOf } from './stacks.js'

/** A point of the drawing, in SVG user units. */
export interface Point {
  readonly x: number
  readonly y: number
}

/** A box placed on the drawing: its top-left corner, size, and the lines of its label. */
export interface PlacedBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly lines: readonly string[]
}

/** A diagram placed by the layout engine: every box, frame and arrow with its coordinates. */
export interface DiagramLayout {
  readonly width: number
  readonly height: number
  readonly nodes: readonly (PlacedBox & { readonly node: DiagramNode })[]
  readonly clusters: readonly (PlacedBox & { readonly cluster: DiagramCluster })[]
  readonly edges: readonly PlacedEdge[]
}

/** An arrow placed by the layout engine: its path, and where its word goes when it has one. */
export interface PlacedEdge {
  readonly edge: DiagramEdge
  readonly points: readonly Point[]
  readonly labelAt?: Point
}

/** Arrows between CMOCs carry their word on the drawing; the many evidence arrows only a tooltip. */
export function labelledOnDrawing(edge: DiagramEdge): boolean {
  return edge.label !== undefined && edge.type !== 'evidences' && edge.type !== 'drawn-from'
}

// Text is measured without a browser: an average glyph of 12px system-ui is under 6.5 units
// wide, so 7 units a character is a safe bound. Labels wrap at 28 characters, 4 lines at most.
export const charWidth = 7
export const lineHeight = 15
const wrapAt = 28
const maxLines = 4
const padding = 8
const nodeWidth = wrapAt * charWidth + 2 * padding
// The space between boxes of one column, as dagre leaves it and as a stack's boxes keep it.
const nodeGap = 28
/** The band at the top of a frame that holds its label. */
export const clusterLabelHeight = 16

/** A label in at most four lines of 28 characters, the last cut with an ellipsis. */
export function labelLines(label: string, lines = maxLines): string[] {
  const wrapped = wrapWords(label, wrapAt).map((line) =>
    line.length > wrapAt ? `${line.slice(0, wrapAt - 1)}…` : line,
  )
  if (wrapped.length <= lines) return wrapped
  const kept = wrapped.slice(0, lines)
  const last = kept[lines - 1] ?? ''
  kept[lines - 1] = `${last.slice(0, wrapAt - 1).trimEnd()}…`
  return kept
}

/**
 * Lay a diagram out left to right with dagre (the layered layout Mermaid and many diagram tools
 * use): ranks follow the arrows, frames hold their groups, sub-frames nest. Synchronous and
 * deterministic: the same diagram gives the same coordinates, rounded to a tenth. Boxes with the
 * same arrows are placed as one stack (see stacks.ts) unless `stacking` is false.
 */
export function layoutDiagram(diagram: Diagram, stacking = true): DiagramLayout {
  const graph = new Graph({ compound: diagram.clusters.length > 0, multigraph: true })
  graph.setGraph({
    // Network simplex gives the theory its compact ranks; a trace (studies to CMOCs to one
    // recommendation) is ranked as well by longest path, at a fraction of the cost, which counts
    // when a report draws one per recommendation.
    ranker: diagram.clusters.length > 0 ? 'network-simplex' : 'longest-path',
    rankdir: 'LR',
    nodesep: nodeGap,
    ranksep: 96,
    edgesep: 8,
    marginx: 8,
    marginy: 8,
  })
  const known = new Set(diagram.nodes.map((node) => node.id))
  const clusterIds = new Set(diagram.clusters.map((cluster) => `cluster:${cluster.id}`))
  for (const cluster of diagram.clusters) graph.setNode(`cluster:${cluster.id}`, {})
  for (const cluster of diagram.clusters) {
    const parent = `cluster:${cluster.parent}`
    if (cluster.parent !== undefined && clusterIds.has(parent))
      graph.setParent(`cluster:${cluster.id}`, parent)
  }
  const lines = new Map(diagram.nodes.map((node) => [node.id, labelLines(node.label)]))
  const heightOf = (id: string): number => (lines.get(id)?.length ?? 0) * lineHeight + 2 * padding
  // Interchangeable boxes go to dagre as one tall box each (see stacks.ts).
  const stacks = stacking ? stacksOf(diagram, labelledOnDrawing) : new Map<string, Stack>()
  const stacked = new Set(stacks.values())
  for (const node of diagram.nodes) {
    const stack = stacks.get(node.id)
    if (stack !== undefined) {
      // Set once, by the stack's first member.
      if (stack.members[0] !== node) continue
      const heights = stack.members.map((member) => heightOf(member.id))
      const total = heights.reduce((sum, each) => sum + each, 0)
      graph.setNode(stack.id, { width: nodeWidth, height: total + nodeGap * (heights.length - 1) })
      continue
    }
    graph.setNode(`node:${node.id}`, { width: nodeWidth, height: heightOf(node.id) })
    const cluster = `cluster:${node.cluster}`
    if (node.cluster !== undefined && clusterIds.has(cluster))
      graph.setParent(`node:${node.id}`, cluster)
  }
  // Chains between CMOCs weigh more: they are what a reader follows.
  const weightOf = (edge: DiagramEdge): number => (edge.type === 'leads-to' ? 4 : 1)
  // Which dagre edge each arrow of a stack's member follows: the stack's to the same target. The
  // stack pulls towards each target as hard as its members' arrows together.
  const followed = new Map<number, { v: string; w: string; name: string }>()
  const stackWeights = new Map<string, number>()
  const seen = new Map<string, number>()
  diagram.edges.forEach((edge, index) => {
    const stack = stacks.get(edge.source)
    if (stack === undefined) return
    const key = `${edge.source}\u0000${edge.target}`
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    const name = `${stack.id}:${stackArrowIndex(stack, edge.target, occurrence)}`
    followed.set(index, { v: stack.id, w: `node:${edge.target}`, name })
    stackWeights.set(name, (stackWeights.get(name) ?? 0) + weightOf(edge))
  })
  for (const stack of stacked)
    stack.targets.forEach((target, index) => {
      const name = `${stack.id}:${index}`
      graph.setEdge(stack.id, `node:${target}`, { weight: stackWeights.get(name) ?? 1 }, name)
    })
  diagram.edges.forEach((edge, index) => {
    if (!known.has(edge.source) || !known.has(edge.target) || stacks.has(edge.source)) return
    // A loop is drawn by hand beside its box: dagre is given no label for it to place.
    const label =
      labelledOnDrawing(edge) && edge.label !== undefined && edge.source !== edge.target
        ? { width: edge.label.length * 6 + 6, height: 14, labelpos: 'c' as const }
        : {}
    graph.setEdge(
      `node:${edge.source}`,
      `node:${edge.target}`,
      { weight: weightOf(edge), ...label },
      `e${index}`,
    )
  })
  layout(graph)
  // A stack's arrow that crosses a column of boxes (one bend point per column between) would
  // leave its members' arrows on one shared path there: such a diagram is laid out box by box.
  for (const stack of stacked)
    for (const [index, target] of stack.targets.entries()) {
      const placed = graph.edge({ v: stack.id, w: `node:${target}`, name: `${stack.id}:${index}` })
      if ((placed?.points.length ?? 0) > 3) return layoutDiagram(diagram, false)
    }
  // Each member of a stack takes its place in the stack's box, top to bottom.
  const memberBoxes = new Map<string, Centred>()
  for (const stack of stacked) {
    const placed = graph.node(stack.id)
    let top = placed.y - placed.height / 2
    for (const member of stack.members) {
      const height = heightOf(member.id)
      memberBoxes.set(member.id, { x: placed.x, y: top + height / 2, width: nodeWidth, height })
      top += height + nodeGap
    }
  }
  const centred = (id: string): Centred => memberBoxes.get(id) ?? graph.node(`node:${id}`)
  const box = (placed: Centred): { x: number; y: number; width: number; height: number } => ({
    x: round(placed.x - placed.width / 2),
    y: round(placed.y - placed.height / 2),
    width: round(placed.width),
    height: round(placed.height),
  })
  // A member's arrow bends where its stack's does, moved up or down by the member's place in the
  // stack, as dagre bends the arrow of a box of its own: arrows fan in rather than share a path
  // (where dashes and solid lines could no longer be told apart).
  const memberPath = (edge: DiagramEdge, points: readonly Point[]): readonly Point[] => {
    const member = memberBoxes.get(edge.source)
    const stack = stacks.get(edge.source)
    if (member === undefined || stack === undefined) return points
    const shift = member.y - graph.node(stack.id).y
    return points.map((point, index) =>
      index === 0 || index === points.length - 1 ? point : { x: point.x, y: point.y + shift },
    )
  }
  const dagreEdge = (edge: DiagramEdge, index: number): { v: string; w: string; name: string } =>
    followed.get(index) ?? { v: `node:${edge.source}`, w: `node:${edge.target}`, name: `e${index}` }
  const { width = 0, height = 0 } = graph.graph()
  return {
    width: round(width),
    height: round(height),
    nodes: diagram.nodes.map((node) => ({
      node,
      ...box(centred(node.id)),
      lines: lines.get(node.id) ?? [],
    })),
    clusters: diagram.clusters.map((cluster) => ({
      cluster,
      ...box(graph.node(`cluster:${cluster.id}`)),
      lines: labelLines(cluster.label, 1),
    })),
    edges: diagram.edges.flatMap((edge, index) => {
      if (!known.has(edge.source) || !known.has(edge.target)) return []
      const placed = graph.edge(dagreEdge(edge, index))
      const source = centred(edge.source)
      if (edge.source === edge.target) {
        const [points, labelAt] = loop(source)
        return [{ edge, points, ...(labelledOnDrawing(edge) ? { labelAt } : {}) }]
      }
      const points = routed(source, memberPath(edge, placed?.points ?? []), centred(edge.target))
      const labelAt =
        labelledOnDrawing(edge) && placed?.x !== undefined && placed.y !== undefined
          ? { labelAt: { x: round(placed.x), y: round(placed.y) } }
          : {}
      return [{ edge, points, ...labelAt }]
    }),
  }
}

interface Centred {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/**
 * An arrow's path: from the middle of the source's side facing the way it goes, through the
 * points dagre routed between the columns, to the middle of the target's facing side. Leaving
 * and entering by the sides keeps every arrow in the gaps between columns, where dagre left room,
 * rather than cutting across the boxes of a column to reach a corner.
 */
function routed(source: Centred, points: readonly Point[], target: Centred): Point[] {
  const inner = points.slice(1, -1)
  const first = inner[0] ?? target
  const last = inner[inner.length - 1] ?? source
  const side = (node: Centred, towards: Point): Point => ({
    x: node.x + (towards.x >= node.x ? node.width / 2 : -node.width / 2),
    y: node.y,
  })
  return [side(source, first), ...inner, side(target, last)].map(roundPoint)
}

/** A link from a box to itself: a small loop out of its right side and back, its word beside. */
function loop(box: Centred): [Point[], Point] {
  const right = box.x + box.width / 2
  const points = [
    { x: right, y: box.y - 8 },
    { x: right + 22, y: box.y },
    { x: right, y: box.y + 8 },
  ]
  return [points.map(roundPoint), roundPoint({ x: right + 44, y: box.y })]
}

function roundPoint(point: Point): Point {
  return { x: round(point.x), y: round(point.y) }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
