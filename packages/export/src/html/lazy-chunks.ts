/**
 * About how much markup a section renders with the page before the rest waits in templates, and
 * how much each later chunk holds. Markup length stands in for DOM size: a section of a few
 * hundred entities is all in the page (found by the browser's own search, printed without the
 * script), while ten thousand studies would start the page with hundreds of thousands of
 * elements.
 */
export const eagerMarkupAtMost = 400_000

const chunkMarkup = 200_000

/**
 * A long list of articles: the first part in the page, the rest in chunks whose templates the
 * page script renders as they near the viewport, when a link points into them, or for printing.
 * Each placeholder keeps an estimated height so the scroll bar stays about right.
 */
export function lazyChunks(items: readonly string[]): string {
  const total = items.reduce((sum, item) => sum + item.length, 0)
  if (total <= eagerMarkupAtMost) return items.join('\n')
  const chunks: string[][] = [[]]
  let size = 0
  for (const item of items) {
    if (size + item.length > chunkMarkup && (chunks.at(-1)?.length ?? 0) > 0) {
      chunks.push([])
      size = 0
    }
    chunks.at(-1)?.push(item)
    size += item.length
  }
  const [first = [], ...rest] = chunks
  return [
    first.join('\n'),
    ...rest.map(
      (chunk) =>
        `<div class="rkb-chunk" style="min-height: ${chunk.length * 20}rem"><template>${chunk.join('\n')}</template></div>`,
    ),
  ].join('\n')
}
