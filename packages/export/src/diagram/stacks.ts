import type { Diagram, DiagramEdge, DiagramNode } from './model.js'
import { pushTo } from './push-to.js'

/**
 * Boxes the layout can place as one: boxes that no arrow enters, outside every frame, whose
 * arrows all leave for the same boxes with no word drawn on them (the studies behind one CMOC of
 * a trace, say). Whatever their order in the stack, the drawing has the same crossings, so dagre
 * is given one box as tall as the stack, which takes a fraction of the time of placing each
 * (a report lays out a trace per recommendation), and each box then takes its place in it.
 */
export interface Stack {
  /** The stack's node in the layout graph: `stack:0`, `stack:1`... */
  readonly id: string
  /** The boxes, top to bottom, in the diagram's order. */
  readonly members: readonly DiagramNode[]
  /** The stack's arrows: one per arrow of a member, in the order of its targets. */
  readonly targets: readonly string[]
}

/**
 * The stacks of two boxes or more in a diagram without frames, each member's id mapped to its
 * stack. Arrows with a word on the drawing (`labelled`) and loops keep their boxes apart.
 */
export function stacksOf(
  diagram: Diagram,
  labelled: (edge: DiagramEdge) => boolean,
): ReadonlyMap<string, Stack> {
  const byMember = new Map<string, Stack>()
  if (diagram.clusters.length > 0) return byMember
  const known = new Set(diagram.nodes.map((node) => node.id))
  const entered = new Set<string>()
  const leaving = new Map<string, DiagramEdge[]>()
  for (const edge of diagram.edges) {
    // An arrow to or from a box not drawn is not drawn either.
    if (!known.has(edge.source) || !known.has(edge.target)) continue
    entered.add(edge.target)
    pushTo(leaving, edge.source, edge)
  }
  const bySignature = new Map<string, { members: DiagramNode[]; targets: string[] }>()
  for (const node of diagram.nodes) {
    const out = leaving.get(node.id)
    if (entered.has(node.id) || out === undefined || out.some(labelled)) continue
    const targets = out.map((edge) => edge.target).sort()
    const signature = targets.join('\u0000')
    const stack = bySignature.get(signature)
    if (stack === undefined) bySignature.set(signature, { members: [node], targets })
    else stack.members.push(node)
  }
  let count = 0
  for (const { members, targets } of bySignature.values()) {
    if (members.length < 2) continue
    const stack = { id: `stack:${count++}`, members, targets }
    for (const member of members) byMember.set(member.id, stack)
  }
  return byMember
}

/**
 * Which of its stack's arrows an arrow of a member follows: the k-th arrow of a member to a
 * target follows the k-th of the stack's arrows to it.
 */
export function stackArrowIndex(stack: Stack, target: string, occurrence: number): number {
  let seen = 0
  for (let index = 0; index < stack.targets.length; index++)
    if (stack.targets[index] === target && seen++ === occurrence) return index
  return -1
}
