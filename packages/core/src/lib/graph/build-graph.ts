import type { ParsedFile } from '../parse/parse-file.js'
import { IncrementalKnowledgeBase } from './incremental.js'
import type { KnowledgeBase } from './types.js'

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
  return new IncrementalKnowledgeBase(parsedFiles).knowledgeBase
}
