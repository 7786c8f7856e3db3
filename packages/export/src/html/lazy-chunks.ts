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
 * A long list of articles, each made by `render`: the first part in the page, the rest in chunks
 * whose templates the page script renders as they near the viewport, when a link points into
 * them, or for printing. Each placeholder keeps an estimated height so the scroll bar stays about
 * right.
 */
export function lazyChunks<T>(items: readonly T[], render: (item: T) => string): string {
  // Each chunk is joined into one string as soon as it is complete. An article is made of many
  // small strings: joined at once, they are garbage while still young, where collecting them
  // costs nothing. Kept until the whole list is done (ten thousand studies), every collection
  // on the way copied them all, and that was a large part of rendering a large base.
  const chunks: { readonly html: string; readonly count: number }[] = []
  let current: string[] = []
  let size = 0
  let total = 0
  for (const item of items) {
    const html = render(item)
    if (size + html.length > chunkMarkup && current.length > 0) {
      chunks.push({ html: current.join('\n'), count: current.length })
      current = []
      size = 0
    }
    current.push(html)
    size += html.length
    total += html.length
  }
  if (current.length > 0) chunks.push({ html: current.join('\n'), count: current.length })
  // The chunks are put together with `+`, which links long strings without copying them: the
  // page copies everything once when it joins its sections, and a join here would copy each
  // list (tens of megabytes for ten thousand studies) once more before that.
  const eager = total <= eagerMarkupAtMost
  let html = chunks[0]?.html ?? ''
  for (const chunk of chunks.slice(1))
    html += eager
      ? `\n${chunk.html}`
      : `\n<div class="rkb-chunk" style="min-height: ${chunk.count * 20}rem"><template>${chunk.html}</template></div>`
  return html
}
