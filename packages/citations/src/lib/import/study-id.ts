// Letters that do not decompose under NFKD but have a usual ASCII spelling.
const specialLetters: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}

/** Longest stem taken from a name, so that an organisation's name still gives a short id. */
const maxStemLength = 40

/**
 * Lowercase ASCII kebab-case of a name, accents stripped: `Müller` -> `muller`,
 * `Dos Santos` -> `dos-santos`. Long names are cut at a hyphen. Empty when nothing is left
 * (a name in a script without ASCII letters).
 *
 * @example
 * ```ts
 * slug('Černý') // 'cerny'
 * ```
 */
export function slug(text: string): string {
  const ascii = text
    .toLowerCase()
    // Apostrophes join: O'Connor -> oconnor, not o-connor.
    .replace(/['\u2019\u02bc]/g, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => specialLetters[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (ascii.length <= maxStemLength) return ascii
  const cut = ascii.slice(0, maxStemLength + 1)
  const hyphen = cut.lastIndexOf('-')
  return (hyphen > 0 ? cut.slice(0, hyphen) : cut.slice(0, maxStemLength)).replace(/-+$/, '')
}

/**
 * The id a study would have before collisions: first author's family name and year
 * (`muller-2020`), `nd` when the year is unknown, `study` when the name gives no letters.
 *
 * @example
 * ```ts
 * baseStudyId('Müller', 2020) // 'muller-2020'
 * baseStudyId(undefined, undefined) // 'study-nd'
 * ```
 */
export function baseStudyId(family: string | undefined, year: number | undefined): string {
  const stem = slug(family ?? '') || 'study'
  return `${stem}-${year ?? 'nd'}`
}

/**
 * Hands out study ids: `base`, then `base-b`, `base-c`, ... `base-z`, `base-aa`, ... skipping
 * every id already taken. Each base remembers where its search stopped, so importing N records
 * with one first author and year costs N steps, not N²/2.
 *
 * @example
 * ```ts
 * const ids = new IdAllocator(['muller-2020'])
 * ids.allocate('muller-2020') // 'muller-2020-b'
 * ids.allocate('muller-2020') // 'muller-2020-c'
 * ```
 */
export class IdAllocator {
  readonly #taken: Set<string>
  readonly #next = new Map<string, number>()

  constructor(taken: Iterable<string>) {
    this.#taken = new Set(taken)
  }

  /** The first free id for this base, now taken. */
  allocate(base: string): string {
    let id = base
    if (this.#taken.has(base)) {
      // Suffixes start at `b`: the unsuffixed id is the first study, as in `Smith 2020a/b`.
      let n = this.#next.get(base) ?? 1
      while (this.#taken.has(`${base}-${letters(n)}`)) n++
      id = `${base}-${letters(n)}`
      this.#next.set(base, n + 1)
    }
    this.#taken.add(id)
    return id
  }
}

/** 1 -> b, 25 -> z, 26 -> aa, 27 -> ab, ... (bijective base 26, starting after `a`). */
function letters(n: number): string {
  let rest = n + 1
  let text = ''
  while (rest > 0) {
    rest--
    text = String.fromCharCode(97 + (rest % 26)) + text
    rest = Math.floor(rest / 26)
  }
  return text
}
