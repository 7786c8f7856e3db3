// Built once: `Intl.DisplayNames` ships with Node and every browser, so no country list is kept.
const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })

/**
 * The English name of an ISO 3166-1 alpha-2 code (`NO` is Norway, not "no"); a code the runtime
 * does not know, or a non-standard one such as `UK`, is returned as written.
 */
export function countryName(code: string): string {
  try {
    return names.of(code) ?? code
  } catch {
    // `of` throws on a string that is not a well-formed region subtag.
    return code
  }
}
