/**
 * The largest values import keeps, well inside what the loader accepts (a file of 2,000,000
 * characters, a line of 200,000, after YAML escapes that can make a character six): a record
 * beyond them is refused or shortened with a note, never written as a file that then fails.
 *
 * @example
 * ```ts
 * importLimits.title // 5000: a longer title fails its record
 * ```
 */
export const importLimits = {
  /** Characters of a title; a longer one fails the record (a cut title would not deduplicate). */
  title: 5_000,
  /** Characters of one author's name; a longer one fails the record. */
  author: 1_000,
  /** Authors kept; the rest are dropped and the list marked `etAl`. */
  authors: 500,
  /** Characters of journal, volume, issue, pages, publisher or URL; longer ones are dropped. */
  field: 2_000,
  /** Characters of one keyword (longer ones are dropped) and keywords kept. */
  keyword: 200,
  keywords: 100,
  /** Characters of the abstract; a longer one is shortened. */
  abstract: 20_000,
  /** Characters of one BibTeX field after `@string` expansion; a larger one fails the record. */
  expandedField: 100_000,
  /** Characters of all BibTeX fields of a file after `@string` expansion; the records past it fail. */
  expandedFile: 10_000_000,
} as const
