/**
 * The web addresses of a work: its DOI and PubMed record, and its own URL when it is a web
 * address at all (https or http only: a `javascript:` or `data:` URL never becomes a link).
 */
export interface WorkLink {
  /** `DOI`, `PubMed`, `URL`. */
  readonly kind: 'DOI' | 'PubMed' | 'URL'
  /** What the link reads: the DOI, the PMID, the URL. */
  readonly text: string
  readonly href: string
}

/** The links of a work, DOI first, each only when present and safe. */
export function workLinks(work: {
  readonly doi?: string | undefined
  readonly pmid?: string | undefined
  readonly url?: string | undefined
}): WorkLink[] {
  const links: WorkLink[] = []
  if (work.doi !== undefined)
    // A DOI keeps its characters; only those that would end or break a URL are encoded.
    links.push({ kind: 'DOI', text: work.doi, href: `https://doi.org/${encodeDoi(work.doi)}` })
  if (work.pmid !== undefined && /^\d+$/.test(work.pmid))
    links.push({
      kind: 'PubMed',
      text: work.pmid,
      href: `https://pubmed.ncbi.nlm.nih.gov/${work.pmid}/`,
    })
  const url = work.url === undefined ? undefined : safeUrl(work.url)
  if (url !== undefined) links.push({ kind: 'URL', text: work.url ?? url, href: url })
  return links
}

function encodeDoi(doi: string): string {
  return doi.replace(/[%"#?<>\\^`{|}\s]/g, (char) => encodeURIComponent(char))
}

/** A URL as a link may point to it: https and http only, normalised; anything else is none. */
export function safeUrl(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
}
