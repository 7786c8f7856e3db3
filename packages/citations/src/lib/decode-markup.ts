import { decodeHTMLStrict } from 'entities/decode'

// LaTeX escapes for characters that are special to TeX, as exports leave them in verbatim
// fields (`10.1108/JICA\_01\_2021`) or in fields of other formats.
const latexEscape = /\\([_&%$#{}])|\{\\textunderscore\}|\\textunderscore(?:\{\}|\b)/g

/**
 * Decode the markup that reference exports leave in text: HTML and XML entities (`&apos;`,
 * `&amp;`, `&#169;`; only with their semicolon, so `R&D` and `&notes` stay as they are) and TeX
 * escapes of special characters (`\_`, `\&`, `\%`). Decoding is done once, so `&amp;lt;`
 * becomes `&lt;`, not `<`.
 *
 * @example
 * ```ts
 * decodeMarkup('Patients&apos; views &#169; 2020') // "Patients' views © 2020"
 * decodeMarkup('10.1108/JICA\\_01\\_2021') // '10.1108/JICA_01_2021'
 * ```
 */
export function decodeMarkup(text: string): string {
  const decoded = text.includes('&') ? decodeHTMLStrict(text) : text
  return decoded.includes('\\') || decoded.includes('{')
    ? decoded.replace(latexEscape, (_all, char: string | undefined) => char ?? '_')
    : decoded
}
