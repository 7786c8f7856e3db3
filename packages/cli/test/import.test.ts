import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { entitiesOfKind } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportJson } from '../src/lib/commands/import.js'
import { memoryIo } from './cli-io.js'

const fixtures = path.join(import.meta.dirname, 'fixtures', 'import')
// The same records exported by 21 tools (CC0; see SOURCE.txt there).
const exports = path.join(fixtures, '..', 'reference-exports')

let work: string
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-import-'))
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

async function importJson(file: string, ...options: string[]): Promise<[number, ImportJson]> {
  const io = memoryIo(work)
  const code = await main(['import', file, '--dir', 'content', '--format', 'json', ...options], io)
  return [code, JSON.parse(io.out()) as ImportJson]
}

async function studies(): Promise<string[]> {
  return (await readdir(path.join(work, 'content', 'studies'))).sort()
}

/** Errors a knowledge base reports, as `file: name` (warnings about gaps are expected). */
async function errorsIn(dir: string): Promise<string[]> {
  const kb = await loadDirectory(dir)
  return kb.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.message}`)
}

describe('realist-kb import: BibTeX', () => {
  it('decodes braces, accents and LaTeX escapes; skips duplicates; fails malformed entries alone', async () => {
    const [code, report] = await importJson(path.join(fixtures, 'latex-and-duplicates.bib'))
    expect(code).toBe(1)
    expect(report.format).toBe('bibtex')
    expect(report.records.map((r) => [r.record, r.status, r.id ?? r.duplicateOf ?? ''])).toEqual([
      [1, 'created', 'muller-2020'],
      [2, 'created', 'lefevre-2019'],
      [3, 'failed', ''],
      [4, 'created', 'world-health-organization-2018'],
      [5, 'skipped', 'muller-2020'],
      [6, 'failed', ''],
      [7, 'skipped', 'lefevre-2019'],
      [8, 'created', 'muller-2020-b'],
    ])
    expect(report.records[2]?.line).toBe(26)
    expect(report.records[2]?.message).toMatch(/^Unexpected BibTeX syntax/)
    expect(report.records[4]?.message).toBe(
      'duplicate of `muller-2020` (from record 1, line 6 of this file): same DOI 10.1000/example.2020.001',
    )
    expect(report.records[5]?.message).toBe('Missing title, expected a record title')
    expect(report.records[6]?.message).toMatch(/same title and year$/)
    expect(report.summary).toEqual({ records: 8, created: 4, skipped: 2, failed: 2 })

    expect(await studies()).toEqual([
      'lefevre-2019.md',
      'muller-2020-b.md',
      'muller-2020.md',
      'world-health-organization-2018.md',
    ])
    const kb = await loadDirectory(path.join(work, 'content'))
    const muller = entitiesOfKind(kb.graph, 'study').find((s) => s.id === 'muller-2020')
    expect(muller?.data.citation).toEqual({
      authors: ['Müller J', 'García A', 'van der Berg P'],
      year: 2020,
      title: 'Integrating palliative & oncology care: a Übersicht of NPT',
      journal: 'Example Journal of Pain and Symptom Management',
      volume: '59',
      issue: '3',
      pages: '100-110',
      doi: '10.1000/example.2020.001',
      type: 'article',
    })
    expect(muller?.data.inclusion).toEqual({
      status: 'unknown',
      basis:
        'TODO: screen against the eligibility criteria, then set status to included or excluded and say why.',
    })
    const lefevre = entitiesOfKind(kb.graph, 'study').find((s) => s.id === 'lefevre-2019')
    expect(lefevre?.data.citation.authors).toEqual(['Lefèvre F', "O'Connor S"])
    expect(lefevre?.data.citation.doi).toBeUndefined()
    const who = entitiesOfKind(kb.graph, 'study').find((s) => s.id.startsWith('world'))
    expect(who?.data.citation).toMatchObject({
      authors: ['World Health Organization'],
      type: 'report',
      url: 'https://example.org/who/guidance-2018',
    })
    // The created files validate: gaps (uncited studies, no review) are warnings or the one
    // missing-review error of a folder that holds only studies.
    expect(
      (await errorsIn(path.join(work, 'content'))).filter((e) => !e.startsWith('review.md')),
    ).toEqual([])
  })

  it('writes the study with TODO comments for what a researcher fills in', async () => {
    await importJson(path.join(fixtures, 'latex-and-duplicates.bib'))
    const text = await readFile(path.join(work, 'content/studies/lefevre-2019.md'), 'utf8')
    expect(text).toMatchInlineSnapshot(`
      "---
      kind: study
      id: lefevre-2019
      citation:
        authors:
          - "Lefèvre F"
          - "O'Connor S"
        year: 2019
        title: "Trust between professionals: a qualitative study"
        journal: "Example Palliative Care"
        volume: "18"
        pages: "42"
        type: article
      # TODO design, one of:
      #   qualitative, mixed-methods, economic-evaluation, quantitative, trial, survey,
      #   cohort, case-study, quasi-experimental, controlled-before-after, pilot, quality-improvement,
      #   programme-evaluation, participatory-action-research, systematic-review, narrative-review, guideline, consensus
      # design: qualitative
      # TODO countries: ISO 3166-1 alpha-2 codes, only where the study says so
      # countries: [GB]
      # TODO settings, e.g. outpatient, inpatient, home, community, primary-care
      # settings: [outpatient]
      # TODO participants, e.g. patients, caregivers, professionals
      # participants: [patients]
      inclusion:
        status: unknown
        basis: "TODO: screen against the eligibility criteria, then set status to included or excluded and say why."
      # TODO evidence: one entry per finding that bears on a CMOC, for example
      # evidence:
      #   - cmocs: [cmoc-1a]
      #     relation: supports # supports, refines or refutes
      #     parts: [mechanism] # context, mechanism, outcome
      #     point: The finding, in your own words.
      #     locator: p. 4
      ---

      Imported from \`latex-and-duplicates.bib\`, record 2 (line 17).
      "
    `)
  })
})

