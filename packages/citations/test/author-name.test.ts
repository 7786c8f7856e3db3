import { describe, expect, it } from 'vitest'
import {
  citedName,
  decodeMarkup,
  formatVancouver,
  isEtAl,
  parseAuthorName,
  shortCitation,
  toCslName,
  vancouverName,
} from '../src/index.js'
import { pageRange, vancouverPages } from '../src/lib/citation-fields.js'

describe('the author-name model', () => {
  it('splits Vancouver names into family and one initial per given name', () => {
    expect(parseAuthorName('Lyons KD')).toEqual({ family: 'Lyons', initials: ['K', 'D'] })
    expect(parseAuthorName('von Gunten CF')).toEqual({
      family: 'Gunten',
      particle: 'von',
      initials: ['C', 'F'],
    })
    expect(parseAuthorName('van der Berg J-P')).toEqual({
      family: 'Berg',
      particle: 'van der',
      initials: ['J', 'P'],
    })
    expect(parseAuthorName('King ML Jr')).toEqual({
      family: 'King',
      initials: ['M', 'L'],
      suffix: 'Jr',
    })
    expect(parseAuthorName('Holm-Petersen C')).toEqual({ family: 'Holm-Petersen', initials: ['C'] })
  })

  it('reads inverted names and initials written first (IEEE style)', () => {
    expect(parseAuthorName('Cherny, N.I.')).toEqual({ family: 'Cherny', initials: ['N', 'I'] })
    expect(parseAuthorName('Doe, Jane')).toEqual({ family: 'Doe', given: 'Jane', initials: ['J'] })
    expect(parseAuthorName('R. Catane')).toEqual({ family: 'Catane', initials: ['R'] })
    expect(parseAuthorName('A. Author-One')).toEqual({ family: 'Author-One', initials: ['A'] })
    expect(parseAuthorName('J. R. R. Tolkien')).toEqual({
      family: 'Tolkien',
      initials: ['J', 'R', 'R'],
    })
  })

  it('keeps organisations and names it cannot split whole', () => {
    expect(parseAuthorName('World Health Organization')).toEqual({
      literal: 'World Health Organization',
    })
    expect(parseAuthorName('WHO Guidelines Group')).toEqual({ literal: 'WHO Guidelines Group' })
    expect(parseAuthorName('Plato')).toEqual({ literal: 'Plato' })
  })

  it('knows "et al." in its spellings', () => {
    for (const text of ['et al.', 'et al', 'Et Al.', 'others', 'and others'])
      expect(isEtAl(text)).toBe(true)
    expect(isEtAl('Alston P')).toBe(false)
  })

  it('prints every name the same way in every form', () => {
    const lyons = parseAuthorName('Lyons KD')
    expect(vancouverName(lyons)).toBe('Lyons KD')
    expect(vancouverName(parseAuthorName('Cherny, N.I.'))).toBe('Cherny NI')
    expect(vancouverName(parseAuthorName('A. Author-One'))).toBe('Author-One A')
    expect(citedName(parseAuthorName('von Gunten CF'))).toBe('von Gunten')
    expect(toCslName(lyons)).toEqual({ family: 'Lyons', given: 'K. D.' })
    expect(toCslName(parseAuthorName('von Gunten CF'))).toEqual({
      family: 'Gunten',
      given: 'C. F.',
      'non-dropping-particle': 'von',
    })
    expect(toCslName(parseAuthorName('World Health Organization'))).toEqual({
      literal: 'World Health Organization',
    })
  })
})

describe('the one short label and the one Vancouver formatter', () => {
  const base = { title: 'T', year: 2020 }
  it('labels by family names, et al. from three authors or when printed', () => {
    expect(shortCitation({ ...base, authors: ['Doe J'] })).toBe('Doe 2020')
    expect(shortCitation({ ...base, authors: ['Doe J', 'Roe R'] })).toBe('Doe & Roe 2020')
    expect(shortCitation({ ...base, authors: ['Doe J', 'Roe R', 'Poe P'] })).toBe('Doe et al. 2020')
    expect(shortCitation({ ...base, authors: ['Doe J'], etAl: true })).toBe('Doe et al. 2020')
    expect(shortCitation({ authors: ['von Gunten CF'], title: 'T' })).toBe('von Gunten n.d.')
  })

  it('formats articles, other works, DOIs and URLs', () => {
    expect(
      formatVancouver({
        authors: ['Bakitas M', 'Lyons KD', 'Hegel MT', 'Ahles T'],
        year: 2013,
        title: "Oncologists' perspectives",
        journal: 'Palliat Support Care',
        volume: '11',
        issue: '5',
        pages: '415–23',
        type: 'article',
        doi: '10.1017/s1478951512000673',
      }),
    ).toBe(
      "Bakitas M, Lyons KD, Hegel MT, Ahles T. Oncologists' perspectives. Palliat Support Care. 2013;11(5):415–23. doi:10.1017/s1478951512000673",
    )
    expect(
      formatVancouver({
        authors: ['Collins A'],
        etAl: true,
        title: 'Is it feasible?',
        publisher: 'NHS England',
        year: 2022,
        type: 'report',
        url: 'https://example.org/r',
      }),
    ).toBe(
      'Collins A, et al. Is it feasible? NHS England; 2022. Available from: https://example.org/r',
    )
  })
})

describe('decoding what exports leave in text', () => {
  it('decodes entities with their semicolon and TeX escapes, once', () => {
    expect(decodeMarkup('Patients&apos; views &#169; 2020 &amp; after')).toBe(
      "Patients' views © 2020 & after",
    )
    expect(decodeMarkup('10.1108/JICA\\_01\\_2021')).toBe('10.1108/JICA_01_2021')
    expect(decodeMarkup('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;')
    expect(decodeMarkup('R&D &notes AT&T')).toBe('R&D &notes AT&T')
  })
})

describe('page ranges', () => {
  it('are written in full for RIS and BibTeX, and the NLM way in a reference', () => {
    expect(pageRange('415–23')).toEqual(['415', '423'])
    expect(pageRange('2502-10')).toEqual(['2502', '2510'])
    expect(pageRange('E229–35')).toEqual(['E229', 'E235'])
    expect(pageRange('e0256965')).toEqual(['e0256965'])
    for (const written of ['415–23', '415-423', '415 - 423', '415–423'])
      expect(vancouverPages(written)).toBe('415–23')
    expect(vancouverPages('E229-E235')).toBe('E229–35')
    expect(vancouverPages('597–8')).toBe('597–8')
    expect(vancouverPages('99-101')).toBe('99–101')
    expect(vancouverPages('991843')).toBe('991843')
  })
})
