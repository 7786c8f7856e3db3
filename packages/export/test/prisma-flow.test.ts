import { prismaFlow, type ReportedFigure, reportedFigureSchema } from '@realist-kb/core'
import { prismaFlowSvg, writePrismaCsv } from '@realist-kb/export'
import { csvParse } from 'd3-dsv'
import { describe, expect, it } from 'vitest'

/** A realist review's figures, screened (excluded) reported, sought and retrieval left out. */
const figures: ReportedFigure[] = [
  { label: 'MEDLINE', value: 812, stage: 'identified-database', source: 'MEDLINE' },
  { label: 'CINAHL', value: 390, stage: 'identified-database', source: 'CINAHL' },
  { label: 'Duplicates removed', value: 202, stage: 'duplicates-removed' },
  { label: 'Records screened', value: 1000, stage: 'screened' },
  { label: 'Excluded on title and abstract', value: 880, stage: 'screened-excluded' },
  { label: 'Full texts assessed', value: 120, stage: 'assessed' },
  { label: 'Not about the intervention', value: 70, stage: 'assessed-excluded' },
  { label: 'No data on mechanisms', value: 20, stage: 'assessed-excluded' },
  { label: 'Purposive search of grey literature', value: 6, stage: 'identified-purposive' },
  { label: 'Snowballing from included papers', value: 9, stage: 'identified-citation' },
  { label: 'Documents included', value: 45, stage: 'included' },
]

describe('PRISMA 2020 flow from the reported figures', () => {
  it('accepts only the documented stages', () => {
    expect(reportedFigureSchema.safeParse({ label: 'x', stage: 'screened' }).success).toBe(true)
    expect(reportedFigureSchema.safeParse({ label: 'x', stage: 'screening' }).success).toBe(false)
  })

  it('writes the PRISMA2020 template CSV, which reads back to the figures; missing is NA', () => {
    const rows = csvParse(writePrismaCsv(prismaFlow(figures)))
    expect(rows.columns).toEqual([
      'data',
      'node',
      'box',
      'description',
      'boxtext',
      'tooltips',
      'url',
      'n',
    ])
    const n = Object.fromEntries(rows.map((row) => [row.data, row.n]))
    expect(n).toMatchObject({
      database_results: '1202',
      database_specific_results: 'MEDLINE, 812; CINAHL, 390',
      duplicates: '202',
      records_screened: '1000',
      records_excluded: '880',
      dbr_assessed: '120',
      dbr_excluded: 'Not about the intervention, 70; No data on mechanisms, 20',
      organisation_results: '6',
      citations_results: '9',
      new_studies: '45',
      // Not reported: missing, never 0.
      register_results: 'NA',
      dbr_sought_reports: 'NA',
      dbr_notretrieved_reports: 'NA',
      website_results: 'NA',
      previous_studies: 'NA',
    })
    // Every row of the template, in its order: the R package finds rows by their data key.
    expect(rows.map((row) => row.data)).toContain('identification')
    expect(rows).toHaveLength(32)
  })

  it('leaves a total missing when one of its figures has no number', () => {
    const flow = prismaFlow([
      { label: 'MEDLINE', value: 10, stage: 'identified-database' },
      { label: 'Embase', stage: 'identified-database' },
    ])
    expect(flow.boxes['identified-database'].value).toBeUndefined()
    expect(flow.boxes.screened.value).toBeUndefined()
  })

  it('draws an accessible SVG with "not reported" where a figure is missing', async () => {
    const svg = prismaFlowSvg(prismaFlow(figures))
    expect(svg).toMatch(/role="img" aria-labelledby="rkb-flow-title rkb-flow-desc"/)
    expect(svg).toContain('<desc id="rkb-flow-desc">')
    expect(svg).toContain('Reports sought for retrieval</tspan><tspan x="135" y="')
    expect(svg).not.toMatch(/n = 0\b/)
    expect(svg).toContain('not reported')
    await expect(svg).toMatchFileSnapshot('__snapshots__/prisma-flow.svg')
  })
})
