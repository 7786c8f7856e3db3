import { type CitationFields, formatVancouver } from '@realist-kb/citations'
import { type WorkLink, workLinks } from './links.js'

/**
 * A study's Vancouver reference cut where its links go: the text, then the DOI (or the URL when
 * there is no DOI) that ends it as a link, then the PubMed id. Each format renders the parts in
 * its own markup, so every report prints the same reference with the same links.
 */
export interface ReferenceParts {
  /** The reference up to its link (`... 2013;11(5):415–23. doi:`). */
  readonly text: string
  /** The DOI or URL the reference ends with, when it has one that is safe to link. */
  readonly link?: WorkLink
  /** The PubMed record, printed after the reference as `PMID: 123`. */
  readonly pubmed?: WorkLink
}

/** Split a study's Vancouver reference into its text and links. */
export function referenceParts(study: CitationFields & { readonly pmid?: string }): ReferenceParts {
  const text = formatVancouver(study)
  const links = workLinks(study)
  const pubmed = links.find((link) => link.kind === 'PubMed')
  const ending = links.find(
    (link) => (link.kind === 'DOI' || link.kind === 'URL') && text.endsWith(link.text),
  )
  return {
    text: ending === undefined ? text : text.slice(0, text.length - ending.text.length),
    ...(ending === undefined ? {} : { link: ending }),
    ...(pubmed === undefined ? {} : { pubmed }),
  }
}

/** Studies in the review's reference order, those without a number after, as listed. */
export function referenceOrder<T extends { readonly reference?: number }>(
  studies: readonly T[],
): T[] {
  return studies
    .map((study, index) => ({ study, index }))
    .sort(
      (a, b) =>
        (a.study.reference ?? Number.POSITIVE_INFINITY) -
          (b.study.reference ?? Number.POSITIVE_INFINITY) || a.index - b.index,
    )
    .map(({ study }) => study)
}
