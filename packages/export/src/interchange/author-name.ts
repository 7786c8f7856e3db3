/**
 * An author's name split as CSL-JSON wants it: family and given, or a literal (organisations).
 *
 * @example
 * ```ts
 * const person: AuthorName = { family: 'Collins', given: 'A' }
 * const organisation: AuthorName = { literal: 'World Health Organization' }
 * ```
 */
export interface AuthorName {
  readonly family?: string
  readonly given?: string
  readonly literal?: string
}

// Initials as reference lists print them: `A`, `KD`, `J-P`, `N.I.`.
const initials = /^(?:\p{Lu}[.-]?){1,4}$/u

/**
 * Split an author as printed in a reference list into family and given names. Recognises
 * `Collins A` (Vancouver), `Cherny, N.I.` and `R. Catane`; anything else, such as an
 * organisation, is kept whole as a literal rather than guessed at.
 *
 * @example
 * ```ts
 * parseAuthorName('Collins A') // { family: 'Collins', given: 'A' }
 * parseAuthorName('World Health Organization') // { literal: 'World Health Organization' }
 * ```
 */
export function parseAuthorName(printed: string): AuthorName {
  const name = printed.replace(/\s+/g, ' ').trim()
  const comma = name.indexOf(',')
  if (comma > 0) {
    const family = name.slice(0, comma).trim()
    const given = name.slice(comma + 1).trim()
    return given === '' ? { literal: family } : { family, given }
  }
  const words = name.split(' ')
  if (words.length < 2) return { literal: name }
  const last = words[words.length - 1] ?? ''
  if (initials.test(last)) return { family: words.slice(0, -1).join(' '), given: last }
  const first = words[0] ?? ''
  if (initials.test(first) && first.includes('.'))
    return { family: words.slice(1).join(' '), given: first }
  return { literal: name }
}

/**
 * The name to cite an author by: the family name, or the literal.
 *
 * @example
 * ```ts
 * citedName('Collins A') // 'Collins'
 * ```
 */
export function citedName(printed: string): string {
  const name = parseAuthorName(printed)
  return name.family ?? name.literal ?? printed
}
