import type { MultiDirectedGraph } from 'graphology'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { EdgeType, Entity, Place } from '../model/entity.js'
import type { Basis } from '../schema/common.js'

/**
 * Attributes of a node: the entity itself, a discriminated union on `kind`.
 *
 * @example
 * ```ts
 * kb.graph.forEachNode((id, entity: NodeAttributes) => {
 *   if (entity.kind === 'cmoc') console.log(id, entity.data.title)
 * })
 * ```
 */
export type NodeAttributes = Entity

/**
 * Attributes of an edge: its type and where and on what basis the link is made.
 *
 * @example
 * ```ts
 * kb.graph.forEachOutEdge('rec-2-3', (_edge, attributes: EdgeAttributes, _source, target) => {
 *   if (attributes.type === 'derived-from') console.log(target, attributes.basis, attributes.field)
 * })
 * ```
 */
export interface EdgeAttributes {
  readonly type: EdgeType
  readonly basis: Basis
  readonly location?: string
  readonly rationale?: string
  /** The field that states the link (`cmocs[0]`, `body`). */
  readonly field: string
  /** Where the link is written. */
  readonly place: Place
}

/**
 * Attributes of the graph itself.
 *
 * @example
 * ```ts
 * const reviewId: string | undefined = kb.graph.getAttribute('review')
 * ```
 */
export interface GraphAttributes {
  /** Id of the review entity, when there is exactly one. */
  readonly review?: string
}

/**
 * The typed graph of a knowledge base.
 *
 * @example
 * ```ts
 * const cmocCount = (graph: KnowledgeGraph): number =>
 *   graph.filterNodes((_id, entity) => entity.kind === 'cmoc').length
 * ```
 */
export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>

/**
 * A loaded knowledge base: its graph, every diagnostic, and the files it was read from.
 *
 * @example
 * ```ts
 * import { loadFromMemory, type KnowledgeBase } from '@realist-kb/core'
 * const kb: KnowledgeBase = loadFromMemory(files)
 * console.log(kb.graph.order, kb.diagnostics.length, kb.files.length)
 * ```
 */
export interface KnowledgeBase {
  readonly graph: KnowledgeGraph
  /** Every problem found, ordered by file, line and column. */
  readonly diagnostics: readonly Diagnostic[]
  /** The files read, relative to the content folder. */
  readonly files: readonly string[]
}
