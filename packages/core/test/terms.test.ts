import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  buildTraceReport,
  countryName,
  loadFromMemory,
  type SourceFile,
  studyTermsOf,
} from '@realist-kb/core'
import { describe, expect, it } from 'vitest'

// The review of docs/content-format.md's "Controlled vocabularies" example, read from the doc so
// the doc cannot drift from what the loader does with it.
const docReview = ((): string => {
  const doc = readFileSync(
    path.join(import.meta.dirname, '../../../docs/content-format.md'),
    'utf8',
  )
  const fence = /```markdown\n(---\nkind: review\nid: vocabulary-review\n[\s\S]*?)```/.exec(doc)
  if (fence?.[1] === undefined) throw new Error('Missing the vocabularies example in the doc')
  return fence[1]
})()

const plainReview = '---\nkind: review\ntitle: Invented review\nauthors: [Doe J]\nyear: 2025\n---\n'

function study(
  id: string,
  fields: { participants?: string[]; settings?: string[]; countries?: string[]; design?: string },
): SourceFile {
  const list = (values: readonly string[]): string =>
    `[${values.map((value) => JSON.stringify(value)).join(', ')}]`
  const lines = [
    '---',
    'kind: study',
    `citation: { authors: [Invented A], title: Invented study ${id} }`,
  ]
  if (fields.participants) lines.push(`participants: ${list(fields.participants)}`)
  if (fields.settings) lines.push(`settings: ${list(fields.settings)}`)
  if (fields.countries) lines.push(`countries: ${list(fields.countries)}`)
  if (fields.design) lines.push(`design: ${fields.design}`)
  lines.push('evidence:', '  - cmocs: [cmoc-1]', '    relation: supports', '---', '')
  return { path: `studies/${id}.md`, text: lines.join('\n') }
}

const cmoc: SourceFile = {
  path: 'cmocs/cmoc-1.md',
  text: '---\nkind: cmoc\ntitle: Invented\ncontext: c\nmechanism: m\noutcome: o\n---\n',
}

// Synonyms of one declared term, written as sources write them.
const carerSynonyms = [
  'caregivers',
  'Family carers',
  'informal carers',
  'carers',
  'Informal_Carers',
]

function base(review: string): SourceFile[] {
  return [
    { path: 'review.md', text: review },
    cmoc,
    ...carerSynonyms.map((value, index) =>
      study(`carer-${index}`, {
        participants: [value],
        settings: [index % 2 === 0 ? 'Care-Home' : 'cancer center'],
        countries: ['NO'],
        design: 'economic-evaluation',
      }),
    ),
    study('patients-only', { participants: ['patients'], settings: ['hospice'] }),
  ]
}

describe('controlled vocabularies', () => {
  it('reads a value written as a term id, label or alias as that term', () => {
    const kb = loadFromMemory(base(docReview))
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const terms = studyTermsOf(kb.graph)
    for (const value of carerSynonyms)
      expect(terms.term('participants', value), value).toEqual({
        id: 'carers',
        label: 'Family carers',
        declared: true,
      })
    expect(terms.term('settings', 'CARE HOME').id).toBe('nursing-home')
    expect(terms.term('settings', 'cancer center').id).toBe('cancer-centre')
  })

  it('merges synonyms into one column of the gap map, shown by its label', () => {
    const report = buildTraceReport(loadFromMemory(base(docReview)))
    const participants = report.gapMap.find((table) => table.dimension === 'participants')
    expect(participants?.values).toEqual(['carers', 'patients'])
    expect(participants?.labels).toEqual(['Family carers', 'Patients'])
    expect(participants?.rows[0]?.counts).toEqual([carerSynonyms.length, 1])
    expect(participants?.rows[0]?.studies[0]).toHaveLength(carerSynonyms.length)
    expect(participants?.rows[0]?.studies[1]).toEqual(['patients-only'])
    const settings = report.gapMap.find((table) => table.dimension === 'setting')
    expect(settings?.labels).toEqual(['Cancer centres', 'Hospice', 'Nursing homes'])
    expect(report.cmocs[0]?.profile.participants).toEqual({
      carers: carerSynonyms.length,
      patients: 1,
    })
    expect(report.terms.participants).toEqual({ carers: 'Family carers', patients: 'Patients' })
    expect(report.studies.find((entry) => entry.id === 'carer-0')?.participants).toEqual(['carers'])
  })

  it('keeps values no term matches, shown as words, and names countries', () => {
    const report = buildTraceReport(loadFromMemory(base(plainReview)))
    const participants = report.gapMap.find((table) => table.dimension === 'participants')
    // Without a vocabulary, each way of writing is its own column, as written.
    expect(participants?.values).toHaveLength(carerSynonyms.length + 1)
    expect(participants?.labels).toContain('informal carers')
    expect(participants?.labels).toContain('Caregivers')
    expect(participants?.labels).toContain('Informal_Carers')
    const design = report.gapMap.find((table) => table.dimension === 'design')
    expect(design?.labels).toEqual(['Economic evaluation', 'Not recorded'])
    const country = report.gapMap.find((table) => table.dimension === 'country')
    expect(country?.values).toEqual(['NO', 'not recorded'])
    expect(country?.labels).toEqual([countryName('NO'), 'Not recorded'])
    expect(countryName('NO')).toBe('Norway')
  })

  it('reports a value outside a declared vocabulary as info, and only then', () => {
    const declared = loadFromMemory(base(docReview)).diagnostics.filter(
      (d) => d.name === 'term-not-in-vocabulary',
    )
    // `patients` and `hospice` are outside the declared vocabularies; countries have none.
    expect(declared.map((d) => [d.entity, d.severity, d.message.includes('`patients`')])).toEqual([
      ['patients-only', 'info', true],
      ['patients-only', 'info', false],
    ])
    expect(declared[0]?.code).toBe('RKB310')
    const undeclared = loadFromMemory(base(plainReview)).diagnostics
    expect(undeclared.filter((d) => d.name === 'term-not-in-vocabulary')).toEqual([])
  })
})
