/// <reference path="../src/types/citation-js.d.ts" />
// Real consumers read what the writers produce: citation-js parses the CSL-JSON, RIS and BibTeX
// back, and citeproc (through @citation-js/plugin-csl) prints the Vancouver list, in which every
// author of the bundled review must appear with the initials the paper printed.
import path from 'node:path'
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import '@citation-js/plugin-csl'
import { entitiesOfKind } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'
import {
  type CitedStudy,
  formatVancouver,
  parseAuthorName,
  toCslItem,
  vancouverName,
  writeBibtex,
  writeRis,
} from '../src/index.js'

const content = path.join(import.meta.dirname, '..', '..', '..', 'content')
const kb = await loadDirectory(content)
const studies: CitedStudy[] = entitiesOfKind(kb.graph, 'study').map((study) => ({
  id: study.id,
  citation: study.data.citation,
}))

/** The author list as the paper printed it: `Bakitas M, Lyons KD, Hegel MT, Ahles T`. */
function printedAuthors(study: CitedStudy): string {
  return study.citation.authors.map((author) => vancouverName(parseAuthorName(author))).join(', ')
}

/** citeproc's Vancouver list of CSL items, entry by entry, without the numbers. */
function citeproc(items: readonly object[]): string[] {
  const entries = plugins.output.format('bibliography', items, {
    template: 'vancouver',
    format: 'text',
    lang: 'en-US',
    asEntryArray: true,
  }) as [string, string][]
  const byId = new Map(entries.map(([id, text]) => [id, text.replace(/^\d+\.\s*/, '').trim()]))
  return items.map((item) => byId.get((item as { id: string }).id) ?? '')
}

function read(text: string, format: '@ris/file' | '@bibtex/text'): object[] {
  if (format === '@ris/file') {
    const records = plugins.input.data(text, '@ris/file') as unknown[]
    return records.map((record) => plugins.input.data(record, '@ris/record') as object)
  }
  return plugins.input.data(plugins.input.data(text, format), '@biblatex/entries+list') as object[]
}

describe('what reference tools read back', () => {
  it('finds the bundled review with second initials (Lyons KD) and particles (von Gunten CF)', () => {
    expect(studies.length).toBeGreaterThan(30)
    const printed = studies.map(printedAuthors).join('; ')
    expect(printed).toContain('Lyons KD, Hegel MT')
    expect(printed).toContain('von Gunten CF')
  })

  it('citeproc prints every CSL-JSON author as printed, and "et al." where the paper has it', () => {
    const items = JSON.parse(JSON.stringify(studies.map(toCslItem))) as { id: string }[]
    const list = citeproc(items)
    studies.forEach((study, i) => {
      const expected = `${printedAuthors(study)}${study.citation.etAl ? ', et al.' : '.'}`
      expect(list[i], study.id).toContain(expected)
    })
  })

  it('the one Vancouver formatter prints what citeproc prints with the CSL vancouver style', () => {
    // Up to typography: citeproc curls quotes, and keeps a hyphen in `e395-403`.
    const plain = (text: string): string =>
      text
        .replace(/[‘’]/g, "'")
        .replace(/[“”]/g, '"')
        .replace(/(\d)[-–](\d)/g, '$1-$2')
    const list = citeproc(JSON.parse(JSON.stringify(studies.map(toCslItem))) as object[])
    studies.forEach((study, i) => {
      expect(plain(formatVancouver(study.citation)), study.id).toBe(plain(list[i] ?? ''))
    })
  })

  it('citation-js reads the RIS back with every initial', () => {
    const items = read(writeRis(studies), '@ris/file').map((item, i) => ({
      ...item,
      id: studies[i]?.id ?? String(i),
    }))
    expect(items).toHaveLength(studies.length)
    const list = citeproc(items)
    studies.forEach((study, i) => {
      expect(list[i], study.id).toContain(printedAuthors(study))
    })
  })

  it('citation-js reads the BibTeX back with every initial, keyed by study id', () => {
    const items = read(writeBibtex(studies), '@bibtex/text') as { id: string; author?: object[] }[]
    expect(items.map((item) => item.id)).toEqual(studies.map((study) => study.id))
    const list = citeproc(items)
    studies.forEach((study, i) => {
      expect(list[i], study.id).toContain(printedAuthors(study))
      // BibTeX's own mark for an abbreviated list, `and others`, survives the round trip.
      const last = items[i]?.author?.at(-1)
      expect(last !== undefined && JSON.stringify(last).includes('others'), study.id).toBe(
        study.citation.etAl === true,
      )
    })
  })

  it('BibTeX escapes what TeX would read as markup, and citation-js decodes it back', () => {
    const tricky: CitedStudy = {
      id: 'tricky-2020',
      citation: {
        authors: ['O’Brien AB', 'World Health Organization'],
        title: '50% of {cases} & #1 in $cost_ratio ~ 2^n \\ more',
        year: 2020,
        doi: '10.1000/a_b',
      },
    }
    const [item] = read(writeBibtex([tricky]), '@bibtex/text') as {
      title: string
      DOI: string
      author: object[]
    }[]
    expect(item?.title).toBe(tricky.citation.title)
    expect(item?.DOI).toBe('10.1000/a_b')
    // BibTeX has no literal names: braces keep the organisation whole, as one family name.
    expect(item?.author).toEqual([
      { family: 'O’Brien', given: 'A. B.' },
      { family: 'World Health Organization' },
    ])
  })
})
