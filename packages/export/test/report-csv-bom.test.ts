import { renderCsv, renderGapMapCsv } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { bundledReport } from './report-helpers.js'

const report = await bundledReport()

describe.each([
  ['the traceability CSV', renderCsv(report), 'recommendation,section,'],
  ['the gap-map CSV', renderGapMapCsv(report), 'group,cmoc,'],
])('%s', (_name, csv, header) => {
  it('starts with one UTF-8 byte order mark, so that Excel reads it as UTF-8', () => {
    const bytes = new TextEncoder().encode(csv)
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.indexOf('\uFEFF', 1)).toBe(-1)
    // A reader that honours the mark (Excel, pandas, TextDecoder) gets the header as written.
    expect(new TextDecoder('utf-8').decode(bytes).startsWith(header)).toBe(true)
  })
})

it('keeps non-ASCII text as it is written', () => {
  const csv = renderCsv(report)
  expect(csv.slice(1)).toMatch(/[\u00A0-\uFEFE]/u)
})
