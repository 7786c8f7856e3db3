/**
 * How many items a derived list shows in one place (the studies behind a recommendation, the
 * recommendations a study reaches) before it points elsewhere for the rest. Such lists join two
 * relations, so without a cap a report of a densely linked knowledge base grows with the product
 * of its sizes instead of with the knowledge base.
 */
export const listedAtMost = 12

/**
 * The first {@link listedAtMost} items, plus `rest(count)` for the ones left out, if any.
 *
 * @example
 * ```ts
 * capped(ids.map(link), (more) => `and ${more} more`)
 * ```
 */
export function capped(items: readonly string[], rest: (count: number) => string): string[] {
  if (items.length <= listedAtMost) return [...items]
  return [...items.slice(0, listedAtMost), rest(items.length - listedAtMost)]
}
