import graphology from 'graphology'
import { checkGaps } from '../checks/gaps.js'
import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { didYouMean } from '../diagnostics/did-you-mean.js'
import type { Entity } from '../model/entity.js'
import type { ParsedFile } from '../parse/parse-file.js'
import type { EntityKind } from '../schema/kinds.js'
import type { KnowledgeBase, KnowledgeGraph } from './types.js'

// graphology ships CommonJS; its named class is reached through the default export under Node ESM.
const { MultiDirectedGraph } = graphology

/**
 * Build the knowledge base from parsed files: one node per entity, one edge per resolved link,
 * and every diagnostic (the files' own, unresolved references, and evidence gaps). Pure.
 *
 * @example
 * ```ts
 * import { buildKnowledgeBase, parseFile } from '@realist-kb/core'
 * const kb = buildKnowledgeBase(files.map((file) => parseFile(file)))
 * kb.graph.order // number of entities
 * ```
 */
export function buildKnowledgeBase(parsedFiles: readonly ParsedFile[]): KnowledgeBase {
  const files = [...parsedFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const graph: KnowledgeGraph = new MultiDirectedGraph()
  const diagnostics: Diagnostic[] = []
  const declared = new Map<string, EntityKind>()

  for (const file of files) {
    diagnostics.push(...file.diagnostics)
    for (const entity of file.entities) addEntity(graph, entity, diagnostics)
    for (const id of file.declared) if (!graph.hasNode(id.id)) declared.set(id.id, id.kind)
  }
  graph.forEachNode((_id, entity) => resolveLinks(graph, entity, declared, diagnostics))
  checkReviewCount(graph, files, diagnostics)
  diagnostics.push(...checkGaps(graph))
  diagnostics.sort(compareDiagnostics)
  return { graph, diagnostics, files: files.map((file) => file.path) }
}

function addEntity(graph: KnowledgeGraph, entity: Entity, diagnostics: Diagnostic[]): void {
  if (graph.hasNode(entity.id)) {
    const first = graph.getNodeAttributes(entity.id)
    diagnostics.push(
      createDiagnostic('duplicate-id', {
        file: entity.file,
        position: entity.position.line === 1 ? { line: 1, column: 1 } : entity.position,
        message: `Unexpected duplicate id \`${entity.id}\`, expected ids to be unique (first defined in ${first.file}:${first.position.line})`,
        entity: entity.id,
      }),
    )
    return
  }
  graph.addNode(entity.id, entity)
}

function resolveLinks(
  graph: KnowledgeGraph,
  entity: Entity,
  declared: ReadonlyMap<string, EntityKind>,
  diagnostics: Diagnostic[],
): void {
  const seen = new Set<string>()
  for (const link of entity.links) {
    const fieldBase = link.field.replace(/\[\d+\]$/, '')
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
      if (declared.has(link.target)) continue // its own file already reports why it is invalid
      const expected =
        link.expected.length === 1
          ? `the id of ${withArticle(link.expected[0] ?? 'entity')}`
          : 'the id of an entity'
      const candidates = graph.filterNodes((_id, node) => link.expected.includes(node.kind))
      const suggestion = didYouMean(link.target, candidates)
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
      `${entity.id}|${link.field}|${link.target}@${link.place.line}:${link.place.column}`,
      entity.id,
      link.target,
      {
        type: link.type,
        basis: link.basis,
        field: link.field,
        place: link.place,
        ...(link.location === undefined ? {} : { location: link.location }),
        ...(link.rationale === undefined ? {} : { rationale: link.rationale }),
      },
    )
  }
}

function checkReviewCount(
  graph: KnowledgeGraph,
  files: readonly ParsedFile[],
  diagnostics: Diagnostic[],
): void {
  const reviews = graph.filterNodes((_id, node) => node.kind === 'review')
  if (reviews.length === 1) {
    graph.setAttribute('review', reviews[0] as string)
    return
  }
  if (files.length === 0) return
  if (reviews.length === 0) {
    diagnostics.push(
      createDiagnostic('missing-review', {
        file: 'review.md',
        position: { line: 1, column: 1 },
        message: 'Missing review entity, expected one `review.md` with `kind: review`',
      }),
    )
    return
  }
  for (const id of reviews.slice(1)) {
    const node = graph.getNodeAttributes(id)
    diagnostics.push(
      createDiagnostic('missing-review', {
        file: node.file,
        position: { line: 1, column: 1 },
        message: `Unexpected second review \`${id}\`, expected one review per knowledge base`,
        entity: id,
      }),
    )
  }
}

function withArticle(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`
}
