/**
 * How many items a derived list shows in one place (the studies behind a recommendation, the
 * recommendations a study reaches) before it points elsewhere for the rest. Such lists join two
 * relations, so without a cap a report of a densely linked knowledge base grows with the product
 * of its sizes instead of with the knowledge base.
 */
export const listedAtMost = 12

/**
 * The first {@link listedAtMost} items, each shown by `show`, plus `rest(count)` for the ones left
 * out, if any. Only the items kept are shown: a list of thousands costs the dozen it prints.
 *
 * @example
 * ```ts
 * capped(ids, (id) => link(id), (more) => `and ${more} more`)
 * ```
 */
export function capped<T>(
  items: readonly T[],
  show: (item: T) => string,
  rest: (count: number) => string,
): string[] {
  if (items.length <= listedAtMost) return items.map(show)
  return [...items.slice(0, listedAtMost).map(show), rest(items.length - listedAtMost)]
}
