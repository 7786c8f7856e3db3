import { type AuthorName, givenText, parseAuthorName } from './author-name.js'
import { type CitedStudy, etAlNote, pageRange, workType } from './citation-fields.js'

const risTypes = {
  article: 'JOUR',
  book: 'BOOK',
  chapter: 'CHAP',
  report: 'RPRT',
  webpage: 'ELEC',
  thesis: 'THES',
  other: 'GEN',
} as const

/**
 * Studies as RIS, the format EndNote, Covidence, Rayyan and EPPI-Reviewer import: one record per
 * study (`TY` to `ER`), CRLF line ends as the RIS specification has them. Authors are written
 * `Family, K. D.` so that every initial survives; the study id is the record's `ID`; pages are
 * split into `SP` and `EP` with an abbreviated last page written in full (`415–23` ->
 * `415`/`423`); a list the source ended with "et al." keeps its authors and says so in `N1`
 * (RIS has no mark for it), which import reads back.
 *
 * @example
 * ```ts
 * writeRis([{ id: 'lyons-2013', citation: { authors: ['Lyons KD'], title: 'T', year: 2013 } }])
 * // 'TY  - GEN\r\nID  - lyons-2013\r\nAU  - Lyons, K. D.\r\nPY  - 2013\r\nTI  - T\r\nER  - \r\n'
 * ```
 */
export function writeRis(studies: readonly CitedStudy[]): string {
  return studies.map(risRecord).join('\r\n')
}

function risRecord(study: CitedStudy): string {
  const { citation } = study
  const lines: [string, string][] = [
    ['TY', risTypes[workType(citation)]],
    ['ID', study.id],
  ]
  for (const printed of citation.authors) lines.push(['AU', risName(parseAuthorName(printed))])
  if (citation.year !== undefined) lines.push(['PY', String(citation.year)])
  lines.push(['TI', citation.title])
  if (citation.journal !== undefined) lines.push(['T2', citation.journal])
  if (citation.volume !== undefined) lines.push(['VL', citation.volume])
  if (citation.issue !== undefined) lines.push(['IS', citation.issue])
  if (citation.pages !== undefined) {
    const [start, end] = pageRange(citation.pages)
    lines.push(['SP', start])
    if (end !== undefined) lines.push(['EP', end])
  }
  if (citation.publisher !== undefined) lines.push(['PB', citation.publisher])
  if (citation.doi !== undefined) lines.push(['DO', citation.doi])
  if (citation.url !== undefined) lines.push(['UR', citation.url])
  for (const keyword of citation.keywords ?? []) lines.push(['KW', keyword])
  if (citation.etAl === true) lines.push(['N1', etAlNote])
  lines.push(['ER', ''])
  // A value holds no line break: a wrapped line would be read as another tag or lost.
  return lines
    .map(([tag, value]) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`.trimEnd())
    .map((line) => (line.endsWith('-') ? `${line} ` : line))
    .join('\r\n')
    .concat('\r\n')
}

/** `Lyons, K. D.`, `von Gunten, C. F.`, `King, M. L., Jr`; an organisation whole. */
function risName(name: AuthorName): string {
  if (name.literal !== undefined || name.family === undefined) return name.literal ?? ''
  const family = name.particle === undefined ? name.family : `${name.particle} ${name.family}`
  return [family, givenText(name), name.suffix].filter((part) => part !== undefined).join(', ')
}
