import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { didYouMean } from '../diagnostics/did-you-mean.js'
import type { EntityKind } from '../kinds/index.js'
import type { Entity, Link } from '../model/entity.js'
import { optional } from '../optional-field.js'
import type { EdgeAttributes, KnowledgeGraph } from './types.js'

/**
 * Resolve the links of one entity: add an edge for each link whose target exists and has a kind
 * the field accepts, and return the diagnostics for the others (dangling, wrong kind, repeated,
 * self-reference). A link to an id declared by an invalid file is skipped silently: that file
 * already reports why it is invalid.
 */
export function resolveLinks(
  graph: KnowledgeGraph,
  entity: Entity,
  declared: (id: string) => boolean,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const seen = new Set<string>()
  const suggest = suggester(graph)
  for (const link of entity.links) {
    const fieldBase = withoutIndex(link.field)
    const seenKey = `${fieldBase}\u0000${link.target}`
    if (seen.has(seenKey) && link.type !== 'mentions') {
      diagnostics.push(
        createDiagnostic('duplicate-reference', {
          file: link.place.file,
          position: link.place,
          message: `Unexpected repeated reference \`${link.target}\` in \`${fieldBase}\`, expected each id once`,
          entity: entity.id,
        }),
      )
      continue
    }
    seen.add(seenKey)
    if (link.target === entity.id && link.type !== 'drawn-from') {
      diagnostics.push(
        createDiagnostic('self-reference', {
          file: link.place.file,
          position: link.place,
          message: `Unexpected reference from \`${entity.id}\` to itself`,
          entity: entity.id,
        }),
      )
      continue
    }
    if (!graph.hasNode(link.target)) {
      if (declared(link.target)) continue
      const expected =
        link.expected.length === 1
          ? `the id of ${withArticle(link.expected[0] ?? 'entity')}`
          : 'the id of an entity'
      const suggestion = suggest(link)
      diagnostics.push(
        createDiagnostic('dangling-reference', {
          file: link.place.file,
          position: link.place,
          message: `Unexpected reference \`${link.target}\`, expected ${expected}`,
          hint:
            suggestion === undefined
              ? `No ${link.expected.length === 1 ? link.expected[0] : 'entity'} has this id: check for a typo, or add it.`
              : `did you mean \`${suggestion}\`?`,
          entity: entity.id,
        }),
      )
      continue
    }
    const target = graph.getNodeAttributes(link.target)
    if (!link.expected.includes(target.kind)) {
      diagnostics.push(
        createDiagnostic('wrong-kind-reference', {
          file: link.place.file,
          position: link.place,
          message: `Unexpected reference to ${target.kind} \`${link.target}\` in \`${link.field}\`, expected the id of ${link.expected.map(withArticle).join(' or ')}`,
          entity: entity.id,
        }),
      )
      continue
    }
    graph.addEdgeWithKey(
      linkEdgeKey(entity.id, link),
      entity.id,
      link.target,
      edgeAttributesOf(link),
    )
  }
  return diagnostics
}

/**
 * The key of the edge a resolved link becomes: `source|field|target@line:column`. Joined rather
 * than concatenated: a template literal leaves a tree of string pieces behind each key (about
 * seven per edge, a fifth of a loaded graph's memory), where `join` makes one flat string.
 */
export function linkEdgeKey(source: string, link: Link): string {
  const { field, target, place } = link
  return [source, '|', field, '|', target, '@', place.line, ':', place.column].join('')
}

/** The attributes of the edge a resolved link becomes (sharing the link's place). */
export function edgeAttributesOf(link: Link): EdgeAttributes {
  return {
    type: link.type,
    basis: link.basis,
    field: link.field,
    place: link.place,
    ...optional('location', link.location),
    ...optional('rationale', link.rationale),
  }
}

/**
 * Most dangling references of one entity that get a did-you-mean hint. Each suggestion compares
 * the reference with every id of the kinds it accepts: without a cap, a file of 18,000 dangling
 * links in a large base costs 18,000 scans of the base.
 */
const maxSuggestionsPerEntity = 20

/** Did-you-mean for the first dangling references of one entity; the candidates listed once. */
function suggester(graph: KnowledgeGraph): (link: Link) => string | undefined {
  let given = 0
  const candidates = new Map<string, string[]>()
  return (link) => {
    if (given >= maxSuggestionsPerEntity) return undefined
    given++
    const key = link.expected.join(',')
    let ids = candidates.get(key)
    if (ids === undefined) {
      ids = candidatesOfKinds(graph, link.expected)
      candidates.set(key, ids)
    }
    return didYouMean(link.target, ids)
  }
}

function candidatesOfKinds(graph: KnowledgeGraph, kinds: readonly EntityKind[]): string[] {
  return graph.filterNodes((_id, node) => kinds.includes(node.kind))
}

function withArticle(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`
}

/** `cmocs[2]` -> `cmocs`: the list a reference sits in (a slice, not a regex: runs per link). */
function withoutIndex(field: string): string {
  if (!field.endsWith(']')) return field
  const bracket = field.lastIndexOf('[')
  return bracket > 0 ? field.slice(0, bracket) : field
}
