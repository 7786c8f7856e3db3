import { type AuthorName, givenText, parseAuthorName } from './author-name.js'
import { type CitedStudy, pageRange, workType } from './citation-fields.js'

const entryTypes = {
  article: 'article',
  book: 'book',
  chapter: 'incollection',
  report: 'techreport',
  webpage: 'misc',
  thesis: 'phdthesis',
  other: 'misc',
} as const

// Where each type keeps the publisher (BibTeX names it per type).
const publisherField = {
  article: 'publisher',
  book: 'publisher',
  chapter: 'publisher',
  report: 'institution',
  webpage: 'publisher',
  thesis: 'school',
  other: 'publisher',
} as const

/**
 * Studies as BibTeX, for LaTeX, JabRef and the reference managers that import `.bib` (EndNote,
 * Zotero, Covidence, Rayyan): the study id is the citation key; authors are written
 * `Family, K. D.` (so that every initial survives), organisations in braces so that they are
 * not split, and a list the source ended with "et al." ends with `and others`, BibTeX's own
 * mark for it; pages as a range with `--`, the last page written in full. Characters special to
 * TeX are escaped, except in `doi` and `url`, which are verbatim fields.
 *
 * @example
 * ```ts
 * writeBibtex([{ id: 'lyons-2013', citation: { authors: ['Lyons KD'], title: 'T', year: 2013 } }])
 * // '@misc{lyons-2013,\n  author = {Lyons, K. D.},\n  title = {T},\n  year = {2013},\n}\n'
 * ```
 */
export function writeBibtex(studies: readonly CitedStudy[]): string {
  return studies.map(bibtexEntry).join('\n')
}

function bibtexEntry(study: CitedStudy): string {
  const { citation } = study
  const type = workType(citation)
  const authors = citation.authors.map((printed) => bibtexName(parseAuthorName(printed)))
  if (citation.etAl === true) authors.push('others')
  const fields: [string, string][] = [
    ['author', authors.join(' and ')],
    ['title', escapeTex(citation.title)],
  ]
  if (citation.journal !== undefined)
    fields.push([type === 'chapter' ? 'booktitle' : 'journal', escapeTex(citation.journal)])
  if (citation.year !== undefined) fields.push(['year', String(citation.year)])
  if (citation.volume !== undefined) fields.push(['volume', escapeTex(citation.volume)])
  if (citation.issue !== undefined) fields.push(['number', escapeTex(citation.issue)])
  if (citation.pages !== undefined)
    fields.push(['pages', escapeTex(pageRange(citation.pages).join('--'))])
  if (citation.publisher !== undefined)
    fields.push([publisherField[type], escapeTex(citation.publisher)])
  if (citation.doi !== undefined) fields.push(['doi', verbatim(citation.doi)])
  if (citation.url !== undefined) fields.push(['url', verbatim(citation.url)])
  if (citation.keywords !== undefined && citation.keywords.length > 0)
    fields.push(['keywords', citation.keywords.map(escapeTex).join(', ')])
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n')
  return `@${entryTypes[type]}{${study.id},\n${body}\n}\n`
}

/** `Lyons, K. D.`; `von Gunten, C. F.`; `{World Health Organization}` kept whole. */
function bibtexName(name: AuthorName): string {
  if (name.literal !== undefined || name.family === undefined)
    return `{${escapeTex(name.literal ?? '')}}`
  const family = escapeTex(
    name.particle === undefined ? name.family : `${name.particle} ${name.family}`,
  )
  const given = givenText(name)
  return [family, name.suffix && escapeTex(name.suffix), given && escapeTex(given)]
    .filter((part) => part !== undefined && part !== '')
    .join(', ')
}

const texSpecial: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
}

/** Text with TeX's special characters escaped and line breaks folded. */
function escapeTex(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\{}&%$#_~^]/g, (char) => texSpecial[char] ?? char)
}

/** A verbatim field may hold anything but unbalanced braces and line breaks. */
function verbatim(text: string): string {
  return text.replace(/\s+/g, '').replace(/[{}]/g, '')
}