describe('realist-kb import: CSL-JSON and RIS', () => {
  it('keeps literal names, drops what the schema refuses with a note, fails non-items alone', async () => {
    const [code, report] = await importJson(path.join(fixtures, 'literal-names.json'))
    expect(code).toBe(1)
    expect(report.format).toBe('csl-json')
    expect(report.records.map((r) => [r.status, r.id ?? r.duplicateOf ?? r.message])).toEqual([
      ['created', 'world-health-organization-2020'],
      ['created', 'collins-2022'],
      ['failed', 'Unexpected string as CSL-JSON item, expected an object'],
      ['skipped', 'collins-2022'],
      ['failed', 'Missing title, expected a record title'],
      ['created', 'nhs-england-2023'],
    ])
    expect(report.records[5]?.notes).toEqual([
      'dropped `not-a-doi`: not a DOI',
      'dropped `ftp://example.org/eol`: not an http(s) URL',
    ])
    const kb = await loadDirectory(path.join(work, 'content'))
    const collins = kb.graph.getNodeAttributes('collins-2022')
    expect(collins.kind === 'study' && collins.data.citation.authors).toEqual([
      'Collins A',
      'Ávila I',
      'Example Care Collaborative',
    ])
    const nhs = await readFile(path.join(work, 'content/studies/nhs-england-2023.md'), 'utf8')
    expect(nhs).toContain('To check:\n\n- dropped `not-a-doi`: not a DOI\n')
  })

  it('reads RIS quirks: header lines, CRLF, spaced hyphens, wrapped titles, DOI in L3', async () => {
    const [code, report] = await importJson(path.join(fixtures, 'quirks.ris'))
    expect(code).toBe(1)
    expect(report.records.map((r) => [r.record, r.line, r.status, r.id ?? r.message])).toEqual([
      [
        1,
        4,
        'failed',
        'Unexpected RIS tags outside a record, expected a record to start with `TY  - `',
      ],
      [2, 7, 'created', 'hui-2016'],
      [3, 20, 'failed', 'Missing title, expected a record title'],
      [4, 26, 'created', 'maylor-2009'],
    ])
    const kb = await loadDirectory(path.join(work, 'content'))
    const maylor = kb.graph.getNodeAttributes('maylor-2009')
    expect(maylor.kind === 'study' && maylor.data.citation).toMatchObject({
      authors: ['Maylor CR', 'Finchley T'],
      title:
        'Implementing, embedding, and integrating example practices: an outline of a process theory',
      doi: '10.1000/example.2009.535',
    })
  })
})

describe('realist-kb import: real exports (Zotero, EndNote, PubMed, Scopus, ...)', () => {
  it('imports every file and deduplicates the same record across tools', async () => {
    const files = (await readdir(exports)).filter((name) => name.endsWith('.ris')).sort()
    expect(files).toHaveLength(21)
    const seen = new Map<string, ImportJson['summary']>()
    for (const file of files) {
      const [code, report] = await importJson(path.join(exports, file))
      expect([file, code, report.summary.failed]).toEqual([file, 0, 0])
      seen.set(file, report.summary)
    }
    // PubMed's "RIS" file is MEDLINE text: detected from its content, not its name.
    expect(seen.get('_baseline_pubmed.ris')?.records).toBe(50)
    // Tools that export the same ten records (Zotero, EndNote, Mendeley, RefWorks, Rayyan and
    // Covidence via three managers) add nothing once the first of them is in.
    for (const file of ['_baseline_zotero.ris', '_baseline_mendeley.ris', '_baseline_rayyan.ris'])
      expect(seen.get(file)).toEqual({ records: 10, created: 0, skipped: 10, failed: 0 })
    // 318 records in 21 files. Distinct works, counted independently by DOI or else by
    // normalised title and year: 230 (229 groups of equal DOI or equal title and year, one of
    // which holds two records of `_baseline.ris` with one title and two different DOIs, a
    // journal article and a conference abstract, kept apart).
    const created = [...seen.values()].reduce((sum, summary) => sum + summary.created, 0)
    expect(created).toBe(230)
    expect(await studies()).toHaveLength(230)
    expect(
      (await errorsIn(path.join(work, 'content'))).filter((e) => !e.startsWith('review.md')),
    ).toEqual([])

    // Importing everything again creates nothing.
    for (const file of files) {
      const [code, report] = await importJson(path.join(exports, file))
      expect([file, code, report.summary.created]).toEqual([file, 0, 0])
    }
    // 42 imports, each loading the growing knowledge base: a functional test, not a timed one.
  }, 180_000)

  it('says what it does with the Zotero CSV export: not read, exit 2', async () => {
    const io = memoryIo(work)
    expect(await main(['import', path.join(exports, '_baseline_zotero.csv')], io)).toBe(2)
    expect(io.err()).toMatch(/CSV import is not supported/)
  })
})

