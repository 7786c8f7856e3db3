import type { Basis, EntityKind } from '@realist-kb/core'

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
  /** What the box shows: its code and title (renderers wrap and may shorten it). */
  readonly label: string
  /** Longer text for a tooltip, where the format has one. */
  readonly detail?: string
  /** The cluster (group) the box is drawn in, when it is drawn in one. */
  readonly cluster?: string
}

/**
 * A frame around the boxes of one group; a sub-group's frame sits inside its parent's.
 *
 * @example
 * ```ts
 * const nested: DiagramCluster[] = programmeTheoryDiagram(kb).clusters.filter((cluster) => cluster.parent)
 * ```
 */
export interface DiagramCluster {
  /** The group's id. */
  readonly id: string
  readonly label: string
  readonly detail?: string
  /** The cluster it sits in (the group's parent), when it is a sub-group drawn in its parent. */
  readonly parent?: string
}

/**
 * What an arrow stands for, named after the link in the knowledge base:
 * `derived-from` (a CMOC to the recommendation derived from it), `leads-to`, `nested-in`,
 * `refines`, `conflicts-with` (between CMOCs), `evidences` (evidence, or a study through its
 * evidence, to a CMOC) and `drawn-from` (a study to the evidence drawn from it).
 *
 * @example
 * ```ts
 * const chains = diagram.edges.filter((edge) => edge.type === ('leads-to' satisfies DiagramEdgeType))
 * ```
 */
export type DiagramEdgeType =
  | 'derived-from'
  | 'leads-to'
  | 'nested-in'
  | 'refines'
  | 'conflicts-with'
  | 'evidences'
  | 'drawn-from'

/**
 * An arrow in a diagram, drawn along the chain of support (study to evidence to CMOC to
 * recommendation); inferred links are drawn dashed.
 *
 * @example
 * ```ts
 * const dashed: DiagramEdge[] = programmeTheoryDiagram(kb).edges.filter((edge) => edge.basis === 'inferred')
 * ```
 */
export interface DiagramEdge {
  readonly source: string
  readonly target: string
  readonly type: DiagramEdgeType
  readonly basis: Basis
  /**
   * A word on the arrow, from a fixed vocabulary: `supports`, `refines`, `refutes` (evidence);
   * `leads to`, `nested in`, `refines`, `conflicts with` (between CMOCs).
   */
  readonly label?: string
}

/**
 * A picture of part of the knowledge base, independent of the notation it is drawn in: SVG
 * (laid out by dagre), Mermaid and DOT all draw this one model.
 *
 * @example
 * ```ts
 * const diagram: Diagram | undefined = traceDiagram(kb, 'rec-2-3')
 * if (diagram) console.log(writeMermaid(diagram), writeDot(diagram), diagramSvg(diagram))
 * ```
 */
export interface Diagram {
  /** A name for the picture, safe as an identifier (`programme-theory`, `trace-rec-1-1`). */
  readonly name: string
  readonly title: string
  /** Frames around groups, parents before their sub-groups. */
  readonly clusters: readonly DiagramCluster[]
  readonly nodes: readonly DiagramNode[]
  readonly edges: readonly DiagramEdge[]
  /** What was left out to keep the picture readable, in words (a capped trace, say). */
  readonly note?: string
}
