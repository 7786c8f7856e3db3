import path from 'node:path'
import { buildTraceReport, gapNames, type KnowledgeBase, statistics } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { formatsOf } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { repositoryRoot } from './report-helpers.js'

// Reviews shaped unlike the bundled one (fictional content): findings by learner contexts with
// studies listed per context; CMOCs and studies with no links and no recommendations; no groups.
const shapes = ['contexts', 'no-links', 'no-groups'] as const
const shapesRoot = path.join(import.meta.dirname, 'fixtures/shapes')
const snapshots = path.join(import.meta.dirname, '__snapshots__/shapes')
const load = (shape: string): Promise<KnowledgeBase> => loadDirectory(path.join(shapesRoot, shape))

const textOf = (output: string | Uint8Array): string =>
  typeof output === 'string' ? output : new TextDecoder().decode(output)

describe('review shapes unlike the bundled one', () => {
  for (const shape of shapes) {
    it(`${shape}: validates with no error and no placeholder text`, async () => {
      const kb = await load(shape)
      expect(kb.graph.order).toBeGreaterThan(3)
      expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      for (const file of kb.files) expect(file).not.toMatch(/placeholder|todo/i)
    })

    it(`${shape}: its reports are snapshot-tested`, async () => {
      const report = buildTraceReport(await load(shape))
      for (const format of formatsOf('trace-report')) {
        if (!['html', 'md', 'csv', 'gap-map'].includes(format.name)) continue
        await expect(format.render(report)).toMatchFileSnapshot(
          path.join(snapshots, `${shape}.${format.name}.${format.extension}`),
        )
      }
    })

    // A review that uses neither NPT nor the word "construct" never sees them, in any output.
    it(`${shape}: no output names NPT or a construct`, async () => {
      const kb = await load(shape)
      const report = buildTraceReport(kb)
      const outputs: [string, string][] = []
      for (const format of formatsOf('trace-report'))
        outputs.push([format.name, textOf(format.render(report))])
      for (const format of formatsOf('knowledge-base')) {
        if (format.binary === true) continue
        outputs.push([format.name, textOf(format.render(kb))])
      }
      outputs.push(['stats', JSON.stringify(statistics(kb))])
      expect(outputs.length).toBeGreaterThan(10)
      for (const [name, text] of outputs) {
        expect(text.length, name).toBeGreaterThan(0)
        expect(text, name).not.toMatch(/construct|\bNPT\b|Normalisation Process/i)
      }
    })
  }

  it('the contexts review: evidence listed per context reaches every CMOC in it', async () => {
    const report = buildTraceReport(await load('contexts'))
    const c1 = report.cmocs.find((cmoc) => cmoc.id === 'c1')
    expect(c1?.studies).toEqual(['s-one-2019', 's-two-2021'])
    expect(c1?.mechanism.resource).toHaveLength(2)
    expect(report.vocabulary.group).toEqual({
      singular: 'learner context',
      plural: 'learner contexts',
    })
    // The implication that belongs to no context is still reported, under none.
    expect(report.recommendations.find((rec) => rec.id === 'i2')?.group).toBeUndefined()
  })

  it('the no-links review: a CMOC-first report with nothing printed empty', async () => {
    const report = buildTraceReport(await load('no-links'))
    const html = textOf(
      formatsOf('trace-report')
        .find((f) => f.name === 'html')
        ?.render(report) ?? '',
    )
    expect(html).not.toContain('id="rkb-recommendations"')
    expect(html).not.toContain('id="rkb-audiences"')
    expect(html).not.toContain('id="rkb-gap-map"')
    expect(html.indexOf('id="rkb-cmocs"')).toBeGreaterThan(0)
    // Every CMOC has a row in the long-format CSV, with or without a recommendation.
    const csv = textOf(
      formatsOf('trace-report')
        .find((f) => f.name === 'csv')
        ?.render(report) ?? '',
    )
    for (const cmoc of report.cmocs) expect(csv).toContain(`,${cmoc.id},`)
    // The gaps are acknowledged with the review's reason, and shown with it.
    expect(report.gaps.length).toBeGreaterThan(0)
    for (const gap of report.gaps) expect(gap.acknowledged).toMatch(/no study-to-CMOC mapping/)
  })
})

// One rule per gap, in one place: validate (the loader's diagnostics), stats and the report count
// the same gaps on the same bases.
describe('gap counts agree across validate, stats and the report', () => {
  const bases = [
    ...shapes.map((shape) => path.join(shapesRoot, shape)),
    path.join(repositoryRoot, 'content'),
    path.join(repositoryRoot, 'packages/core/test/fixtures/valid'),
    path.join(repositoryRoot, 'packages/core/test/fixtures/dangling-reference'),
    path.join(repositoryRoot, 'packages/core/test/fixtures/recommendation-without-cmoc'),
  ]
  for (const base of bases) {
    it(path.relative(repositoryRoot, base), async () => {
      const kb = await loadDirectory(base)
      const report = buildTraceReport(kb)
      const stats = statistics(kb)
      const fromValidate = kb.diagnostics.filter((d) =>
        (gapNames as readonly string[]).includes(d.name),
      ).length
      const fromStats = [...Object.values(stats.gaps), ...Object.values(stats.acknowledged)].flat()
        .length
      expect(report.gaps.length).toBe(fromValidate)
      expect(fromStats).toBe(report.gaps.length)
      // The report's own count of recommendations without CMOCs is the gap rule's.
      expect(report.recommendations.filter((rec) => rec.cmocs.length === 0).length).toBe(
        report.gaps.filter((gap) => gap.name === 'recommendation-without-cmoc').length,
      )
    })
  }
})
