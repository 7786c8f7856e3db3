import path from 'node:path'
import { buildTraceReport, traceRecommendation } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { beforeAll, describe, expect, it } from 'vitest'
import * as reviewIpco from '../src/index.js'

// The data package against the loader: what an app reads from the JSON must be what core
// computes from the markdown.
describe('@realist-kb/review-ipco', () => {
  let kb: Awaited<ReturnType<typeof loadDirectory>>

  beforeAll(async () => {
    kb = await loadDirectory(path.resolve(import.meta.dirname, '../../../content'))
  })

  it('holds the trace report core computes from content/', () => {
    expect(reviewIpco.report).toEqual(JSON.parse(JSON.stringify(buildTraceReport(kb))))
    expect(reviewIpco.report.diagnostics.errors).toBe(0)
  })

  it('holds every entity of the graph', () => {
    expect(reviewIpco.entities.map((entity) => entity.id).sort()).toEqual(kb.graph.nodes().sort())
    expect(reviewIpco.getEntity('cmoc-2c')).toEqual(
      JSON.parse(JSON.stringify(kb.graph.getNodeAttributes('cmoc-2c'))),
    )
  })

  it('gives the review and its tables', () => {
    expect(reviewIpco.review.doi).toBe('10.1186/s12916-025-04083-1')
    expect(reviewIpco.groups).toHaveLength(4)
    expect(reviewIpco.cmocs).toHaveLength(18)
    expect(reviewIpco.recommendations).toHaveLength(22)
    expect(reviewIpco.data.report).toBe(reviewIpco.report)
  })

  it('looks entries up by id', () => {
    expect(reviewIpco.getRecommendation('rec-2-3')?.id).toBe('rec-2-3')
    expect(reviewIpco.getCmoc('cmoc-2c')?.group).toBe('cognitive-participation')
    expect(reviewIpco.getStudy('collins-2022')?.id).toBe('collins-2022')
    expect(reviewIpco.getGroup('coherence')?.name).toBe('Coherence')
    const audience = reviewIpco.audiences[0]
    expect(reviewIpco.getAudience(audience?.id ?? '')).toBe(audience)
    const evidence = reviewIpco.evidence[0]
    expect(reviewIpco.getEvidence(evidence?.id ?? '')).toBe(evidence)
    expect(reviewIpco.getCmoc('rec-2-3')).toBeUndefined()
    expect(reviewIpco.getRecommendation('nope')).toBeUndefined()
    expect(reviewIpco.getEntity('nope')).toBeUndefined()
  })

  it('traces every recommendation as core does', () => {
    for (const rec of reviewIpco.recommendations) {
      const chain = reviewIpco.traceOf(rec.id)
      const expected = traceRecommendation(kb.graph, rec.id)
      expect(chain?.recommendation).toBe(rec)
      expect(chain?.group?.id).toBe(expected?.group?.id)
      expect(chain?.audiences.map((audience) => audience.id)).toEqual(
        expected?.audiences.map((audience) => audience.entity.id),
      )
      expect(
        chain?.cmocs.map((step) => ({
          cmoc: step.cmoc.id,
          basis: step.link.basis,
          evidence: step.evidence.map((e) => [e.evidence.id, e.study.id, e.link.basis]),
        })),
      ).toEqual(
        expected?.cmocs.map((step) => ({
          cmoc: step.cmoc.id,
          basis: step.link?.basis,
          evidence: step.evidence.map((e) => [e.evidence.id, e.study?.id, e.link.basis]),
        })),
      )
    }
    expect(reviewIpco.traceOf('cmoc-2c')).toBeUndefined()
  })
})
