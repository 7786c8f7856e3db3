import { cmocPartsOf, type Entity, type EntityOf, type ReferenceInput } from '@realist-kb/core'
import { entityLabel, entityTitle, mechanismText, partText, referenceId } from './entity-text.js'
import type { GraphEdge } from './sorted.js'

/**
 * The value types a column holds; each graph format maps them to its own type names.
 *
 * @example
 * ```ts
 * const gexfType = (type: ColumnType): string => (type === 'integer' ? 'integer' : 'string')
 * ```
 */
export type ColumnType = 'string' | 'integer'

/**
 * A typed attribute column of a graph export: one per GEXF `<attribute>` or GraphML `<key>`.
 *
 * @example
 * ```ts
 * const year: Column<Entity> = {
 *   name: 'year',
 *   type: 'integer',
 *   value: (entity) => (entity.kind === 'study' ? entity.data.citation.year : undefined),
 * }
 * ```
 */
export interface Column<T> {
  readonly name: string
  readonly type: ColumnType
  readonly value: (item: T) => string | number | undefined
}

/** Lists become one cell, `; `-separated, so that every graph tool can show and filter them. */
export const listSeparator = '; '

function list(values: readonly string[] | undefined): string | undefined {
  return values === undefined || values.length === 0 ? undefined : values.join(listSeparator)
}

function references(values: readonly ReferenceInput[] | undefined): string | undefined {
  return list(values?.map(referenceId))
}

function reference(value: ReferenceInput | undefined): string | undefined {
  return value === undefined ? undefined : referenceId(value)
}

// One accessor per kind keeps each column's extractor a one-liner and exhaustively typed.
function of<K extends Entity['kind'], V>(
  kind: K,
  get: (entity: EntityOf<K>) => V,
): (entity: Entity) => V | undefined {
  return (entity) => (entity.kind === kind ? get(entity as EntityOf<K>) : undefined)
}

function either<V>(
  ...getters: ((entity: Entity) => V | undefined)[]
): (entity: Entity) => V | undefined {
  return (entity) => {
    for (const get of getters) {
      const value = get(entity)
      if (value !== undefined) return value
    }
    return undefined
  }
}

const mechanismPart = (part: 'resource' | 'response') =>
  of('cmoc', (cmoc) => {
    const items = cmocPartsOf(cmoc.data).mechanism[part]
    return items.length === 0 ? undefined : items.join('; ')
  })

/**
 * The node columns of the GEXF and GraphML exports, in output order. The set is fixed so that a
 * script written against one export works on the next; a node leaves out what it lacks.
 *
 * @example
 * ```ts
 * nodeColumns.map((column) => `${column.name}: ${column.type}`) // ['label: string', ...]
 * ```
 */