describe('realist-kb import: safety', () => {
  it('writes nothing on --dry-run and reports what it would do', async () => {
    const io = memoryIo(work)
    const code = await main(
      ['import', path.join(fixtures, 'quirks.ris'), '--dir', 'content', '--dry-run'],
      io,
    )
    expect(code).toBe(1)
    await expect(readdir(path.join(work, 'content'))).rejects.toThrow()
    expect(io.out()).toContain('would create  record 2 (line 7): content/studies/hui-2016.md')
    expect(io.out()).toContain('4 records: 2 to create, 0 skipped as duplicates, 2 failed')
  })

  it('deduplicates against the knowledge base and never touches existing files', async () => {
    const content = path.join(work, 'content')
    await mkdir(path.join(content, 'studies'), { recursive: true })
    await mkdir(path.join(content, 'cmocs'), { recursive: true })
    const hui = [
      '---',
      'kind: study',
      'citation:',
      '  authors: [Hui D]',
      '  year: 2016',
      '  title: Something else entirely',
      '  doi: 10.1000/EXAMPLE.2016.201',
      'inclusion: { status: included }',
      '---',
      '',
    ].join('\n')
    await writeFile(path.join(content, 'studies', 'hui-2016.md'), hui)
    // An id of another kind is taken too, and a broken file still claims its name.
    await writeFile(path.join(content, 'cmocs', 'maylor-2009.md'), '---\nkind: cmoc\n---\n')
    const [code, report] = await importJson(path.join(fixtures, 'quirks.ris'))
    expect(code).toBe(1)
    expect(report.records.map((r) => [r.status, r.id ?? r.duplicateOf ?? ''])).toEqual([
      ['failed', ''],
      ['skipped', 'hui-2016'],
      ['failed', ''],
      ['created', 'maylor-2009-b'],
    ])
    expect(report.records[1]?.message).toBe(
      'duplicate of study `hui-2016`: same DOI 10.1000/example.2016.201',
    )
    expect(await readFile(path.join(content, 'studies', 'hui-2016.md'), 'utf8')).toBe(hui)
    expect((await readdir(path.join(content, 'studies'))).sort()).toEqual([
      'hui-2016.md',
      'maylor-2009-b.md',
    ])
  })

  it('reads Windows-1252 exports and says so', async () => {
    const file = path.join(work, 'legacy.ris')
    const text =
      'TY  - JOUR\r\nAU  - Müller, Jörg\r\nTI  - Café culture\r\nPY  - 2001\r\nER  - \r\n'
    await writeFile(file, Buffer.from(text, 'latin1'))
    const io = memoryIo(work)
    expect(await main(['import', 'legacy.ris'], io)).toBe(0)
    expect(io.out()).toContain('note: legacy.ris is not UTF-8: read as Windows-1252')
    expect(await readFile(path.join(work, 'content/studies/muller-2001.md'), 'utf8')).toContain(
      '"Café culture"',
    )
  })

  it('fails a file with no record at all (exit 1) and rejects bad arguments (exit 2)', async () => {
    await writeFile(path.join(work, 'empty.json'), '[')
    await writeFile(path.join(work, 'notes.txt'), 'just some notes\n')
    await cp(path.join(fixtures, 'quirks.ris'), path.join(work, 'refs.ris'))
    const run = async (...args: string[]): Promise<[number, string]> => {
      const io = memoryIo(work)
      return [await main(['import', ...args], io), io.err()]
    }
    const [jsonCode, jsonErr] = await run('empty.json')
    expect(jsonCode).toBe(1)
    expect(jsonErr).toMatch(/Unexpected invalid JSON/)
    expect((await run('notes.txt'))[0]).toBe(2)
    expect((await run('missing.bib'))[0]).toBe(2)
    expect((await run())[0]).toBe(2)
    expect((await run('refs.ris', 'other.ris'))[0]).toBe(2)
    expect((await run('refs.ris', '--from', 'endnote'))[0]).toBe(2)
    expect((await run('refs.ris', '--frobnicate'))[0]).toBe(2)
    const [risAsBib] = await run('refs.ris', '--from', 'bibtex')
    expect(risAsBib).toBe(1)
  })
})
