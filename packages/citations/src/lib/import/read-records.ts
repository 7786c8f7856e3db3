import { bibtexRecords } from './bibtex-records.js'
import { cslJsonRecords } from './csl-json-records.js'
import { medlineRecords } from './medline-records.js'
import { risRecords } from './ris-records.js'
import { type ImportFormat, type SourceRecord, UnreadableImportError } from './source-record.js'

const readers: Readonly<Record<ImportFormat, (text: string) => SourceRecord[]>> = {
  bibtex: bibtexRecords,
  ris: risRecords,
  'csl-json': cslJsonRecords,
  medline: medlineRecords,
}

/**
 * Split an export into records and parse each to CSL, in the given format. Throws
 * {@link UnreadableImportError} when the file holds no record at all.
 *
 * @example
 * ```ts
 * readRecords('TY  - JOUR\nTI  - T\nAU  - Doe, J\nER  - \n', 'ris').length // 1
 * ```
 */
export function readRecords(text: string, format: ImportFormat): SourceRecord[] {
  return readers[format](text)
}

/**
 * The format of an export, from its content first (what tools write matters more than what the
 * file is called: PubMed's MEDLINE files are often saved as `.ris`), then from its extension.
 * Throws {@link UnreadableImportError} for CSV and for content it cannot place.
 *
 * @example
 * ```ts
 * detectFormat('@article{a, title={T}}', 'refs.txt') // 'bibtex'
 * detectFormat('PMID- 30922926\nTI  - ...', 'pubmed.ris') // 'medline'
 * ```
 */
export function detectFormat(text: string, fileName: string): ImportFormat {
  const body = text.replace(/^\uFEFF/, '')
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'csv')
    throw new UnreadableImportError(
      'Unexpected CSV file: CSV import is not supported, expected BibTeX, RIS, CSL-JSON or MEDLINE (export RIS or BibTeX from your reference manager)',
    )
  if (/^\s*[[{]/.test(body)) return 'csl-json'
  if (/^(?:PMID- |OWN - )/m.test(body)) return 'medline'
  if (/^\s*TY {1,2}- /m.test(body)) return 'ris'
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(body)) return 'bibtex'
  const byExtension: Readonly<Record<string, ImportFormat>> = {
    bib: 'bibtex',
    bibtex: 'bibtex',
    ris: 'ris',
    json: 'csl-json',
    nbib: 'medline',
  }
  const format = extension === undefined ? undefined : byExtension[extension]
  if (format) return format
  throw new UnreadableImportError(
    'Unexpected content, expected BibTeX, RIS, CSL-JSON or MEDLINE: name the format with --from',
  )
}
