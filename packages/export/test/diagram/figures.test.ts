import { buildTraceReport, loadFromMemory } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { maxTraceFigures, maxTraceStudies, traceFigure } from '../../src/html/diagram-html.js'

// A base with more recommendations than the report draws traces for, each resting on one CMOC
// with more studies than a trace draws: made here, so its size is a parameter, not a file.
function largeReport() {
  const studies = maxTraceStudies + 3
  return buildTraceReport(
    loadFromMemory([
      {
        path: 'cmocs/cmoc-1.md',
        text: '---\nkind: cmoc\ntitle: One\ncontext: C.\nmechanism: M.\noutcome: O.\n---\n',
      },
      ...Array.from({ length: maxTraceFigures + 2 }, (_, index) => ({
        path: `recommendations/rec-${index + 1}.md`,
        text: `---\nkind: recommendation\ntext: Do thing ${index + 1}.\ncmocs: [cmoc-1]\n---\n`,
      })),
      ...Array.from({ length: studies }, (_, index) => ({
        path: `studies/s-${index + 1}.md`,
        text: `---\nkind: study\ncitation:\n  authors: [Doe J]\n  year: ${2000 + index}\n  title: Study ${index + 1}\nevidence:\n  - cmocs: [cmoc-1]\n    relation: supports\n    point: Yes.\n---\n`,
      })),
    ]),
  )
}

describe('inline trace figures in the report', () => {
  const report = largeReport()

  it('draws a trace with at most the capped number of studies, and says how many are left out', () => {
    const [first] = report.recommendations
    if (!first) throw new Error('no recommendation')
    const html = traceFigure(report, first)
    expect(html).toContain('<svg')
    expect(html.match(/data-kind="study"/g)).toHaveLength(maxTraceStudies)
    expect(html).toContain(`${maxTraceStudies} of ${maxTraceStudies + 3} studies drawn`)
  })

  it('draws traces for the first recommendations only, and names the command for the others', () => {
    const last = report.recommendations.at(-1)
    const lastDrawn = report.recommendations[maxTraceFigures - 1]
    if (!last || !lastDrawn) throw new Error('too few recommendations')
    expect(traceFigure(report, lastDrawn)).toContain('<svg')
    const note = traceFigure(report, last)
    expect(note).not.toContain('<svg')
    expect(note).toContain(`realist-kb export --format svg --trace ${last.id}`)
  })
})
