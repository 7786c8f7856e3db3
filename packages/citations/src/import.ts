/**
 * Reference-manager exports to study files: BibTeX and biblatex, RIS, PubMed and ERIC MEDLINE,
 * and CSL-JSON, read record by record (a record that cannot be read fails alone), mapped to
 * study citations with the one author-name model, deduplicated and given ids. Pure: reads text,
 * writes nothing. Loads citation-js (BibTeX and RIS plugins only, nothing that can fetch).
 *
 * @module @realist-kb/citations/import
 */

export { type RenderStudyOptions, renderStudy, yamlText } from '@realist-kb/core'
export { registeredParsers } from './lib/import/citation-js.js'
export { importLimits } from './lib/import/import-limits.js'
export {
  type ExistingStudy,
  type PlanImportOptions,
  planImport,
  type RecordOutcome,
} from './lib/import/plan-import.js'
export { detectFormat, readRecords } from './lib/import/read-records.js'
export {
  errorText,
  type ImportFormat,
  importFormats,
  recordLabel,
  type SourceRecord,
  UnreadableImportError,
} from './lib/import/source-record.js'
