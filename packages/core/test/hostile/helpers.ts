import path from 'node:path'
import type { Diagnostic, KnowledgeBase } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'

/** The fixture folders of the core package. */
export const fixtures = path.join(import.meta.dirname, '..', 'fixtures')

/**
 * Load a fixture folder by name.
 *
 * @example
 * ```ts
 * const kb = await loadFixture('hostile-yaml')
 * ```
 */
export function loadFixture(name: string): Promise<KnowledgeBase> {
  return loadDirectory(path.join(fixtures, name))
}

/**
 * The diagnostics of one file, as `code name` strings, for compact assertions.
 *
 * @example
 * ```ts
 * expect(codesOf(kb, 'audiences/empty.md')).toEqual(['RKB102 missing-frontmatter'])
 * ```
 */
export function codesOf(kb: KnowledgeBase, file: string): string[] {
  return diagnosticsOf(kb, file).map((d) => `${d.code} ${d.name}`)
}

/**
 * The diagnostics of one file.
 *
 * @example
 * ```ts
 * expect(diagnosticsOf(kb, 'audiences/empty.md')[0]?.line).toBe(1)
 * ```
 */
export function diagnosticsOf(kb: KnowledgeBase, file: string): Diagnostic[] {
  return kb.diagnostics.filter((d) => d.file === file)
}
