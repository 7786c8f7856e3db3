import { shortCitation } from '@realist-kb/citations'
import type { StudyEntry, TraceReport } from '@realist-kb/core'
import { escapeHtml } from '../report/escape.js'
import type { WorkLink } from '../report/links.js'
import { referenceOrder, referenceParts } from '../report/reference-parts.js'
import { anchorId } from './anchor-id.js'

const e = escapeHtml

/** A link out of the report, escaped; only ever made from a {@link WorkLink}. */
export function workLinkHtml(link: WorkLink): string {
  return `<a href="${e(link.href)}">${e(link.text)}</a>`
}

/**
 * A study's Vancouver reference with its DOI, URL and PubMed id as links. The page shows it twice,
 * in the study's entry and in the reference list: it is made once per study (a report's entries
 * are never changed once made).
 */
export function referenceHtml(study: StudyEntry): string {
  let html = references.get(study)
  if (html === undefined) {
    const parts = referenceParts(study)
    html = `${e(parts.text)}${parts.link === undefined ? '' : workLinkHtml(parts.link)}${parts.pubmed === undefined ? '' : ` PMID: ${workLinkHtml(parts.pubmed)}`}`
    references.set(study, html)
  }
  return html
}

const references = new WeakMap<StudyEntry, string>()

/**
 * The reference list: every study in Vancouver style, numbered in the order the review numbers
 * its references (then the others, in report order), each linked to its entry.
 */
export function referencesHtml(report: TraceReport): string {
  const items = referenceOrder(report.studies).map(
    (study) =>
      // The entry link's accessible name carries the citation as an attribute, not an element:
      // a reference list of thousands of studies costs the page two elements per study.
      `<li>${referenceHtml(study)} <a class="rkb-ref-entry" href="#${e(anchorId(study.id))}" aria-label="Entry: ${e(shortCitation(study))}">Entry</a></li>`,
  )
  return `<ol class="rkb-references">\n${items.join('\n')}\n</ol>`
}
