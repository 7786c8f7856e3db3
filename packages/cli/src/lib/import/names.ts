import type { CslName } from './csl.js'

/**
 * An author as the study schema stores it: `Family Initials` (Vancouver style, `Collins A`,
 * `van der Berg P`), an organisation's name as it is, or a lone given name when that is all the
 * record has. Returns nothing for a name with no text.
 *
 * @example
 * ```ts
 * authorText({ family: 'McNamara', given: 'M.E.' }) // 'McNamara ME'
 * authorText({ literal: 'World Health Organization' }) // 'World Health Organization'
 * ```
 */
export function authorText(name: CslName): string | undefined {
  if (name.literal) return name.literal
  const family = familyText(name)
  if (family === undefined) return name.given
  const initials = initialsOf(name.given ?? '')
  return [family, initials, name.suffix].filter((part) => part).join(' ')
}

/**
 * The family name with its non-dropping particle (`van der Berg`), or the organisation's name:
 * what an id is made from.
 *
 * @example
 * ```ts
 * familyText({ family: 'Berg', 'non-dropping-particle': 'van der' }) // 'van der Berg'
 * ```
 */
export function familyText(name: CslName): string | undefined {
  if (name.literal) return name.literal
  if (!name.family) return undefined
  const particle = name['non-dropping-particle']
  return particle ? `${particle} ${name.family}` : name.family
}

/**
 * Initials of given names: `Jörg` -> `J`, `William Lee` -> `WL`, `M.E.` -> `ME`, `N.-E.` -> `NE`.
 * A part that is already initials (`JS`, as Cochrane and PubMed write them) is kept.
 *
 * @example
 * ```ts
 * initialsOf('Jean-Pierre') // 'JP'
 * ```
 */
export function initialsOf(given: string): string {
  return given
    .split(/[\s.\-\u2010\u2011]+/u)
    .filter((part) => part !== '')
    .map((part) =>
      /^\p{Lu}{1,3}$/u.test(part) ? part : (Array.from(part)[0] ?? '').toLocaleUpperCase('en'),
    )
    .join('')
}
