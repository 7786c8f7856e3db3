import type { StudyEntry } from '@realist-kb/core'
import { escapeMarkdown } from './escape.js'
import type { WorkLink } from './links.js'
import { referenceParts } from './reference-parts.js'

const m = escapeMarkdown

/** A link out of the report in Markdown: the text escaped, the address in angle brackets. */
export function workLinkMarkdown(link: WorkLink): string {
  // Angle brackets let an address hold parentheses; `<` and `>` cannot occur in a parsed URL.
  return `[${m(link.text)}](<${link.href.replace(/[<>\s]/g, encodeURIComponent)}>)`
}

/** A study's Vancouver reference with its DOI, URL and PubMed id as Markdown links. */
export function referenceMarkdown(study: StudyEntry): string {
  const parts = referenceParts(study)
  return `${m(parts.text)}${parts.link === undefined ? '' : workLinkMarkdown(parts.link)}${parts.pubmed === undefined ? '' : ` PMID: ${workLinkMarkdown(parts.pubmed)}`}`
}
