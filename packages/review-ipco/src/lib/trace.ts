import type {
  AudienceEntry,
  CmocEntry,
  EvidenceEntry,
  GroupEntry,
  RecommendationEntry,
  ReportLink,
  StudyEntry,
} from '@realist-kb/core'
import {
  getAudience,
  getCmoc,
  getEvidence,
  getGroup,
  getRecommendation,
  getStudy,
} from './lookup.js'

/**
 * One piece of evidence behind a CMOC: the entry, its study, and how it is linked to the CMOC.
 *
 * @example
 * ```ts
 * import { traceOf, type EvidenceStep } from '@realist-kb/review-ipco'
 * const steps: EvidenceStep[] = traceOf('rec-2-3')?.cmocs.flatMap((step) => step.evidence) ?? []
 * steps.map((step) => `${step.study.id}: ${step.evidence.quote ?? step.evidence.point}`)
 * ```
 */
export interface EvidenceStep {
  /** The evidence-to-CMOC link: basis (`stated` or `inferred`) and where it is stated. */
  readonly link: ReportLink
  readonly evidence: EvidenceEntry
  readonly study: StudyEntry
}

/**
 * One CMOC a recommendation derives from, with the link and the evidence behind the CMOC.
 *
 * @example
 * ```ts
 * import { traceOf, type CmocStep } from '@realist-kb/review-ipco'
 * const steps: readonly CmocStep[] = traceOf('rec-2-3')?.cmocs ?? []
 * steps.map((step) => `${step.cmoc.id} (${step.link.basis}): ${step.evidence.length} evidence`)
 * ```
 */
export interface CmocStep {
  /** The recommendation-to-CMOC link: basis and where it is stated. */
  readonly link: ReportLink
  readonly cmoc: CmocEntry
  readonly evidence: readonly EvidenceStep[]
}

/**
 * The chain from a recommendation down to its studies, with every entry resolved.
 *
 * @example
 * ```ts
 * import { traceOf, type RecommendationChain } from '@realist-kb/review-ipco'
 * const chain: RecommendationChain | undefined = traceOf('rec-2-3')
 * chain?.audiences.map((audience) => audience.name)
 * ```
 */
export interface RecommendationChain {
  readonly recommendation: RecommendationEntry
  readonly group?: GroupEntry
  readonly audiences: readonly AudienceEntry[]
  readonly cmocs: readonly CmocStep[]
}

/**
 * Trace a recommendation to the CMOCs it derives from, the evidence behind each CMOC and the
 * studies that evidence comes from, or `undefined` for an unknown id. Computed from the report
 * data alone: no graph, no markdown.
 *
 * @example
 * ```ts
 * import { traceOf } from '@realist-kb/review-ipco'
 * for (const step of traceOf('rec-2-3')?.cmocs ?? []) {
 *   console.log(step.cmoc.id, step.link.basis, step.evidence.map((e) => e.study.id))
 * }
 * ```
 */
export function traceOf(recommendationId: string): RecommendationChain | undefined {
  const recommendation = getRecommendation(recommendationId)
  if (recommendation === undefined) return undefined
  const group = recommendation.group === undefined ? undefined : getGroup(recommendation.group)
  return {
    recommendation,
    ...(group === undefined ? {} : { group }),
    audiences: resolve(recommendation.audiences, getAudience),
    cmocs: recommendation.cmocs.flatMap((link) => {
      const cmoc = getCmoc(link.id)
      return cmoc === undefined ? [] : [{ link, cmoc, evidence: evidenceSteps(cmoc) }]
    }),
  }
}

function evidenceSteps(cmoc: CmocEntry): EvidenceStep[] {
  return cmoc.evidence.flatMap((id) => {
    const evidence = getEvidence(id)
    const study = evidence === undefined ? undefined : getStudy(evidence.study)
    const link = evidence?.cmocs.find((candidate) => candidate.id === cmoc.id)
    return evidence === undefined || study === undefined || link === undefined
      ? []
      : [{ link, evidence, study }]
  })
}

function resolve<T>(ids: readonly string[], get: (id: string) => T | undefined): T[] {
  return ids.flatMap((id) => {
    const item = get(id)
    return item === undefined ? [] : [item]
  })
}
