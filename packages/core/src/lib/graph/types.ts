import type { MultiDirectedGraph } from 'graphology'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { EdgeType, Entity, Place } from '../model/entity.js'
import type { Basis } from '../schema/common.js'

/** Attributes of a node: the entity itself, a discriminated union on `kind`. */
export type NodeAttributes = Entity

/** Attributes of an edge: its type and where and on what basis the link is made. */
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

/** Attributes of the graph itself. */
export interface GraphAttributes {
  /** Id of the review entity, when there is exactly one. */
  readonly review?: string
}

/** The typed graph of a knowledge base. */
export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>

/** A loaded knowledge base: its graph, every diagnostic, and the files it was read from. */
export interface KnowledgeBase {
  readonly graph: KnowledgeGraph
  /** Every problem found, ordered by file, line and column. */
  readonly diagnostics: readonly Diagnostic[]
  /** The files read, relative to the content folder. */
  readonly files: readonly string[]
}
