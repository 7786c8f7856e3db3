import type { EntityOf, KnowledgeGraph } from '@realist-kb/core'
import { neighbours } from '@realist-kb/core'
import { oneLine, shortCitation } from './entity-text.js'

/** A stretch of a source text, in Unicode code points (what REFI-QDA positions count). */
export interface TextSpan {
  readonly start: number
  readonly end: number
}

/** The text of a study as a QDA source, and where each evidence entry's coded text lies. */
export interface StudySourceText {
  readonly text: string
  /** By evidence id: the quote (or, without one, the point) in `text`. */
  readonly spans: ReadonlyMap<string, TextSpan>
}

/** Length in code points, the unit of REFI-QDA's `startPosition` and `endPosition`. */
export function codePointLength(text: string): number {
  let length = 0
  for (const _char of text) length++
  return length
}

/**
 * The text a QDA tool shows for a study: its citation, its notes (the file's body), then each
 * evidence entry with its point and quote. Each entry's quote (or point) is coded on the CMOCs
 * it bears on, so the span of each is kept. The same study always gives the same text, which is
 * what lets codings made in a QDA tool be found again by their text.
 */
export function studySourceText(graph: KnowledgeGraph, study: EntityOf<'study'>): StudySourceText {
  const { citation } = study.data
  const parts: string[] = []
  let length = 0
  const add = (text: string): TextSpan => {
    const start = length
    parts.push(text)
    length += codePointLength(text)
    return { start, end: length }
  }
  add(`${shortCitation(citation)}. ${oneLine(citation.title)}.`)
  const details = [
    citation.journal,
    citation.volume === undefined ? undefined : `vol. ${citation.volume}`,
    citation.issue === undefined ? undefined : `issue ${citation.issue}`,
    citation.pages === undefined ? undefined : `pp. ${citation.pages}`,
    citation.doi === undefined ? undefined : `doi:${citation.doi}`,
  ].filter((part) => part !== undefined)
  if (details.length > 0) add(`\n${details.join(', ')}.`)
  const body = study.body.trim()
  if (body !== '') add(`\n\n${body}`)
  const spans = new Map<string, TextSpan>()
  const evidence = neighbours(graph, study.id, 'in', 'drawn-from', 'evidence')
  if (evidence.length > 0) add('\n\nEvidence')
  for (const { entity } of evidence) {
    const { data } = entity
    const where = data.locator === undefined ? '' : ` (${oneLine(data.locator)})`
    // An entry bearing on a group may give neither point nor quote: its id stands in.
    const point = oneLine(data.point ?? (data.quote === undefined ? entity.id : ''))
    add(`\n\n${entity.id}${where}: ${point}`)
    if (data.quote === undefined) {
      // Without a quote the point is the coded text: skip the id and locator before it.
      const end = length
      spans.set(entity.id, { start: end - codePointLength(point), end })
    } else {
      add('\n“')
      spans.set(entity.id, add(oneLine(data.quote)))
      add('”')
    }
  }
  return { text: `${parts.join('')}\n`, spans }
}
