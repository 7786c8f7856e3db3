import { buildKnowledgeBase } from './graph/build-graph.js'
import type { KnowledgeBase } from './graph/types.js'
import {
  checkParseOptions,
  type ParseOptions,
  parseFile,
  type SourceFile,
} from './parse/parse-file.js'

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

/**
 * Is this path a content file: markdown, not a README, not hidden?
 *
 * @example
 * ```ts
 * isContentPath('cmocs/cmoc-2c.md') // true
 * isContentPath('cmocs/README.md') // false
 * isContentPath('.drafts/cmoc-9.md') // false
 * ```
 */
export function isContentPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return (
    /\.md$/i.test(name) &&
    name.toLowerCase() !== 'readme.md' &&
    !path.split('/').some((part) => part.startsWith('.'))
  )
}
