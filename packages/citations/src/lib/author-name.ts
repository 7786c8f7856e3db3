/**
 * One author, split the way every citation format needs it: a person (family name, its
 * particle, given names, initials, suffix) or a literal name that is not split (an
 * organisation, or a name that cannot be split without guessing).
 *
 * @example
 * ```ts
 * const lyons: AuthorName = { family: 'Lyons', initials: ['K', 'D'] }
 * const who: AuthorName = { literal: 'World Health Organization' }
 * ```
 */
export interface AuthorName {
  /** The family name without its particle: `Gunten` in `von Gunten CF`. */
  readonly family?: string
  /** A particle printed with the family name and sorted apart from it: `von`, `van der`. */
  readonly particle?: string
  /** Given names when the source spells them out (`Jane`); absent when it prints initials only. */
  readonly given?: string
  /** One capital per given name, as a Vancouver list prints them: `['K', 'D']` for `Lyons KD`. */
  readonly initials?: readonly string[]
  /** `Jr`, `III`. */
  readonly suffix?: string
  /** A name kept whole: an organisation, or text that is not a person's name. */
  readonly literal?: string
}

// A run of initials as reference lists print them: `KD`, `K.D.`, `N.I.`, `J-P`, `J.-P.`.
const initialsToken = /^(?:\p{Lu}\.?-?){1,4}$/u
// Initials written before the family name always carry full stops (`R. Catane`, `J.-P.`); without
// them `WHO Guidelines` would read as a person.
const leadingInitialsToken = /^(?:\p{Lu}\.-?)+$/u
const suffixToken = /^(?:Jr|Sr|Jnr|Snr)\.?$|^(?:II|III|IV)$/
const etAlText = /^(?:et\.? al\.?|others|and others|et al(?:ii|ia)?\.?)$/i

/**
 * Whether an author entry stands for "and others" rather than a person: `et al.`, `et al`,
 * `others` (BibTeX's `and others`).
 *
 * @example
 * ```ts
 * isEtAl('et al.') // true
 * isEtAl('Alston P') // false
 * ```
 */
export function isEtAl(printed: string): boolean {
  return etAlText.test(printed.replace(/\s+/g, ' ').trim())
}

/**
 * Read an author as printed in a reference list. Recognises the Vancouver form (`Lyons KD`,
 * `von Gunten CF`, `King ML Jr`), the inverted form (`Cherny, N.I.`, `Doe, Jane`) and initials
 * first (`R. Catane`, `A. Author-One`); anything else, such as an organisation, stays a literal
 * rather than being guessed at.
 *
 * @example
 * ```ts
 * parseAuthorName('Lyons KD') // { family: 'Lyons', initials: ['K', 'D'] }
 * parseAuthorName('von Gunten CF') // { family: 'Gunten', particle: 'von', initials: ['C', 'F'] }
 * parseAuthorName('World Health Organization') // { literal: 'World Health Organization' }
 * ```
 */
export function parseAuthorName(printed: string): AuthorName {
  let name = namesRead.get(printed)
  if (name === undefined) {
    name = readAuthorName(printed)
    if (name.initials !== undefined) Object.freeze(name.initials)
    Object.freeze(name)
    // Bounded: a long-running process that formats many libraries keeps only recent names.
    if (namesRead.size >= namesKept) namesRead.clear()
    namesRead.set(printed, name)
  }
  return name
}

// A report prints each study's authors in several places (labels, references, the reference
// list) and the same authors across studies: each printed name is read once. Names are frozen
// because every caller shares them.
const namesRead = new Map<string, AuthorName>()
const namesKept = 10_000

function readAuthorName(printed: string): AuthorName {
  const name = printed.replace(/\s+/g, ' ').trim()
  const comma = name.indexOf(',')
  if (comma > 0) {
    const family = name.slice(0, comma).trim()
    const rest = name
      .slice(comma + 1)
      .split(',')
      .map((part) => part.trim())
    const given = rest[0] ?? ''
    if (given === '') return { literal: family }
    const suffix = rest[1]
    return person(family, given, suffix === undefined || suffix === '' ? undefined : suffix)
  }
  const words = name.split(' ')
  if (words.length < 2) return { literal: name }
  let end = words.length
  let suffix: string | undefined
  const last = words[end - 1] ?? ''
  if (words.length >= 3 && suffixToken.test(last) && initialsToken.test(words[end - 2] ?? '')) {
    suffix = last
    end--
  }
  const trailing = words[end - 1] ?? ''
  if (initialsToken.test(trailing)) {
    const family = words.slice(0, end - 1).join(' ')
    return withParticle(family, { initials: initialLetters(trailing), ...optional({ suffix }) })
  }
  let start = 0
  while (start < words.length - 1 && leadingInitialsToken.test(words[start] ?? '')) start++
  if (start > 0)
    return withParticle(words.slice(start).join(' '), {
      initials: words.slice(0, start).flatMap(initialLetters),
    })
  return { literal: name }
}