export const nodeColumns: readonly Column<Entity>[] = [
  { name: 'label', type: 'string', value: entityLabel },
  { name: 'kind', type: 'string', value: (entity) => entity.kind },
  { name: 'title', type: 'string', value: entityTitle },
  { name: 'file', type: 'string', value: (entity) => entity.file },
  { name: 'line', type: 'integer', value: (entity) => entity.position.line },
  { name: 'column', type: 'integer', value: (entity) => entity.position.column },
  { name: 'source-label', type: 'string', value: of('cmoc', (e) => e.data.label) },
  {
    name: 'group',
    type: 'string',
    value: either(
      of('cmoc', (e) => reference(e.data.group)),
      of('recommendation', (e) => reference(e.data.group)),
    ),
  },
  { name: 'parent', type: 'string', value: of('group', (e) => reference(e.data.parent)) },
  { name: 'description', type: 'string', value: of('group', (e) => e.data.description) },
  { name: 'question', type: 'string', value: of('group', (e) => e.data.question) },
  { name: 'aka', type: 'string', value: of('group', (e) => list(e.data.aka)) },
  { name: 'context', type: 'string', value: of('cmoc', (e) => partText(e.data.context)) },
  {
    name: 'mechanism',
    type: 'string',
    value: of('cmoc', (e) => mechanismText(e.data.mechanism) || undefined),
  },
  { name: 'mechanism-resource', type: 'string', value: mechanismPart('resource') },
  { name: 'mechanism-response', type: 'string', value: mechanismPart('response') },
  { name: 'outcome', type: 'string', value: of('cmoc', (e) => partText(e.data.outcome)) },
  { name: 'strategies', type: 'string', value: of('cmoc', (e) => list(e.data.strategies)) },
  { name: 'related', type: 'string', value: of('cmoc', (e) => references(e.data.related)) },
  { name: 'section', type: 'integer', value: of('recommendation', (e) => e.data.section) },
  {
    name: 'order',
    type: 'integer',
    value: either(
      of('group', (e) => e.data.order),
      of('cmoc', (e) => e.data.order),
      of('recommendation', (e) => e.data.order),
      of('audience', (e) => e.data.order),
    ),
  },
  {
    name: 'audiences',
    type: 'string',
    value: of('recommendation', (e) => references(e.data.audiences)),
  },
  {
    name: 'cmocs',
    type: 'string',
    value: either(
      of('recommendation', (e) => references(e.data.cmocs)),
      of('evidence', (e) => references(e.data.cmocs)),
    ),
  },
  { name: 'emphasis', type: 'string', value: of('recommendation', (e) => list(e.data.emphasis)) },
  { name: 'examples', type: 'string', value: of('audience', (e) => list(e.data.examples)) },
  {
    name: 'authors',
    type: 'string',
    value: either(
      of('study', (e) => list(e.data.citation.authors)),
      of('review', (e) => list(e.data.authors)),
    ),
  },
  {
    name: 'year',
    type: 'integer',
    value: either(
      of('study', (e) => e.data.citation.year),
      of('review', (e) => e.data.year),
    ),
  },
  {
    name: 'journal',
    type: 'string',
    value: either(
      of('study', (e) => e.data.citation.journal),
      of('review', (e) => e.data.journal),
    ),
  },
  { name: 'volume', type: 'string', value: of('study', (e) => e.data.citation.volume) },
  { name: 'issue', type: 'string', value: of('study', (e) => e.data.citation.issue) },
  { name: 'pages', type: 'string', value: of('study', (e) => e.data.citation.pages) },
  {
    name: 'doi',
    type: 'string',
    value: either(
      of('study', (e) => e.data.citation.doi),
      of('review', (e) => e.data.doi),
    ),
  },
  { name: 'citation-type', type: 'string', value: of('study', (e) => e.data.citation.type) },
  { name: 'reference', type: 'integer', value: of('study', (e) => e.data.reference) },
  { name: 'design', type: 'string', value: of('study', (e) => e.data.design) },
  { name: 'countries', type: 'string', value: of('study', (e) => list(e.data.countries)) },
  { name: 'settings', type: 'string', value: of('study', (e) => list(e.data.settings)) },
  { name: 'participants', type: 'string', value: of('study', (e) => list(e.data.participants)) },
  {
    name: 'inclusion',
    type: 'string',
    value: of('study', (e) => e.data.inclusion?.status ?? 'unknown'),
  },
  { name: 'study', type: 'string', value: of('evidence', (e) => e.data.study) },
  { name: 'relation', type: 'string', value: of('evidence', (e) => e.data.relation) },
  { name: 'parts', type: 'string', value: of('evidence', (e) => list(e.data.parts)) },
  { name: 'quote', type: 'string', value: of('evidence', (e) => e.data.quote) },
  { name: 'locator', type: 'string', value: of('evidence', (e) => e.data.locator) },
  { name: 'registration', type: 'string', value: of('review', (e) => e.data.registration) },
  {
    name: 'theory',
    type: 'string',
    value: of('review', (e) =>
      typeof e.data.theory === 'string' ? e.data.theory : e.data.theory?.name,
    ),
  },
  { name: 'provenance', type: 'string', value: (entity) => entity.data.provenance },
  {
    name: 'tags',
    type: 'string',
    // Evidence written inside a study has no tags of its own.
    value: (entity) => list('tags' in entity.data ? entity.data.tags : undefined),
  },
]

/**
 * The edge columns of the GEXF and GraphML exports, in output order.
 *
 * @example
 * ```ts
 * edgeColumns.map((column) => column.name) // ['type', 'basis', ...]
 * ```
 */
export const edgeColumns: readonly Column<GraphEdge>[] = [
  { name: 'type', type: 'string', value: (edge) => edge.attributes.type },
  { name: 'basis', type: 'string', value: (edge) => edge.attributes.basis },
  { name: 'field', type: 'string', value: (edge) => edge.attributes.field },
  { name: 'location', type: 'string', value: (edge) => edge.attributes.location },
  { name: 'rationale', type: 'string', value: (edge) => edge.attributes.rationale },
  { name: 'file', type: 'string', value: (edge) => edge.attributes.place.file },
  { name: 'line', type: 'integer', value: (edge) => edge.attributes.place.line },
  { name: 'column', type: 'integer', value: (edge) => edge.attributes.place.column },
]

/**
 * The values of one item, column by column, leaving out the columns it has no value for.
 *
 * @example
 * ```ts
 * columnValues(nodeColumns, entity) // [['label', 'Coherence'], ['kind', 'group'], ...]
 * ```
 */
export function columnValues<T>(
  columns: readonly Column<T>[],
  item: T,
): [Column<T>, string | number][] {
  const values: [Column<T>, string | number][] = []
  for (const column of columns) {
    const value = column.value(item)
    if (value !== undefined && value !== '') values.push([column, value])
  }
  return values
}
