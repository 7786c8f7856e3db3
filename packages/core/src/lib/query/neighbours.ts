import type { EdgeAttributes, KnowledgeGraph } from '../graph/types.js'
import type { EntityKind } from '../kinds/index.js'
import type { EdgeType, Entity, EntityOf } from '../model/entity.js'
import { pushTo } from '../push-to.js'
import { someStudiesOfCmoc } from './cmoc-evidence.js'

/**
 * A neighbour reached over one edge, with the edge's attributes.
 *
 * @example
 * ```ts
 * const audiences: Neighbour<'audience'>[] = neighbours(kb.graph, 'rec-2-3', 'out', 'addresses', 'audience')
 * audiences.map(({ entity, edge }) => `${entity.data.name} (${edge.basis})`)
 * ```
 */
export interface Neighbour<K extends EntityKind> {
  readonly entity: EntityOf<K>
  readonly edge: EdgeAttributes
}

/**
 * Entities of `kind` reached from `id` over edges of `type`, in a stable order (by id).
 *
 * @example
 * ```ts
 * const cmocs = neighbours(kb.graph, 'rec-1-1', 'out', 'derived-from', 'cmoc')
 * ```
 */
export function neighbours<K extends EntityKind>(
  graph: KnowledgeGraph,
  id: string,
  direction: 'in' | 'out',
  type: EdgeType,
  kind: K,
): Neighbour<K>[] {
  const out: Neighbour<K>[] = []
  if (!graph.hasNode(id)) return out
  // The edge walk hands over both ends' attributes: no lookup of the neighbour by id.
  const visit = (
    _edge: string,
    edge: EdgeAttributes,
    _source: string,
    _target: string,
    from: Entity,
    to: Entity,
  ): void => {
    if (edge.type !== type) return
    const entity = direction === 'out' ? to : from
    if (entity.kind === kind) out.push({ entity: entity as EntityOf<K>, edge })
  }
  if (direction === 'out') graph.forEachOutEdge(id, visit)
  else graph.forEachInEdge(id, visit)
  return out.sort((a, b) => compareIds(a.entity.id, b.entity.id))
}

/**
 * Ids of the distinct studies whose evidence bears on a CMOC (directly or through its groups),
 * sorted.
 *
 * @example
 * ```ts
 * studiesOfCmoc(kb.graph, 'cmoc-2c') // ['collins-2022', ...]
 * ```
 */
export function studiesOfCmoc(graph: KnowledgeGraph, cmocId: string): string[] {
  return someStudiesOfCmoc(graph, cmocId, Number.POSITIVE_INFINITY).sort(compareIds)
}

/**
 * Every entity of one kind, sorted by `order` where given, then by id.
 *
 * @example
 * ```ts
 * entitiesOfKind(kb.graph, 'recommendation').map((rec) => rec.data.text)
 * ```
 */
export function entitiesOfKind<K extends EntityKind>(
  graph: KnowledgeGraph,
  kind: K,
): EntityOf<K>[] {
  const out: EntityOf<K>[] = []
  graph.forEachNode((_id, entity) => {
    if (entity.kind === kind) out.push(entity as EntityOf<K>)
  })
  return out.sort(compareEntities)
}

/**
 * Entities of one kind, as {@link entitiesOfKind} gives them.
 *
 * @example
 * ```ts
 * const ofKind: EntitiesOfKind = entitiesByKind(kb.graph)
 * ofKind('cmoc').length
 * ```
 */
export type EntitiesOfKind = <K extends EntityKind>(kind: K) => EntityOf<K>[]

/**
 * {@link entitiesOfKind} for every kind from one walk over the nodes, each kind sorted once, on
 * first use: for code that asks for several kinds of a graph that does not change meanwhile (a
 * report asks for six, each a walk over tens of thousands of nodes). Each call returns a new
 * array, which the caller may sort or change.
 *
 * @example
 * ```ts
 * const ofKind = entitiesByKind(kb.graph)
 * const [cmocs, studies] = [ofKind('cmoc'), ofKind('study')]
 * ```
 */
export function entitiesByKind(graph: KnowledgeGraph): EntitiesOfKind {
  let buckets: Map<EntityKind, EntityOf<EntityKind>[]> | undefined
  const sorted = new Set<EntityKind>()
  return <K extends EntityKind>(kind: K): EntityOf<K>[] => {
    if (buckets === undefined) {
      const byKind = new Map<EntityKind, EntityOf<EntityKind>[]>()
      graph.forEachNode((_id, entity) => pushTo(byKind, entity.kind, entity))
      buckets = byKind
    }
    const list = buckets.get(kind) ?? []
    if (!sorted.has(kind)) {
      list.sort(compareEntities)
      sorted.add(kind)
    }
    return [...list] as EntityOf<K>[]
  }
}

/**
 * Compare ids so that `cmoc-2` sorts before `cmoc-10`.
 *
 * @example
 * ```ts
 * ['cmoc-10', 'cmoc-2'].sort(compareIds) // ['cmoc-2', 'cmoc-10']
 * ```
 */
export function compareIds(a: string, b: string): number {
  // Runs of digits compare as numbers, other characters by code point: for kebab-case ids the
  // order of a numeric locale collation, several times faster when sorting tens of thousands.
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i)
    const cb = b.charCodeAt(j)
    if (isDigit(ca) && isDigit(cb)) {
      let endA = i
      let endB = j
      while (endA < a.length && isDigit(a.charCodeAt(endA))) endA++
      while (endB < b.length && isDigit(b.charCodeAt(endB))) endB++
      const difference = compareDigitRuns(a, i, endA, b, j, endB)
      if (difference !== 0) return difference
      i = endA
      j = endB
      continue
    }
    if (ca !== cb) return ca - cb
    i++
    j++
  }
  return a.length - i - (b.length - j) || (a < b ? -1 : a > b ? 1 : 0)
}

/**
 * Two runs of digits compared as numbers, in place: without leading zeros the longer run is the
 * larger number, and runs of one length compare digit by digit. No substring or number is made
 * (sorting is most of a large report's comparisons), and runs past 2^53 still compare exactly.
 */
function compareDigitRuns(
  a: string,
  startA: number,
  endA: number,
  b: string,
  startB: number,
  endB: number,
): number {
  let i = startA
  let j = startB
  while (i < endA - 1 && a.charCodeAt(i) === zero) i++
  while (j < endB - 1 && b.charCodeAt(j) === zero) j++
  const lengths = endA - i - (endB - j)
  if (lengths !== 0) return lengths
  for (; i < endA; i++, j++) {
    const difference = a.charCodeAt(i) - b.charCodeAt(j)
    if (difference !== 0) return difference
  }
  return 0
}

const zero = 48

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function orderOf(entity: { data: unknown }): number | undefined {
  const data = entity.data as { order?: number; section?: number }
  if (data.order === undefined) return undefined
  return (data.section ?? 0) * 10_000 + data.order
}

/**
 * Compare entities by `section` and `order` where both have them, then by id.
 *
 * @example
 * ```ts
 * const recs = kb.graph.mapNodes((_id, entity) => entity).sort(compareEntities)
 * ```
 */
export function compareEntities(
  a: { id: string; data: unknown },
  b: { id: string; data: unknown },
): number {
  const orderA = orderOf(a)
  const orderB = orderOf(b)
  if (orderA !== undefined && orderB !== undefined && orderA !== orderB) return orderA - orderB
  return compareIds(a.id, b.id)
}