/**
 * Initials of given names: `Jörg` -> `['J']`, `William Lee` -> `['W', 'L']`, `M.E.` ->
 * `['M', 'E']`, `Jean-Pierre` -> `['J', 'P']`. A part already written as initials (`KD`, as
 * PubMed writes them) gives one initial per capital.
 *
 * @example
 * ```ts
 * initialsOf('Charles F.') // ['C', 'F']
 * ```
 */
export function initialsOf(given: string): string[] {
  return given
    .split(/[\s.\-\u2010\u2011]+/u)
    .filter((part) => part !== '')
    .flatMap((part) =>
      /^\p{Lu}{1,3}$/u.test(part)
        ? Array.from(part)
        : [(Array.from(part)[0] ?? '').toLocaleUpperCase('en')],
    )
    .filter((initial) => initial !== '')
}

/**
 * An author as a Vancouver list prints it, and as a study file stores it: `von Gunten CF`,
 * `Cherny NI`, `World Health Organization`.
 *
 * @example
 * ```ts
 * vancouverName({ family: 'Gunten', particle: 'von', initials: ['C', 'F'] }) // 'von Gunten CF'
 * ```
 */
export function vancouverName(name: AuthorName): string {
  if (name.literal !== undefined) return name.literal
  const initials = (name.initials ?? initialsOf(name.given ?? '')).join('')
  return [familyName(name), initials, name.suffix].filter((part) => part).join(' ')
}

/**
 * The name an author is cited by in a short label or an id: the family name with its particle
 * (`von Gunten`), or the literal name.
 *
 * @example
 * ```ts
 * citedName(parseAuthorName('von Gunten CF')) // 'von Gunten'
 * ```
 */
export function citedName(name: AuthorName): string {
  return name.literal ?? familyName(name) ?? name.given ?? ''
}

/**
 * Given names as CSL and RIS want them when only initials are known: `K. D.`, so that citeproc
 * and reference managers see two names (`KD` would be read as one name and printed `K`).
 *
 * @example
 * ```ts
 * givenText({ family: 'Lyons', initials: ['K', 'D'] }) // 'K. D.'
 * ```
 */
export function givenText(name: AuthorName): string | undefined {
  if (name.given !== undefined) return name.given
  if (name.initials === undefined || name.initials.length === 0) return undefined
  return name.initials.map((initial) => `${initial}.`).join(' ')
}

function familyName(name: AuthorName): string | undefined {
  if (name.family === undefined) return undefined
  return name.particle === undefined ? name.family : `${name.particle} ${name.family}`
}

/** A person from an inverted name: given names spelled out, or initials. */
function person(family: string, given: string, suffix: string | undefined): AuthorName {
  const compact = given.replace(/\s+/g, '')
  const onlyInitials = initialsToken.test(compact) || /^(?:\p{Lu}\.?\s*)+$/u.test(given)
  return withParticle(family, {
    ...(onlyInitials ? {} : { given }),
    initials: initialsOf(given),
    ...optional({ suffix }),
  })
}

/** Leading lowercase words of a family name are its particle: `van der Berg` -> `van der`. */
function withParticle(
  family: string,
  rest: Pick<AuthorName, 'given' | 'initials' | 'suffix'>,
): AuthorName {
  const words = family.split(' ')
  let split = 0
  while (split < words.length - 1 && /^\p{Ll}/u.test(words[split] ?? '')) split++
  if (split === 0) return { family, ...rest }
  return {
    family: words.slice(split).join(' '),
    particle: words.slice(0, split).join(' '),
    ...rest,
  }
}

function initialLetters(token: string): string[] {
  return Array.from(token.matchAll(/\p{Lu}/gu), (match) => match[0])
}

function optional<T extends Record<string, string | undefined>>(
  fields: T,
): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: string
  }
}
