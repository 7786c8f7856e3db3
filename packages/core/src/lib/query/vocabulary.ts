import type { KnowledgeGraph } from '../graph/types.js'
import { kindDefinitions } from '../kinds/index.js'
import { reviewDataOf } from './review-data.js'

/**
 * The words a review uses for its own structure: the name of its programme theory and what it
 * calls its groups. Reports, diagrams, `stats` and `show` speak in these words, so a review that
 * does not use a theory's vocabulary never sees it.
 *
 * @example
 * ```ts
 * const { group } = vocabularyOf(kb.graph)
 * console.log(`${group.plural}: ${entitiesOfKind(kb.graph, 'group').length}`)
 * ```
 */
export interface Vocabulary {
  /** The programme theory's name, when the review gives one. */
  readonly theory?: string
  /** What the review calls a group, one and several (default `group`, `groups`). */
  readonly group: { readonly singular: string; readonly plural: string }
}

/**
 * A word or phrase with its first letter in capitals, for a heading or a label: a review's words
 * for its groups are written as in running text (`context`, `NPT construct`).
 *
 * @example
 * ```ts
 * capitalised(vocabularyOf(kb.graph).group.plural) // 'Contexts', 'NPT constructs'
 * ```
 */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * The vocabulary of a knowledge base, from its review (defaults where it says nothing).
 *
 * @example
 * ```ts
 * vocabularyOf(kb.graph).group.plural // 'NPT constructs' for the bundled review
 * ```
 */
export function vocabularyOf(graph: KnowledgeGraph): Vocabulary {
  const theory = reviewDataOf(graph)?.theory
  const named = typeof theory === 'string' ? { name: theory } : theory
  return {
    ...(named?.name === undefined ? {} : { theory: named.name }),
    group: named?.groups ?? kindDefinitions.group.noun,
  }
}
