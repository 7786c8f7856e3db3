import { markerLength } from './markdown-nesting.js'

/**
 * What makes a markdown body too costly to parse: the construct whose repetition would cost the
 * markdown parser (micromark) time that grows with the square of its number.
 *
 * - `containers`: lists and block quotes that open and close (or lines that continue them
 *   lazily), each of which makes micromark copy every event of the body read so far;
 * - `setext-headings`: `===` and `---` underlines, each of which copies the events of its flow;
 * - `emphasis`: `*` and `_` runs, each of which makes micromark walk back over its paragraph
 *   looking for an opener.
 *
 * @example
 * ```ts
 * const names: Record<CostlyConstruct, string> = {
 *   containers: 'lists and block quotes',
 *   'setext-headings': 'underlined headings',
 *   emphasis: 'emphasis markers',
 * }
 * ```
 */
export type CostlyConstruct = 'containers' | 'setext-headings' | 'emphasis'

/**
 * Where a body passes the work a markdown parser may spend on it: the offset of the first marker
 * past the budget, and which construct it belongs to.
 *
 * @example
 * ```ts
 * const costly: CostlyMarkdown | undefined = costlyMarkdown('*_'.repeat(50_000))
 * costly?.construct // 'emphasis'
 * ```
 */
export interface CostlyMarkdown {
  readonly offset: number
  readonly construct: CostlyConstruct
}

/**
 * Budgets of {@link costlyMarkdown}, in units of the parser's steps as the scan estimates them.
 * `blocks` bounds the work on lists, block quotes and setext headings (each costs the lines and
 * markers read before it), `emphasis` the work on `*` and `_` runs (each costs the inline markers
 * and lines of its paragraph before it), `containerMarkers` the number of list and quote markers
 * (linear in time, but heavy in memory). Each is ten times or more what the bodies of the bundled
 * review need (a test checks it); at the budget micromark spends a fraction of a second.
 *
 * @example
 * ```ts
 * import { markdownWorkBudget } from '@realist-kb/core'
 * const { blocks, emphasis } = markdownWorkBudget
 * ```
 */
export const markdownWorkBudget: Readonly<MarkdownWorkBudget> = Object.freeze({
  blocks: 500_000,
  emphasis: 1_000_000,
  containerMarkers: 2_000,
})

/**
 * The budgets {@link costlyMarkdown} checks a body against.
 *
 * @example
 * ```ts
 * const strict: MarkdownWorkBudget = { blocks: 1_000, emphasis: 1_000, containerMarkers: 100 }
 * costlyMarkdown('- a\n'.repeat(200), strict)?.construct // 'containers'
 * ```
 */
export interface MarkdownWorkBudget {
  /** Work on lists, block quotes and setext headings that open, close or continue lazily. */
  readonly blocks: number
  /** Work on `*` and `_` runs. */
  readonly emphasis: number
  /** List and block quote markers: each costs micromark and mdast about 20 KB of memory. */
  readonly containerMarkers: number
}

const carriageReturn = 13
const space = 32
const tab = 9
const quote = 62 // >
const star = 42

// Characters that start an event in micromark's inline (text) tokenizer: each costs a step of
// every walk back over the paragraph.
const inlineMarkers = new Uint8Array(128)
for (const code of [10, 33, 38, 42, 60, 91, 92, 93, 95, 96]) inlineMarkers[code] = 1 // \n ! & * < [ \ ] _ `

/**
 * The first marker of a markdown body past {@link markdownWorkBudget}, or `undefined` when the
 * body is within it. One linear pass, no parser. micromark is linear on most input, but three
 * constructs cost it time that grows with the square of their number (thousands of sibling lists
 * or underlined headings in 80 KB took minutes; 80 KB of unmatched `*_` did not finish): the scan
 * charges each of them an estimate of what micromark would spend on it, erring high, and stops
 * at the first marker past the budget. Lines that keep the containers of the line before them
 * cost only their markers, so a long list or block quote is bounded by the marker count alone.
 *
 * @example
 * ```ts
 * import { costlyMarkdown } from '@realist-kb/core'
 * costlyMarkdown('- a\n- *b*\n\n> c') // undefined
 * costlyMarkdown('- x\n# h\n'.repeat(5_000))?.construct // 'containers'
 * ```
 */
