import { describe, expect, it } from 'vitest'
import { renderGapMapCsv } from '../src/index.js'
import { bundledReport } from './report-helpers.js'

describe('the gap-map CSV', () => {
  it('names each value by the label readers see, beside its term id', async () => {
    const report = await bundledReport()
    const rows = renderGapMapCsv(report)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((row) => row.split(','))
    expect(rows[0]).toEqual([
      'group',
      'cmoc',
      'cmoc_label',
      'dimension',
      'value',
      'studies',
      'value_label',
    ])
    const labelOf = new Map(rows.slice(1).map((row) => [`${row[3]}:${row[4]}`, row[6]]))
    // The bundled review's vocabulary puts caregivers and informal carers into one term.
    expect(labelOf.get('participants:carers')).toBe('Family carers')
    expect(labelOf.get('participants:caregivers')).toBeUndefined()
    // Country codes by name, and every value labelled as the report's own table labels it.
    expect(labelOf.get('country:NO')).toBe('Norway')
    for (const table of report.gapMap)
      table.values.forEach((value, index) => {
        expect(labelOf.get(`${table.dimension}:${value}`)).toBe(table.labels[index])
      })
  })
})
