/**
 * A DOI in the form used to compare records: lowercase, without `https://doi.org/`,
 * `http://dx.doi.org/` or `doi:` in front, percent-escapes decoded. Nothing when the text is not
 * a DOI (`10.` prefix, a slash, a suffix).
 *
 * @example
 * ```ts
 * doiKey('https://doi.org/10.3389/FONC.2022.991843') // '10.3389/fonc.2022.991843'
 * ```
 */
export function doiKey(value: string | undefined): string | undefined {
  const doi = cleanDoi(value)
  return doi?.toLowerCase()
}

/**
 * A DOI as the study schema stores it: case kept, prefix and surrounding spaces removed, trailing
 * punctuation that a sentence added dropped. Nothing when the text is not a DOI.
 *
 * @example
 * ```ts
 * cleanDoi('doi: 10.1000/ABC.123.') // '10.1000/ABC.123'
 * ```
 */
export function cleanDoi(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  let text = value.trim()
  text = text.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '')
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text)
    } catch {
      // Not valid percent-encoding: keep the text as it is.
    }
  }
  text = text.replace(/[.,;]+$/, '')
  return /^10\.\d{4,9}\/\S+$/.test(text) ? text : undefined
}

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
    doi: doiKey(citation.doi),
    titleYear: title === '' ? undefined : `${title}|${citation.year ?? ''}`,
  }
}