export function costlyMarkdown(
  body: string,
  budget: Readonly<MarkdownWorkBudget> = markdownWorkBudget,
): CostlyMarkdown | undefined {
  const length = body.length
  let blocks = 0
  let emphasis = 0
  // Steps of the document so far (lines and container markers), and of the current paragraph
  // (lines since the last blank line, and inline markers since then).
  let documentSteps = 0
  let containerMarkers = 0
  let paragraphLines = 0
  let paragraphMarkers = 0
  // Inline markers are counted lazily, up to each emphasis run: every character once at most.
  let counted = 0
  let nextStar = -1
  let nextUnderscore = -1
  let containersSeen = false
  let previousSignature = ''
  let afterBlank = false
  let index = 0
  while (index < length) {
    const lineStart = index
    let lineEnd = body.indexOf('\n', index)
    if (lineEnd === -1) lineEnd = length
    // The leading run of whitespace and container markers, with list numbers left out so that
    // the items of one ordered list have the same signature.
    let signature = ''
    let markers = 0
    let listMarker = false
    let quoteMarker = false
    let firstMarker = -1
    for (;;) {
      const code = body.charCodeAt(index)
      if (code === space || code === tab) {
        signature += code === tab ? '\t' : ' '
        index++
        continue
      }
      const marker = index < lineEnd ? markerLength(body, index) : 0
      if (marker === 0) break
      if (firstMarker === -1) firstMarker = index
      if (body.charCodeAt(index) === quote) quoteMarker = true
      else listMarker = true
      signature += body.charCodeAt(index + marker - 1) === 41 ? ')' : body[index + marker - 1]
      markers++
      containerMarkers++
      if (containerMarkers > budget.containerMarkers)
        return { offset: index, construct: 'containers' }
      index += marker
    }
    documentSteps += 1 + markers
    const contentStart = index
    const blank = isBlank(body, contentStart, lineEnd)
    if (blank) {
      paragraphLines = 0
      paragraphMarkers = 0
      counted = lineEnd
      // A blank line closes block quotes; lists go on, unless the next line says otherwise.
      if (markers === 0) {
        afterBlank = true
        index = lineEnd + 1
        continue
      }
    } else {
      // A list item starts a paragraph of its own.
      if (listMarker) {
        paragraphLines = 0
        paragraphMarkers = 0
        counted = contentStart
      }
      paragraphLines++
    }
    if (markers > 0) containersSeen = true
    // A container opened, closed or changed: micromark copies the document's events.
    if ((markers > 0 || containersSeen) && signature !== previousSignature) blocks += documentSteps
    else if (afterBlank && quoteMarker) blocks += documentSteps
    afterBlank = false
    // A line without markers once containers exist may be a lazy continuation: micromark walks
    // back over its paragraph.
    if (containersSeen && markers === 0) blocks += paragraphLines
    if (!blank && paragraphLines > 1 && isSetextUnderline(body, lineStart, lineEnd))
      blocks += documentSteps
    if (blocks > budget.blocks) {
      const offset = firstMarker === -1 ? contentStart : firstMarker
      const setext = isSetextUnderline(body, lineStart, lineEnd) && markers === 0
      return { offset, construct: setext ? 'setext-headings' : 'containers' }
    }
    previousSignature = signature
    // Emphasis runs of this line, found by searching ahead (each search moves forward only).
    for (;;) {
      if (nextStar < contentStart) nextStar = find(body, '*', contentStart)
      if (nextUnderscore < contentStart) nextUnderscore = find(body, '_', contentStart)
      const at = Math.min(nextStar, nextUnderscore)
      if (at >= lineEnd) break
      const code = body.charCodeAt(at)
      if (body.charCodeAt(at - 1) !== code) {
        for (; counted < at; counted++) {
          const other = body.charCodeAt(counted)
          if (other < 128 && inlineMarkers[other] === 1) paragraphMarkers++
        }
        paragraphMarkers++
        counted = at + 1
        emphasis += paragraphMarkers
        if (emphasis > budget.emphasis) return { offset: at, construct: 'emphasis' }
      }
      if (code === star) nextStar = find(body, '*', at + 1)
      else nextUnderscore = find(body, '_', at + 1)
    }
    index = lineEnd + 1
  }
  return undefined
}

/** Offset of the next `character` from `from`, or the body's length. */
function find(body: string, character: string, from: number): number {
  const found = body.indexOf(character, from)
  return found === -1 ? body.length : found
}

function isBlank(body: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = body.charCodeAt(index)
    if (code !== space && code !== tab && code !== carriageReturn) return false
  }
  return true
}

/** A line of `=` or `-` (up to three spaces before, whitespace after): a setext underline. */
function isSetextUnderline(body: string, start: number, end: number): boolean {
  let index = start
  while (index < end && index - start < 3 && body.charCodeAt(index) === space) index++
  const marker = body.charCodeAt(index)
  if (marker !== 61 && marker !== 45) return false // = -
  while (index < end && body.charCodeAt(index) === marker) index++
  return isBlank(body, index, end)
}
