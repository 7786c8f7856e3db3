import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectFormat, planImport, type RecordOutcome, readRecords } from '../src/import.js'

const fixtures = path.join(import.meta.dirname, 'fixtures', 'import')

async function importFile(name: string): Promise<RecordOutcome[]> {
  const text = await readFile(path.join(fixtures, name), 'utf8')
  return planImport(readRecords(text, detectFormat(text, name)), {
    existing: [],
    takenIds: [],
    sourceName: name,
  })
}

function created(outcomes: readonly RecordOutcome[]) {
  return outcomes.flatMap((outcome) => (outcome.status === 'create' ? [outcome] : []))
}

function failed(outcomes: readonly RecordOutcome[]): [number | undefined, string][] {
  return outcomes.flatMap((outcome) =>
    outcome.status === 'fail'
      ? [[outcome.record.line, outcome.message] as [number | undefined, string]]
      : [],
  )
}

describe('import of what real tools write', () => {
  it('reads biblatex (date, journaltitle, @string, dotted names), keeps abstract and keywords', async () => {
    const outcomes = await importFile('better-biblatex.bib')
    const [bakitas, smith, who] = created(outcomes)
    expect(bakitas?.id).toBe('bakitas-2013')
    expect(bakitas?.citation).toEqual({
      authors: ['Bakitas M', 'Lyons KD', 'von Gunten CF'],
      etAl: true,
      year: 2013,
      title: "Oncologists' Perspectives on Concurrent Palliative Care",
      journal: 'Palliative & Supportive Care',
      volume: '11',
      issue: '5',
      pages: '415-423',
      doi: '10.1017/s1478951512000673',
      type: 'article',
      keywords: ['oncology', 'palliative care', 'qualitative'],
    })
    // The abstract is the study's body, escaped so that `[[concurrent]]` is text, not a link.
    expect(bakitas?.markdown).toContain(
      "## Abstract\n\nBackground: oncologists' views on \\[\\[concurrent\\]\\] care.\n",
    )
    expect(smith?.citation).toMatchObject({
      journal: 'Journal of Integrated Care',
      doi: '10.1108/jica_01_2021',
    })
    expect(who?.citation).toMatchObject({ authors: ['World Health Organization'], year: 2020 })
    expect(who?.id).toBe('world-health-organization-2020')
    // The entry that never closes is named with its line; the one after it still imports.
    expect(failed(outcomes)).toEqual([[26, expect.stringMatching(/^Unexpected BibTeX syntax/)]])
  })

  it('catches a duplicate by the year of a biblatex `date`', async () => {
    const text = await readFile(path.join(fixtures, 'better-biblatex.bib'), 'utf8')
    const outcomes = planImport(readRecords(text, 'bibtex'), {
      existing: [
        {
          id: 'bakitas-2013',
          citation: {
            title: 'Oncologists’ perspectives on concurrent palliative care.',
            year: 2013,
          },
        },
      ],
      takenIds: ['bakitas-2013'],
      sourceName: 'better-biblatex.bib',
    })
    expect(outcomes[0]?.status === 'skip' && outcomes[0].reason).toBe(
      'duplicate of study `bakitas-2013`: same title and year',
    )
  })

  it('reads RIS with entities, IEEE-style names and a tag that is not RIS', async () => {
    const outcomes = await importFile('psycinfo-pmid.ris')
    const [first, second] = created(outcomes)
    expect(first?.id).toBe('author-one-2017')
    expect(first?.citation).toMatchObject({
      authors: ['Author-One A', 'Author-Two BC'],
      title: "Patients' views of integrated care © 2017",
      journal: 'Journal of Care & Health',
      doi: '10.1000/abc.2017.1',
      keywords: ['integration', 'palliative care'],
    })
    expect(first?.notes).toContain('skipped unknown RIS tag `PMID` (line 5)')
    expect(first?.markdown).toContain('## Abstract\n\nWe asked patients "what matters".')
    expect(second?.citation).toMatchObject({ title: 'A second record', authors: ['Roe R'] })
    expect(failed(outcomes)).toEqual([[14, 'Missing title, expected a record title']])
  })

  it('reads ERIC MEDLINE files, whose records start `OWN - ERIC` and have no PMID', async () => {
    const outcomes = await importFile('eric.nbib')
    expect(failed(outcomes)).toEqual([])
    const [doe, roe] = created(outcomes)
    expect(doe?.citation).toEqual({
      authors: ['Doe JA'],
      year: 2020,
      title: 'Interprofessional Education for Palliative Care: A Scoping Review',
      journal: 'Journal of Interprofessional Care',
      volume: '34',
      issue: '2',
      pages: '120-131',
      doi: '10.1080/13561820.2019.1234567',
      type: 'article',
      keywords: ['Interprofessional Education', 'Palliative Care'],
    })
    expect(doe?.markdown).toContain(
      'This review maps interprofessional education in palliative care across twelve countries.',
    )
    expect(roe?.citation).toMatchObject({ authors: ['Roe R'], year: 2019 })
  })

  it('decodes entities in CSL-JSON and keeps a final "et al." as the flag', async () => {
    const [study] = created(await importFile('entities.json'))
    expect(study?.id).toBe('oconnor-2016')
    expect(study?.citation).toMatchObject({
      authors: ["O'Connor M"],
      etAl: true,
      title: "Carers' experience of home death – a survey",
      journal: 'BMJ Supportive & Palliative Care',
      doi: '10.1136/bmjspcare-2016-001',
    })
  })
})

