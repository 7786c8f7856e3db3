import { normaliseDoi } from '../doi.js'

/**
 * A title in the form used to compare records: accents, markup and punctuation stripped,
 * lowercase, whitespace collapsed, so that `Time lapse: a glimpse.` and `TIME LAPSE - A GLIMPSE`
 * compare equal.
 *
 * @example
 * ```ts
 * titleKey('Über <i>Psittacosaurus</i>: skin.') // 'uber psittacosaurus skin'
 * ```
 */
export function titleKey(title: string): string {
  return title
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** What identifies a record for deduplication. */
export interface DedupeKeys {
  readonly doi: string | undefined
  /** Normalised title and year, `|`-separated (`uber psittacosaurus skin|2024`). */
  readonly titleYear: string | undefined
}

/**
 * The keys of one citation.
 *
 * @example
 * ```ts
 * dedupeKeys({ title: 'A study.', year: 2020, doi: '10.1000/X' })
 * // { doi: '10.1000/x', titleYear: 'a study|2020' }
 * ```
 */
export function dedupeKeys(citation: {
  readonly title: string
  readonly year?: number | undefined
  readonly doi?: string | undefined
}): DedupeKeys {
  const title = titleKey(citation.title)
  return {
    doi: normaliseDoi(citation.doi),
    titleYear: title === '' ? undefined : `${title}|${citation.year ?? ''}`,
  }
}
