import { parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { DedupeIndex } from '../src/lib/import/dedupe-index.js'
import { cleanDoi, dedupeKeys, doiKey, titleKey } from '../src/lib/import/dedupe-keys.js'
import { authorText, initialsOf } from '../src/lib/import/names.js'
import { detectFormat } from '../src/lib/import/read-records.js'
import { renderStudy } from '../src/lib/import/render-study.js'
import { baseStudyId, slug, uniqueId } from '../src/lib/import/study-id.js'

describe('names', () => {
  it('writes authors as Family Initials, organisations whole', () => {
    expect(authorText({ family: 'Müller', given: 'Jörg' })).toBe('Müller J')
    expect(authorText({ family: 'McNamara', given: 'M.E.' })).toBe('McNamara ME')
    expect(authorText({ family: 'Jalil', given: 'N.-E.' })).toBe('Jalil NE')
    expect(authorText({ family: 'Kim', given: 'JS' })).toBe('Kim JS')
    expect(authorText({ family: 'Stokes', given: 'William Lee' })).toBe('Stokes WL')
    expect(authorText({ family: 'Berg', given: 'P.', 'non-dropping-particle': 'van der' })).toBe(
      'van der Berg P',
    )
    expect(authorText({ family: 'King', given: 'Martin Luther', suffix: 'Jr' })).toBe('King ML Jr')
    expect(authorText({ literal: 'World Health Organization' })).toBe('World Health Organization')
    expect(authorText({ given: 'Plato' })).toBe('Plato')
    expect(authorText({})).toBeUndefined()
    expect(initialsOf('Jean-Pierre')).toBe('JP')
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

  it('adds -b, -c, ... -z, -aa on collision', () => {
    const taken = new Set(['muller-2020'])
    const ids: string[] = []
    for (let i = 0; i < 27; i++) {
      const id = uniqueId('muller-2020', taken)
      taken.add(id)
      ids.push(id)
    }
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
  it('normalises DOIs', () => {
    for (const written of [
      '10.3389/FONC.2022.991843',
      'https://doi.org/10.3389/fonc.2022.991843',
      'http://dx.doi.org/10.3389/fonc.2022.991843',
      'doi: 10.3389/fonc.2022.991843.',
      'https://doi.org/10.3389%2Ffonc.2022.991843',
    ])
      expect(doiKey(written)).toBe('10.3389/fonc.2022.991843')
    expect(cleanDoi('https://dx.doi.org/10.1186/s11689-021-09396-9')).toBe(
      '10.1186/s11689-021-09396-9',
    )
    expect(doiKey('S1769-7212(19)30059-X')).toBeUndefined()
    expect(doiKey(undefined)).toBeUndefined()
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
