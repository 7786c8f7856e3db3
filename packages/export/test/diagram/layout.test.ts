import { buildTraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { type Diagram, programmeTheoryDiagram, traceDiagram, writeSvg } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { capDiagram } from '../../src/diagram/cap.js'
import { clusterLabelHeight, type DiagramLayout, layoutDiagram } from '../../src/diagram/layout.js'
import { hostileFixture, loadContent } from '../interchange/helpers.js'
import { nestedBase } from './nested-base.js'

const content = buildTraceReport(await loadContent())
const hostile = buildTraceReport(await loadDirectory(hostileFixture))
const nested = buildTraceReport(nestedBase())

interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height
// A point on the border of a box (to a tenth, the rounding of the layout).
const onBorder = (point: { x: number; y: number }, box: Box): boolean => {
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.1
  const withinX = point.x >= box.x - 0.1 && point.x <= box.x + box.width + 0.1
  const withinY = point.y >= box.y - 0.1 && point.y <= box.y + box.height + 0.1
  return (
    ((near(point.x, box.x) || near(point.x, box.x + box.width)) && withinY) ||
    ((near(point.y, box.y) || near(point.y, box.y + box.height)) && withinX)
  )
}

function problems(layout: DiagramLayout): string[] {
  const found: string[] = []
  const boxes = new Map(layout.nodes.map((placed) => [placed.node.id, placed]))
  const frames = new Map(layout.clusters.map((placed) => [placed.cluster.id, placed]))
  layout.nodes.forEach((a, index) => {
    for (const b of layout.nodes.slice(index + 1))
      if (overlap(a, b)) found.push(`${a.node.id} overlaps ${b.node.id}`)
    if (!inside(a, { x: 0, y: 0, width: layout.width, height: layout.height }))
      found.push(`${a.node.id} outside the drawing`)
    const frame = a.node.cluster === undefined ? undefined : frames.get(a.node.cluster)
    if (frame && !inside(a, frame)) found.push(`${a.node.id} outside its frame`)
    // Boxes outside a frame stay out of it; boxes inside stay clear of its label.
    for (const other of layout.clusters) {
      const band = { ...other, height: clusterLabelHeight }
      if (overlap(a, band)) found.push(`${a.node.id} under the label of ${other.cluster.id}`)
      if (!inside(a, other) && overlap(a, other))
        found.push(`${a.node.id} across ${other.cluster.id}`)
    }
  })
  for (const frame of layout.clusters) {
    const parent = frame.cluster.parent === undefined ? undefined : frames.get(frame.cluster.parent)
    if (parent && !inside(frame, parent)) found.push(`${frame.cluster.id} outside its parent`)
  }
  for (const { edge, points } of layout.edges) {
    const source = boxes.get(edge.source)
    const target = boxes.get(edge.target)
    const first = points[0]
    const last = points.at(-1)
    if (!source || !target || !first || !last) {
      found.push(`${edge.source} -> ${edge.target} not drawn`)
      continue
    }
    if (!onBorder(first, source))
      found.push(`${edge.source} -> ${edge.target} starts off its source`)
    if (!onBorder(last, target)) found.push(`${edge.source} -> ${edge.target} ends off its target`)
  }
  return found
}

const diagrams: [string, Diagram | undefined][] = [
  ['the bundled programme theory', programmeTheoryDiagram(content)],
  ['a bundled trace with evidence', traceDiagram(content, 'rec-2-3')],
  ['a bundled inline trace', traceDiagram(content, 'rec-4-3', { evidence: false })],
  ['the hostile programme theory', programmeTheoryDiagram(hostile)],
  ['the nested programme theory', programmeTheoryDiagram(nested)],
  ['the nested trace', traceDiagram(nested, 'rec-1')],
]

describe('the layout of diagrams (dagre)', () => {
  it.each(diagrams)(
    'places %s with no box over another, each arrow from box to box',
    (_name, diagram) => {
      if (!diagram) throw new Error('no diagram')
      const layout = layoutDiagram(diagram)
      expect(layout.nodes).toHaveLength(diagram.nodes.length)
      expect(layout.edges).toHaveLength(diagram.edges.length)
      expect(problems(layout)).toEqual([])
    },
  )

  it('draws a link from a CMOC to itself as a loop on its box', () => {
    const layout = layoutDiagram({
      name: 'loop',
      title: 'Loop',
      clusters: [],
      nodes: [
        { id: 'a', kind: 'cmoc', label: 'A' },
        { id: 'b', kind: 'recommendation', label: 'B' },
      ],
      edges: [
        { source: 'a', target: 'a', type: 'refines', basis: 'stated', label: 'refines' },
        { source: 'a', target: 'b', type: 'derived-from', basis: 'inferred' },
      ],
    })
    expect(layout.edges[0]?.points.length).toBeGreaterThan(2)
    expect(problems(layout)).toEqual([])
  })

  it('stacks boxes with the same arrows in their column, each arrow on a path of its own', () => {
    const studies = ['s1', 's2', 's3', 's4'].map((id) => ({
      id,
      kind: 'study' as const,
      label: `Study ${id}`,
    }))
    const diagram: Diagram = {
      name: 'stack',
      title: 'Stack',
      clusters: [],
      nodes: [
        { id: 'r', kind: 'recommendation', label: 'R' },
        { id: 'c', kind: 'cmoc', label: 'C' },
        ...studies,
      ],
      edges: [
        { source: 'c', target: 'r', type: 'derived-from', basis: 'stated' },
        ...studies.map((study) => ({
          source: study.id,
          target: 'c',
          type: 'evidences' as const,
          basis: 'inferred' as const,
          label: 'supports',
        })),
      ],
    }
    const layout = layoutDiagram(diagram)
    expect(problems(layout)).toEqual([])
    const boxes = layout.nodes.filter((placed) => placed.node.kind === 'study')
    // One column, in the diagram's order, the column's gap between boxes.
    expect(new Set(boxes.map((box) => box.x)).size).toBe(1)
    expect(boxes.map((box) => box.node.id)).toEqual(['s1', 's2', 's3', 's4'])
    for (const [above, below] of boxes.slice(0, -1).map((box, index) => [box, boxes[index + 1]]))
      expect(Number(((below?.y ?? 0) - (above?.y ?? 0) - (above?.height ?? 0)).toFixed(1))).toBe(28)
    // No two arrows share a bend: dashed arrows drawn over each other would read as solid.
    const bends = layout.edges
      .filter(({ edge }) => edge.target === 'c')
      .map(({ points }) => JSON.stringify(points.slice(1, -1)))
    expect(new Set(bends).size).toBe(studies.length)
    // A study whose arrow to the recommendation crosses the CMOC's column is laid out on its own.
    const across = layoutDiagram({
      ...diagram,
      edges: [
        ...diagram.edges,
        ...studies.map((study) => ({
          source: study.id,
          target: 'r',
          type: 'evidences' as const,
          basis: 'stated' as const,
        })),
      ],
    })
    expect(problems(across)).toEqual([])
    expect(across.edges).toHaveLength(diagram.edges.length + studies.length)
  })

  it('finds the problems it looks for (a moved box, an arrow cut short)', () => {
    const layout = layoutDiagram(programmeTheoryDiagram(nested))
    const [first, second] = layout.nodes
    if (!first || !second) throw new Error('too few boxes')
    const moved = { ...layout, nodes: [first, { ...second, x: first.x, y: first.y }] }
    expect(problems(moved).some((problem) => problem.includes('overlaps'))).toBe(true)
    const cut = {
      ...layout,
      edges: layout.edges.map((edge) => ({ ...edge, points: edge.points.slice(0, -1) })),
    }
    expect(problems(cut).some((problem) => problem.includes('ends off its target'))).toBe(true)
  })

  it('is deterministic: the same diagram gives byte-identical SVG', () => {
    const once = writeSvg(programmeTheoryDiagram(content))
    const again = writeSvg(programmeTheoryDiagram(buildTraceReport(nestedBase())))
    expect(writeSvg(programmeTheoryDiagram(content))).toBe(once)
    expect(writeSvg(programmeTheoryDiagram(nestedBase()))).toBe(again)
  })

  it('wraps titles into boxes and shortens the longest with an ellipsis', () => {
    const layout = layoutDiagram(programmeTheoryDiagram(content))
    for (const placed of layout.nodes) {
      expect(placed.lines.length).toBeGreaterThan(0)
      expect(placed.lines.length).toBeLessThanOrEqual(4)
      for (const line of placed.lines) expect(line.length).toBeLessThanOrEqual(28)
    }
    expect(layout.nodes.some((placed) => placed.lines.at(-1)?.endsWith('…'))).toBe(true)
    expect(layout.nodes.some((placed) => placed.lines.length > 1)).toBe(true)
  })

  it('keeps a large theory bounded: whole groups up to the cap, and a note', () => {
    // A generated theory of 2,000 CMOCs in 8 groups, as a large base would give.
    const groups = Array.from({ length: 8 }, (_, index) => ({
      id: `g${index}`,
      label: `G${index}`,
    }))
    const big: Diagram = {
      name: 'programme-theory',
      title: 'Big',
      clusters: groups,
      nodes: Array.from({ length: 2000 }, (_, index) => ({
        id: `c${index}`,
        kind: 'cmoc' as const,
        label: `C${index}`,
        cluster: `g${index % 8}`,
      })),
      edges: Array.from({ length: 1999 }, (_, index) => ({
        source: `c${index}`,
        target: `c${index + 1}`,
        type: 'leads-to' as const,
        basis: 'stated' as const,
      })),
    }
    const capped = capDiagram(big, 240)
    expect(capped.nodes.length).toBeLessThanOrEqual(240)
    expect(capped.nodes.length).toBeGreaterThan(0)
    expect(capped.note).toMatch(/of 2000 boxes drawn/)
    const kept = new Set(capped.nodes.map((node) => node.id))
    expect(capped.edges.every((edge) => kept.has(edge.source) && kept.has(edge.target))).toBe(true)
    expect(
      capped.clusters.every((cluster) => capped.nodes.some((node) => node.cluster === cluster.id)),
    ).toBe(true)
    expect(problems(layoutDiagram(capped))).toEqual([])
    expect(capDiagram(programmeTheoryDiagram(content), 240).note).toBeUndefined()
  })
})
