import type { KnowledgeGraph } from '../graph/types.js'
import type { Vocabularies } from '../kinds/review.js'
import type { EntityOf } from '../model/entity.js'
import { reviewDataOf } from './review-data.js'

/**
 * The study characteristics a review can give a controlled vocabulary for.
 *
 * @example
 * ```ts
 * for (const dimension of termDimensions) console.log(dimension) // 'settings', 'participants', ...
 * ```
 */
export const termDimensions = ['settings', 'participants', 'designs', 'countries'] as const

/**
 * A study characteristic with a vocabulary: `settings`, `participants`, `designs` or `countries`.
 *
 * @example
 * ```ts
 * const dimension: TermDimension = 'participants'
 * ```
 */
export type TermDimension = (typeof termDimensions)[number]

/**
 * One value of a study characteristic once read through the review's vocabulary: the term it
 * falls into (its id), the label readers see, and whether the vocabulary declares it.
 *
 * @example
 * ```ts
 * const term: Term = { id: 'carers', label: 'Family carers', declared: true }
 * ```
 */
export interface Term {
  /** The declared term's id, or the value as written when no term matches it. */
  readonly id: string
  readonly label: string
  /** False for a value that no term of the vocabulary matches (or when there is none). */
  readonly declared: boolean
}

/**
 * The controlled vocabularies of a knowledge base, ready to read study values with.
 *
 * @example
 * ```ts
 * const terms = studyTermsOf(kb.graph)
 * terms.term('participants', 'caregivers').label // 'Family carers', when declared so
 * ```
 */
export interface StudyTerms {
  /** The term a value written on a study falls into. */
  term(dimension: TermDimension, value: string): Term
  /** Whether the review declares a vocabulary for the dimension. */
  declares(dimension: TermDimension): boolean
}

// Sources write one term many ways: case, spaces, hyphens and underscores do not tell them apart.
function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/[\s_-]+/g, '-')
}

/**
 * How a value no vocabulary declares is shown: a slug (`economic-evaluation`) as words
 * (`Economic evaluation`), a country code by its English name, anything else as written.
 */
function undeclaredLabel(dimension: TermDimension, value: string): string {
  if (dimension === 'countries' && /^[A-Z]{2}$/.test(value)) return countryName(value)
  if (!/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(value)) return value
  const words = value.replace(/[-_]+/g, ' ')
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`
}

let regionNames: Intl.DisplayNames | undefined

/**
 * A country's English name from its ISO 3166-1 alpha-2 code (`NO` -> `Norway`), the code itself
 * when the runtime does not know it.
 *
 * @example
 * ```ts
 * countryName('GB') // 'United Kingdom'
 * ```
 */
export function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })
    return regionNames.of(code) ?? code
  } catch {
    // A malformed code, or a runtime without region names: the code is still a name.
    return code
  }
}

// The vocabularies are read once per review object: the review is replaced, never mutated.
const cache = new WeakMap<object, StudyTerms>()
const none: Vocabularies = {}

/**
 * The controlled vocabularies a review declares, as one reader that every query, report and
 * statistic uses: a value written as a term's id, label or alias falls into that term; a value no
 * term matches is kept as written and shown as words.
 *
 * @example
 * ```ts
 * const terms = studyTermsOf(kb.graph)
 * terms.term('settings', 'care home') // { id: 'nursing-home', label: 'Nursing homes', declared: true }
 * terms.term('designs', 'economic-evaluation').label // 'Economic evaluation'
 * ```
 */
export function studyTermsOf(graph: KnowledgeGraph): StudyTerms {
  const vocabularies = reviewDataOf(graph)?.vocabularies ?? none
  let terms = cache.get(vocabularies)
  if (terms === undefined) {
    terms = readVocabularies(vocabularies)
    cache.set(vocabularies, terms)
  }
  return terms
}

function readVocabularies(vocabularies: Vocabularies): StudyTerms {
  const byKey = new Map<TermDimension, Map<string, Term>>()
  for (const dimension of termDimensions) {
    const declared = vocabularies[dimension]
    if (declared === undefined) continue
    const keys = new Map<string, Term>()
    for (const [id, { label, aliases }] of Object.entries(declared)) {
      const term = { id, label, declared: true }
      // The id wins over another term's label or alias that happens to read the same.
      for (const key of [label, ...(aliases ?? [])])
        if (!keys.has(matchKey(key))) keys.set(matchKey(key), term)
    }
    for (const [id, { label }] of Object.entries(declared))
      keys.set(matchKey(id), { id, label, declared: true })
    byKey.set(dimension, keys)
  }
  // Each value as written is read once: a report reads the same few values for every study, and
  // normalising, matching and naming them again each time was a large share of a report's work.
  const read = new Map<TermDimension, Map<string, Term>>(
    termDimensions.map((dimension) => [dimension, new Map()]),
  )
  return {
    term: (dimension, value) => {
      const known = read.get(dimension) as Map<string, Term>
      let term = known.get(value)
      if (term === undefined) {
        term = byKey.get(dimension)?.get(matchKey(value)) ?? {
          id: value,
          label: undeclaredLabel(dimension, value),
          declared: false,
        }
        known.set(value, term)
      }
      return term
    },
    declares: (dimension) => byKey.has(dimension),
  }
}

/** The values a study writes for a characteristic with a vocabulary, as written. */
export function writtenValues(
  study: EntityOf<'study'>,
  dimension: TermDimension,
): readonly string[] {
  const { data } = study
  if (dimension === 'designs') return data.design === undefined ? [] : [data.design]
  return data[dimension] ?? []
}

/** The terms a study's values fall into, each once, in the order written. */
export function studyTermIds(
  terms: StudyTerms,
  study: EntityOf<'study'>,
  dimension: TermDimension,
): string[] {
  return [
    ...new Set(writtenValues(study, dimension).map((value) => terms.term(dimension, value).id)),
  ]
}
