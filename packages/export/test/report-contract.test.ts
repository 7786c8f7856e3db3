import type { TraceReport } from '@realist-kb/core'
import { type Exporter, reportExporters } from '@realist-kb/export'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundledReport, fixtureReport, looseEndsReport } from './report-helpers.js'

/** Checks that every in-document link of one format resolves, given the rendered text. */
const linkCheckers: Record<string, (text: string, report: TraceReport) => string[]> = {
  html: (text) =>
    unresolved(
      [...text.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? ''),
      new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '')),
    ),
  md: (text) => {
    const anchors = new Set([...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] ?? ''))
    for (const heading of text.matchAll(/^#+ (.+)$/gm)) anchors.add(githubSlug(heading[1] ?? ''))
    return unresolved(
      [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? ''),
      anchors,
    )
  },
  json: (text, report) => {
    const parsed = JSON.parse(text) as TraceReport
    const ids = new Set(
      [
        ...parsed.cmocs,
        ...parsed.studies,
        ...parsed.recommendations,
        ...parsed.audiences,
        ...parsed.groups,
        ...parsed.evidence,
      ].map((x) => x.id),
    )
    const references = [
      ...parsed.recommendations.flatMap((r) => [
        ...r.cmocs.map((l) => l.id),
        ...r.audiences,
        ...r.studies,
      ]),
      ...parsed.cmocs.flatMap((c) => [...c.evidence, ...c.studies, ...c.recommendations]),
      ...parsed.evidence.flatMap((e) => [e.study, ...e.cmocs.map((l) => l.id)]),
    ]
    expect(parsed.recommendations).toHaveLength(report.recommendations.length)
    return unresolved(references, ids)
  },
  csv: (text, report) => {
    const ids = new Set([...report.cmocs, ...report.studies, ...report.evidence].map((x) => x.id))
    const rows = text.trimEnd().split('\r\n').slice(1)
    return unresolved(
      rows.flatMap((row) =>
        row
          .split(',')
          .filter((cell) => /^(cmoc|[a-z]+-\d{4}(-e\d+)?)/.test(cell) && /^[a-z0-9-]+$/.test(cell)),
      ),
      ids,
    )
  },
  'gap-map': (text, report) => {
    const cmocs = new Set(report.cmocs.map((c) => c.id))
    return unresolved(
      text
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((row) => row.split(',')[1] ?? ''),
      cmocs,
    )
  },
}

function unresolved(references: readonly string[], targets: ReadonlySet<string>): string[] {
  return [...new Set(references.filter((reference) => !targets.has(reference)))]
}

function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-')
}

const inputs: [string, () => Promise<TraceReport>][] = [
  ['valid fixture', () => fixtureReport('valid')],
  ['hostile fixture', () => fixtureReport('hostile', 'export')],
  ['bundled review', bundledReport],
  ['valid fixture with a recommendation under no group', looseEndsReport],
]

describe.each(Object.entries(reportExporters) as [string, Exporter][])(
  'report exporter %s',
  (name, exporter) => {
    describe.each(inputs)('on the %s', (_label, load) => {
      let report: TraceReport
      beforeAll(async () => {
        report = await load()
      })

      it('is deterministic: same input, byte-identical output', async () => {
        expect(exporter.render(report)).toBe(exporter.render(await load()))
      })

      it('includes every recommendation (or, for the gap map, every CMOC)', () => {
        expect(report.recommendations.length).toBeGreaterThan(0)
        const output = exporter.render(report)
        const ids =
          name === 'gap-map'
            ? report.cmocs.map((c) => c.id)
            : report.recommendations.map((r) => r.id)
        for (const id of ids) expect(output).toContain(id)
      })

      it('has no link that fails to resolve', () => {
        const check = linkCheckers[name]
        expect(check, `a link checker for ${name}`).toBeDefined()
        expect(check?.(exporter.render(report), report)).toEqual([])
      })
    })
  },
)
