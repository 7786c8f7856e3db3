import {
  type CitedStudy,
  type CslItem,
  toCslItem,
  writeBibtex,
  writeRis,
} from '@realist-kb/citations'
import { entitiesOfKind, type KnowledgeBase } from '@realist-kb/core'

/**
 * The studies of a knowledge base as the citation writers of `@realist-kb/citations` take them,
 * in id order.
 *
 * @example
 * ```ts
 * citedStudies(kb).map((study) => study.id) // ['alizadeh-2022', 'bakitas-2013', ...]
 * ```
 */
export function citedStudies(kb: KnowledgeBase): CitedStudy[] {
  return entitiesOfKind(kb.graph, 'study').map((study) => ({
    id: study.id,
    citation: study.data.citation,
  }))
}

/**
 * The studies of a knowledge base as CSL-JSON items (the citation format Zotero, Mendeley and
 * pandoc read), in id order, mapped by `toCslItem` of `@realist-kb/citations`: initials as
 * `K. D.` so that citeproc prints `Lyons KD`, particles as CSL particles, and a final
 * `{ literal: 'et al.' }` author where the source printed "et al.".
 *
 * @example
 * ```ts
 * import { toCslJson } from '@realist-kb/export'
 * toCslJson(kb)[0] // { id: 'alizadeh-2022', type: 'article-journal', author: [{ family: 'Alizadeh', given: 'Z.' }], ... }
 * ```
 */
export function toCslJson(kb: KnowledgeBase): CslItem[] {
  return citedStudies(kb).map(toCslItem)
}

/**
 * Write the studies as a CSL-JSON file (a JSON array), ready for Zotero's "Import from file".
 *
 * @example
 * ```ts
 * import { writeCslJson } from '@realist-kb/export'
 * const json = writeCslJson(kb) // '[\n  {\n    "id": "alizadeh-2022", ...'
 * ```
 */
export function writeCslJson(kb: KnowledgeBase): string {
  return `${JSON.stringify(toCslJson(kb), null, 2)}\n`
}

/**
 * Write the studies as RIS (EndNote, Covidence, Rayyan, EPPI-Reviewer), one record per study
 * in id order; see `writeRis` of `@realist-kb/citations`.
 *
 * @example
 * ```ts
 * import { writeRisStudies } from '@realist-kb/export'
 * writeRisStudies(kb).startsWith('TY  - JOUR') // true
 * ```
 */
export function writeRisStudies(kb: KnowledgeBase): string {
  return writeRis(citedStudies(kb))
}

/**
 * Write the studies as BibTeX (LaTeX, JabRef, and reference managers that import `.bib`), one
 * entry per study in id order, keyed by study id; see `writeBibtex` of `@realist-kb/citations`.
 *
 * @example
 * ```ts
 * import { writeBibtexStudies } from '@realist-kb/export'
 * writeBibtexStudies(kb).startsWith('@article{alizadeh-2022,') // true
 * ```
 */
export function writeBibtexStudies(kb: KnowledgeBase): string {
  return writeBibtex(citedStudies(kb))
}
