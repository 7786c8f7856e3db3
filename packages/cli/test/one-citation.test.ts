// One place builds citations: a study's reference reads the same in `show`, in every report
// and, read back, in every export. The exports are read back as a reference manager would
// import them (with realist-kb's own importer), and the reference is formatted again.
import path from 'node:path'
import { formatVancouver, shortCitation } from '@realist-kb/citations'
import { planImport, readRecords } from '@realist-kb/citations/import'
import { main } from '@realist-kb/cli'
import { entitiesOfKind } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { csvCell, escapeHtml, escapeMarkdown } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

const root = path.resolve(import.meta.dirname, '..', '..', '..')
const kb = await loadDirectory(path.join(root, 'content'))
const studies = entitiesOfKind(kb.graph, 'study')
const references = new Map(studies.map((study) => [study.id, formatVancouver(study.data.citation)]))

async function run(...args: string[]): Promise<string> {
  const io = memoryIo(root)
  const code = await main(args, io)
  expect(code, io.err()).toBe(0)
  return io.out()
}

describe('one reference text everywhere', () => {
  it('covers studies with second initials, particles, "et al." and a report', () => {
    expect(references.get('bakitas-2013')).toContain('Bakitas M, Lyons KD, Hegel MT, Ahles T.')
    expect(references.get('von-gunten-2017')).toMatch(/^von Gunten CF\. /)
    expect(references.get('collins-2022')).toMatch(/^Collins A, et al\. /)
    expect(references.get('reed-2021')).toBe(
      'Reed S, C.D. Ung J, Dayan M, Scobie S. Integrating health and social care: A comparison of policy and progress across the four countries of the UK. 2021.',
    )
  })

  it('show prints it', async () => {
    for (const id of ['bakitas-2013', 'collins-2022', 'reed-2021']) {
      const shown = await run('show', id, 'content')
      expect(shown).toContain(`Reference (Vancouver)\n  ${references.get(id)}\n`)
    }
  })

  it('every report prints it', async () => {
    const [html, md, json, csv] = await Promise.all(
      ['html', 'md', 'json', 'csv'].map((format) =>
        run('report', 'content', '--format', format, '--no-cache'),
      ),
    )
    const reported = JSON.parse(json ?? '') as { studies: { id: string; citation: string }[] }
    for (const study of studies) {
      const text = references.get(study.id) ?? ''
      expect(html, study.id).toContain(`<p>${escapeHtml(text)}</p>`)
      expect(md, study.id).toContain(`: ${escapeMarkdown(text)} Design:`)
      expect(reported.studies.find((entry) => entry.id === study.id)?.citation).toBe(text)
      if (csv?.includes(`,${study.id},`)) expect(csv, study.id).toContain(csvCell(text))
    }
    expect(csv?.split('\n')[0]).toContain(',study_citation,')
  })

  it.each(['csl-json', 'ris', 'bibtex'])('the %s export reads back to it', async (format) => {
    const text = await run('export', 'content', '--format', format)
    const outcomes = planImport(
      readRecords(text, format === 'csl-json' ? 'csl-json' : format === 'ris' ? 'ris' : 'bibtex'),
      {
        existing: [],
        takenIds: [],
        sourceName: `studies.${format}`,
      },
    )
    expect(outcomes.map((outcome) => outcome.status)).toEqual(studies.map(() => 'create'))
    outcomes.forEach((outcome, i) => {
      const study = studies[i]
      if (outcome.status !== 'create' || study === undefined) return
      expect(formatVancouver(outcome.citation), study.id).toBe(references.get(study.id))
    })
  })

  it.each(['gexf', 'graphml'])(
    'the %s export labels studies with the one short label',
    async (format) => {
      const text = await run('export', 'content', '--format', format)
      for (const study of studies)
        expect(text, study.id).toContain(escapeHtml(shortCitation(study.data.citation)))
    },
  )
})
