/**
 * Citations for realist-kb: one author-name model, one study-to-CSL mapping, one Vancouver
 * formatter and one short label, and RIS and BibTeX writers. Pure and browser-safe; the readers
 * of reference-manager exports (which load citation-js) are in `@realist-kb/citations/import`.
 *
 * @module @realist-kb/citations
 */
export {
  type AuthorName,
  citedName,
  isEtAl,
  parseAuthorName,
  vancouverName,
} from './lib/author-name.js'
export type { CitationFields, CitedStudy } from './lib/citation-fields.js'
export {
  type CslItem,
  type CslName,
  type CslType,
  etAlName,
  toCslItem,
  toCslName,
} from './lib/csl.js'
export { decodeMarkup } from './lib/decode-markup.js'
export { normaliseDoi } from './lib/doi.js'
export { shortCitation } from './lib/short-citation.js'
export { formatVancouver } from './lib/vancouver.js'
export { writeBibtex } from './lib/write-bibtex.js'
export { writeRis } from './lib/write-ris.js'
