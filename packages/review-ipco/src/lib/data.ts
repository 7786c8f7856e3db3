import type {
  AudienceEntry,
  CmocEntry,
  Entity,
  EvidenceEntry,
  GroupEntry,
  RecommendationEntry,
  ReviewSummary,
  StudyEntry,
  TraceReport,
} from '@realist-kb/core'
// Generated from content/ by `pnpm build:review-data`; a test fails when it is stale.
import json from '../data/review-ipco.json' with { type: 'json' }

/**
 * The compiled knowledge base of the review: its trace report and every entity.
 *
 * @example
 * ```ts
 * import { data } from '@realist-kb/review-ipco'
 * const { report, entities } = data
 * console.log(report.formatVersion, entities.length)
 * ```
 */
export interface ReviewIpcoData {
  /** The trace report (`buildTraceReport` of `@realist-kb/core`), as every exporter renders it. */
  readonly report: TraceReport
  /** Every entity, by kind (review, groups, CMOCs, studies, evidence, ...), then in order. */
  readonly entities: readonly Entity[]
}

/**
 * The whole data set, as generated from the markdown files of the review. The JSON carries no
 * type information, so it is typed here; the data test checks it against what core computes.
 *
 * @example
 * ```ts
 * import { data } from '@realist-kb/review-ipco'
 * data.entities.filter((entity) => entity.kind === 'study').length
 * ```
 */
export const data: ReviewIpcoData = json as unknown as ReviewIpcoData

/**
 * The trace report of the review (`formatVersion` 2, docs/report-json.md): recommendations,
 * CMOCs, evidence, studies, audiences and groups, each referring to the others by id.
 *
 * @example
 * ```ts
 * import { report } from '@realist-kb/review-ipco'
 * import { renderHtml } from '@realist-kb/export'
 * const html = renderHtml(report)
 * ```
 */
export const report: TraceReport = data.report

/**
 * The review itself: title, authors, year, journal, DOI, registration, theory and licence.
 *
 * @example
 * ```ts
 * import { review } from '@realist-kb/review-ipco'
 * console.log(`${review.title} (${review.journal} ${review.year}), doi:${review.doi}`)
 * ```
 */
export const review: ReviewSummary = required(report.review, 'the review summary')

/**
 * The 22 recommendations, in the order the review gives them.
 *
 * @example
 * ```ts
 * import { recommendations } from '@realist-kb/review-ipco'
 * for (const rec of recommendations) console.log(rec.id, rec.audiences.join(', '))
 * ```
 */
export const recommendations: readonly RecommendationEntry[] = report.recommendations

/**
 * The 18 CMOCs, grouped by group.
 *
 * @example
 * ```ts
 * import { cmocs } from '@realist-kb/review-ipco'
 * cmocs.map((cmoc) => `${cmoc.label}: ${cmoc.title}`)
 * ```
 */
export const cmocs: readonly CmocEntry[] = report.cmocs

/**
 * The studies the review's text cites, with citation, design, countries and what they support.
 *
 * @example
 * ```ts
 * import { studies } from '@realist-kb/review-ipco'
 * studies.filter((study) => study.countries.includes('GB')).length
 * ```
 */
export const studies: readonly StudyEntry[] = report.studies

/**
 * The evidence entries: a finding or quote from one study bearing on one or more CMOCs.
 *
 * @example
 * ```ts
 * import { evidence } from '@realist-kb/review-ipco'
 * evidence.filter((entry) => entry.relation === 'supports').length
 * ```
 */
export const evidence: readonly EvidenceEntry[] = report.evidence

/**
 * The four Normalisation Process Theory groups the review is organised by.
 *
 * @example
 * ```ts
 * import { groups } from '@realist-kb/review-ipco'
 * groups.map((group) => group.name)
 * ```
 */
export const groups: readonly GroupEntry[] = report.groups

/**
 * The audiences the recommendations address.
 *
 * @example
 * ```ts
 * import { audiences } from '@realist-kb/review-ipco'
 * audiences.map((audience) => `${audience.name}: ${audience.recommendations.length}`)
 * ```
 */
export const audiences: readonly AudienceEntry[] = report.audiences

/**
 * Every entity as the loader read it (kind, data, body, links with their places).
 *
 * @example
 * ```ts
 * import { entities } from '@realist-kb/review-ipco'
 * const cmoc = entities.find((entity) => entity.kind === 'cmoc' && entity.id === 'cmoc-2c')
 * ```
 */
export const entities: readonly Entity[] = data.entities

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Unexpected data without ${what}, expected it present`)
  return value
}
