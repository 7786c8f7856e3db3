import type {
  Basis,
  Diagnostic,
  EdgeType,
  Entity,
  KnowledgeBase,
  Place,
  Position,
} from '@realist-kb/core'
import { sortedEdges, sortedEntities } from './sorted.js'

/**
 * An entity as the JSON form holds it: everything but its unresolved links. An evidence entry's
 * data carries its `kind` and `id`, as an evidence file's frontmatter does.
 *
 * @example
 * ```ts
 * const studies: EntityJson[] = toKnowledgeBaseJson(kb).entities.filter((e) => e.kind === 'study')
 * ```
 */
export type EntityJson = Entity extends infer E
  ? E extends Entity
    ? E extends { readonly kind: 'evidence' }
      ? Omit<E, 'links' | 'data'> & {
          readonly data: E['data'] & { readonly kind: 'evidence'; readonly id: string }
        }
      : Omit<E, 'links'>
    : never
  : never

/**
 * A resolved link: one edge of the graph.
 *
 * @example
 * ```ts
 * const inferred: LinkJson[] = toKnowledgeBaseJson(kb).links.filter((link) => link.basis === 'inferred')
 * ```
 */
export interface LinkJson {
  readonly source: string
  readonly target: string
  readonly type: EdgeType
  readonly basis: Basis
  /** The field that states it (`cmocs[0]`, `body`). */
  readonly field: string
  readonly location?: string
  readonly rationale?: string
  /** Where the link is written. */
  readonly place: Place
}

/**
 * The whole knowledge base as JSON, version 2 (documented in docs/json-format.md).
 *
 * @example
 * ```ts
 * const json: KnowledgeBaseJson = JSON.parse(writeKnowledgeBaseJson(kb))
 * console.log(json.review, json.entities.length, json.links.length)
 * ```
 */
export interface KnowledgeBaseJson {
  readonly formatVersion: 2
  readonly generator: 'realist-kb'
  /** The id of the review entity, or `null` when there is not exactly one. */
  readonly review: string | null
  /** The files read, relative to the content folder, sorted. */
  readonly files: readonly string[]
  readonly entities: readonly EntityJson[]
  readonly links: readonly LinkJson[]
  readonly diagnostics: readonly Diagnostic[]
}

function position(value: Position): Position {
  return {
    line: value.line,
    column: value.column,
    ...(value.endLine === undefined ? {} : { endLine: value.endLine }),
    ...(value.endColumn === undefined ? {} : { endColumn: value.endColumn }),
  }
}

/**
 * The whole knowledge base in the versioned JSON form a downstream app loads without parsing
 * markdown: every entity (kind, id, file, position, data, body), every resolved link (type, basis,
 * location, rationale, place) and every diagnostic. Entities are grouped by kind and sorted; links
 * follow their source. Same input, same output.
 *
 * @example
 * ```ts
 * import { toKnowledgeBaseJson } from '@realist-kb/export'
 * const json = toKnowledgeBaseJson(kb)
 * json.entities.filter((entity) => entity.kind === 'cmoc').length
 * ```
 */
export function toKnowledgeBaseJson(kb: KnowledgeBase): KnowledgeBaseJson {
  const sorted = sortedEntities(kb.graph)
  const entities = sorted.map(
    (entity) =>
      ({
        kind: entity.kind,
        id: entity.id,
        file: entity.file,
        position: position(entity.position),
        // An entry written in a study's list has no kind or id of its own there; the JSON gives
        // it both, so that it stands alone and meets the evidence schema like an evidence file.
        data:
          entity.kind === 'evidence'
            ? { kind: 'evidence', id: entity.id, ...entity.data }
            : entity.data,
        body: entity.body,
      }) as EntityJson,
  )
  const links = sortedEdges(kb.graph, sorted).map(({ source, target, attributes }) => ({
    source,
    target,
    type: attributes.type,
    basis: attributes.basis,
    field: attributes.field,
    ...(attributes.location === undefined ? {} : { location: attributes.location }),
    ...(attributes.rationale === undefined ? {} : { rationale: attributes.rationale }),
    place: { file: attributes.place.file, ...position(attributes.place) },
  }))
  return {
    formatVersion: 2,
    generator: 'realist-kb',
    review: kb.graph.getAttribute('review') ?? null,
    files: [...kb.files].sort(),
    entities,
    links,
    diagnostics: kb.diagnostics,
  }
}

/**
 * Write the knowledge base as JSON text (two-space indented, with a final newline).
 *
 * @example
 * ```ts
 * import { writeKnowledgeBaseJson } from '@realist-kb/export'
 * const text = writeKnowledgeBaseJson(kb) // '{\n  "formatVersion": 2, ...'
 * ```
 */
export function writeKnowledgeBaseJson(kb: KnowledgeBase): string {
  return `${JSON.stringify(toKnowledgeBaseJson(kb), null, 2)}\n`
}
