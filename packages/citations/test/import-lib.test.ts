import { parseFile, renderStudy } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { normaliseDoi } from '../src/index.js'
import { DedupeIndex } from '../src/lib/import/dedupe-index.js'
import { dedupeKeys, titleKey } from '../src/lib/import/dedupe-keys.js'
import { detectFormat } from '../src/lib/import/read-records.js'
import { baseStudyId, IdAllocator, slug } from '../src/lib/import/study-id.js'
import { toCitation } from '../src/lib/import/to-citation.js'

describe('names of imported records', () => {
  it('writes authors as Family Initials, organisations whole, a final et al. as the flag', () => {
    const authors = (author: object[]): unknown => {
      const result = toCitation({ title: 'T', author })
      return result.ok ? [result.citation.authors, result.citation.etAl ?? false] : result.message
    }
    expect(
      authors([
        { family: 'Müller', given: 'Jörg' },
        { family: 'McNamara', given: 'M.E.' },
        { family: 'Jalil', given: 'N.-E.' },
        { family: 'Kim', given: 'JS' },
        { family: 'Stokes', given: 'William Lee' },
        { family: 'Berg', given: 'P.', 'non-dropping-particle': 'van der' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr' },
        { literal: 'World Health Organization' },
        { family: 'A. Author-One' },
        { given: 'Plato' },
        {},
      ]),
    ).toEqual([
      [
        'Müller J',
        'McNamara ME',
        'Jalil NE',
        'Kim JS',
        'Stokes WL',
        'van der Berg P',
        'King ML Jr',
        'World Health Organization',
        'Author-One A',
        'Plato',
      ],
      false,
    ])
    expect(authors([{ family: 'Doe', given: 'J' }, { family: 'others' }])).toEqual([
      ['Doe J'],
      true,
    ])
    expect(authors([{ family: 'Doe', given: 'J' }, { literal: 'et al.' }])).toEqual([
      ['Doe J'],
      true,
    ])
  })
})

describe('study ids', () => {
  it('makes lowercase ASCII kebab-case from the first author and year', () => {
    expect(baseStudyId('Müller', 2020)).toBe('muller-2020')
    expect(baseStudyId('Černý', 2023)).toBe('cerny-2023')
    expect(baseStudyId("O'Connor", 2012)).toBe('oconnor-2012')
    expect(baseStudyId('Dos Santos', 2024)).toBe('dos-santos-2024')
    expect(baseStudyId('Straße', 2001)).toBe('strasse-2001')
    expect(baseStudyId('Łukasz', 2001)).toBe('lukasz-2001')
    expect(baseStudyId('王', 2020)).toBe('study-2020')
    expect(baseStudyId('Smith', undefined)).toBe('smith-nd')
    expect(slug('International Agency for Research on Cancer Working Group')).toBe(
      'international-agency-for-research-on',
    )
  })

  it('adds -b, -c, ... -z, -aa on collision, skipping ids already taken', () => {
    const allocator = new IdAllocator(['muller-2020', 'muller-2020-e'])
    const ids: string[] = []
    for (let i = 0; i < 27; i++) ids.push(allocator.allocate('muller-2020'))
    expect(ids).not.toContain('muller-2020-e')
    ids.splice(3, 0, 'muller-2020-e')
    expect(ids.slice(0, 3)).toEqual(['muller-2020-b', 'muller-2020-c', 'muller-2020-d'])
    expect(ids.slice(23, 27)).toEqual([
      'muller-2020-y',
      'muller-2020-z',
      'muller-2020-aa',
      'muller-2020-ab',
    ])
  })
})

describe('deduplication keys', () => {
  it('normalises DOIs: prefixes, escapes, entities, case', () => {
    for (const written of [
      '10.3389/FONC.2022.991843',
      'https://doi.org/10.3389/fonc.2022.991843',
      'http://dx.doi.org/10.3389/fonc.2022.991843',
      'https://www.doi.org/10.3389/fonc.2022.991843',
      'doi: 10.3389/fonc.2022.991843.',
      'DOI:10.3389/fonc.2022.991843',
      'info:doi/10.3389/fonc.2022.991843',
      'https://doi.org/10.3389%2Ffonc.2022.991843',
    ])
      expect(normaliseDoi(written)).toBe('10.3389/fonc.2022.991843')
    expect(normaliseDoi('10.1108/JICA\\_01\\_2021')).toBe('10.1108/jica_01_2021')
    expect(normaliseDoi('10.1002/(SICI)1097&amp;x')).toBe('10.1002/(sici)1097&x')
    expect(normaliseDoi('S1769-7212(19)30059-X')).toBeUndefined()
    expect(normaliseDoi(undefined)).toBeUndefined()
  })

  it('normalises titles: accents, case, punctuation, markup, spaces', () => {
    expect(titleKey('Time lapse: A glimpse into prehistoric genomics.')).toBe(
      titleKey('TIME LAPSE -- a glimpse into  prehistoric genomics'),
    )
    expect(titleKey('Über <i>Psittacosaurus</i>: skin')).toBe('uber psittacosaurus skin')
    expect(dedupeKeys({ title: 'A study.', year: 2020 })).toEqual({
      doi: undefined,
      titleYear: 'a study|2020',
    })
  })

  it('matches by DOI first, then by title and year unless the DOIs differ', () => {
    const index = new DedupeIndex()
    index.add({ id: 'a-2014', keys: { doi: '10.1000/a', titleYear: 't|2014' }, origin: 'content' })
    expect(index.find({ doi: '10.1000/a', titleYear: 'other|1999' })?.by).toBe('doi')
    expect(index.find({ doi: undefined, titleYear: 't|2014' })?.by).toBe('title-year')
    expect(index.find({ doi: '10.1000/b', titleYear: 't|2014' })).toBeUndefined()
    expect(index.find({ doi: undefined, titleYear: 't|2015' })).toBeUndefined()
  })
})

describe('format detection', () => {
  it('looks at the content first, then the extension', () => {
    expect(detectFormat('@article{a, title={T}}', 'refs.txt')).toBe('bibtex')
    expect(detectFormat('\uFEFFTY  - JOUR\r\nER  - ', 'scopus.txt')).toBe('ris')
    expect(detectFormat('PMID- 30922926\nTI  - T', 'pubmed.ris')).toBe('medline')
    expect(detectFormat(' [{"title": "T"}]', 'export.txt')).toBe('csl-json')
    expect(detectFormat('', 'empty.bib')).toBe('bibtex')
    expect(() => detectFormat('10.1000/abc', 'doi.txt')).toThrow(/name the format/)
    expect(() => detectFormat('"Key","Title"', 'zotero.csv')).toThrow(/CSV import is not supported/)
  })
})

describe('rendered study files', () => {
  it('keep any title intact through YAML', () => {
    const title = '- "Pain": a #review\\of C:\\ cases \u007f\u0085 [[not-a-link]] \'quoted\''
    const text = renderStudy('doe-2020', { authors: ['Doe J'], title, year: 2020 }, { body: '' })
    const parsed = parseFile({ path: 'studies/doe-2020.md', text })
    expect(parsed.diagnostics).toEqual([])
    const study = parsed.entities[0]
    expect(study?.kind === 'study' && study.data.citation.title).toBe(title)
  })
})
