import { decodeMarkup } from './decode-markup.js'

/**
 * A DOI as realist-kb stores and compares it: without `https://doi.org/`, `dx.doi.org/`,
 * `doi:`, `info:doi/` or `urn:doi:` in front, entities, TeX escapes and percent-escapes decoded,
 * trailing punctuation that a sentence added dropped, and lowercase (DOIs are case-insensitive,
 * so `10.3389/FONC.2022.991843` and `10.3389/fonc.2022.991843` are one work). Nothing when the
 * text is not a DOI (`10.` prefix, a slash, a suffix).
 *
 * @example
 * ```ts
 * normaliseDoi('https://doi.org/10.3389/FONC.2022.991843') // '10.3389/fonc.2022.991843'
 * normaliseDoi('10.1108/JICA\\_01\\_2021') // '10.1108/jica_01_2021'
 * normaliseDoi('S1769-7212(19)30059-X') // undefined
 * ```
 */
export function normaliseDoi(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  let text = decodeMarkup(value).trim()
  text = text
    .replace(/^(?:https?:\/\/)?(?:(?:dx|www)\.)?doi\.org\//i, '')
    .replace(/^(?:urn:doi:|info:doi\/|doi\s*:?\s*)/i, '')
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text)
    } catch {
      // Not valid percent-encoding: keep the text as it is.
    }
  }
  text = text.trim().replace(/[.,;]+$/, '')
  return /^10\.\d{4,9}\/\S+$/.test(text) ? text.toLowerCase() : undefined
}
