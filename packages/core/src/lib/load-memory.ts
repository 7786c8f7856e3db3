import { isContentPath } from './content-path.js'
import { buildKnowledgeBase } from './graph/build-graph.js'
import type { KnowledgeBase } from './graph/types.js'
import { checkParseOptions } from './options.js'
import { type ParseOptions, parseFile, type SourceFile } from './parse/parse-file.js'

/**
 * Load a knowledge base from files held in memory (a browser, a test, an editor buffer).
 * Files named `README.md` are documentation and are skipped, as on disk.
 *
 * @example
 * ```ts
 * import { loadFromMemory } from '@realist-kb/core'
 * const kb = loadFromMemory([{ path: 'review.md', text: '---\nkind: review\n...' }])
 * kb.diagnostics.filter((d) => d.severity === 'error')
 * ```
 */
export function loadFromMemory(
  files: readonly SourceFile[],
  options?: Readonly<ParseOptions> | null,
): KnowledgeBase {
  checkParseOptions(options)
  return buildKnowledgeBase(
    files.filter((file) => isContentPath(file.path)).map((file) => parseFile(file, options)),
  )
}