describe('import of hostile input (generated here)', () => {
  it('bounds @string macro chains per field and per file, and imports the rest', () => {
    // Each macro ten times the one before: 828 bytes of this expand to gigabytes.
    const chain = ['@string{m0 = "xxxxxxxxxx"}']
    for (let i = 1; i <= 12; i++)
      chain.push(`@string{m${i} = ${Array.from({ length: 10 }, () => `m${i - 1}`).join(' # ')}}`)
    const text = [
      ...chain,
      '@article{big, title = m12, author = {Doe, J}, year = 2020}',
      '@article{fine, title = "Small " # m1, author = {Roe, R}, year = 2021}',
    ].join('\n')
    expect(text.length).toBeLessThan(1_200)
    const records = readRecords(text, 'bibtex')
    expect(records.map((record) => record.ok)).toEqual([false, true])
    expect(records[0]?.ok === false && records[0].message).toMatch(
      /^Unexpected field `title` of more than 1000000 characters once its @string macros are expanded, expected at most 100000$/,
    )
    const fine = records[1]
    expect(fine?.ok === true && fine.item.title).toBe(`Small ${'x'.repeat(100)}`)

    // Under the per-field limit, but many of them: the file's budget stops the rest.
    const many = [
      ...chain.slice(0, 5),
      ...Array.from({ length: 120 }, (_, i) => `@misc{e${i}, title = m4, author = {Doe, J}}`),
    ].join('\n')
    const outcomes = readRecords(many, 'bibtex')
    const refused = outcomes.filter((record) => !record.ok)
    expect(refused.length).toBeGreaterThan(0)
    expect(outcomes.slice(0, 99).every((record) => record.ok)).toBe(true)
    expect(refused[0]?.ok === false && refused[0].message).toMatch(/expand to more than 10000000/)
  })

  it('refuses a title the loader would refuse, instead of writing a file that fails', () => {
    const title = 'A'.repeat(250_000)
    const outcomes = planImport(
      readRecords(`TY  - JOUR\nTI  - ${title}\nAU  - Doe, J\nPY  - 2020\nER  - \n`, 'ris'),
      { existing: [], takenIds: [], sourceName: 'long.ris' },
    )
    expect(failed(outcomes)).toEqual([
      [1, 'Unexpected title of 250000 characters, expected at most 5000'],
    ])
  })

  it('shortens an abstract and drops a field beyond the limits, with a note', () => {
    const abstract = 'word '.repeat(10_000)
    const journal = 'J'.repeat(3_000)
    const [study] = created(
      planImport(
        readRecords(
          `TY  - JOUR\nTI  - T\nAU  - Doe, J\nT2  - ${journal}\nAB  - ${abstract}\nER  - \n`,
          'ris',
        ),
        { existing: [], takenIds: [], sourceName: 'long.ris' },
      ),
    )
    expect(study?.citation.journal).toBeUndefined()
    expect(study?.notes).toEqual(
      expect.arrayContaining([
        'dropped the journal (3000 characters, at most 2000 kept)',
        'shortened the abstract from 49999 to 20000 characters',
      ]),
    )
  })

  it('gives ids to N records of one first author and year in linear time', () => {
    const count = 2_000
    const text = Array.from(
      { length: count },
      (_, i) => `TY  - JOUR\nTI  - Study number ${i}\nAU  - Smith, J\nPY  - 2020\nER  - \n`,
    ).join('')
    const records = readRecords(text, 'ris')
    // Count set look-ups while planning: a search restarting at `-b` for every record makes
    // N²/2 of them (2 million here); linear allocation a few per record.
    let lookups = 0
    const has = Set.prototype.has
    Set.prototype.has = function (this: Set<unknown>, value: unknown): boolean {
      lookups++
      return has.call(this, value)
    }
    let outcomes: RecordOutcome[]
    try {
      outcomes = planImport(records, { existing: [], takenIds: [], sourceName: 'same.ris' })
    } finally {
      Set.prototype.has = has
    }
    const ids = created(outcomes).map((outcome) => outcome.id)
    expect(ids).toHaveLength(count)
    expect(new Set(ids).size).toBe(count)
    expect(ids.slice(0, 3)).toEqual(['smith-2020', 'smith-2020-b', 'smith-2020-c'])
    expect(lookups).toBeLessThan(100 * count)
  })
})
