import type { KnowledgeGraph } from '../graph/types.js'
import type { AppraisalDimension, AppraisalLevel } from '../kinds/study.js'
import type { EntityOf } from '../model/entity.js'
import { entitiesOfKind } from './neighbours.js'

/**
 * A study's level on one dimension of its appraisal, or `not-appraised`.
 *
 * @example
 * ```ts
 * const level: AppraisalLevelOrNot = 'not-appraised'
 * ```
 */
export type AppraisalLevelOrNot = AppraisalLevel | 'not-appraised'

/** Appraisal levels from highest to lowest, so that "at least" compares positions. */
const levelRank: Readonly<Record<AppraisalLevel, number>> = { high: 0, moderate: 1, low: 2 }

/**
 * The level of a study on one dimension of its appraisal.
 *
 * @example
 * ```ts
 * appraisalLevelOf(kb.graph.getNodeAttributes('fictional-2020') as EntityOf<'study'>, 'rigour') // 'moderate'
 * ```
 */
export function appraisalLevelOf(
  study: EntityOf<'study'>,
  dimension: AppraisalDimension,
): AppraisalLevelOrNot {
  return study.data.appraisal?.[dimension]?.level ?? 'not-appraised'
}

/**
 * Whether a study is appraised at `atLeast` or higher on a dimension (a study not appraised does
 * not meet any threshold).
 *
 * @example
 * ```ts
 * const counted = studies.filter((study) => meetsAppraisal(study, 'rigour', 'moderate'))
 * ```
 */
export function meetsAppraisal(
  study: EntityOf<'study'>,
  dimension: AppraisalDimension,
  atLeast: AppraisalLevel,
): boolean {
  const level = appraisalLevelOf(study, dimension)
  return level !== 'not-appraised' && levelRank[level] <= levelRank[atLeast]
}

/**
 * The ids of every study, by its level on one dimension of the appraisal (each list sorted).
 *
 * @example
 * ```ts
 * studiesByAppraisal(kb.graph, 'rigour').low // ['fictional-2019']
 * ```
 */
export function studiesByAppraisal(
  graph: KnowledgeGraph,
  dimension: AppraisalDimension,
): Record<AppraisalLevelOrNot, string[]> {
  const out: Record<AppraisalLevelOrNot, string[]> = {
    high: [],
    moderate: [],
    low: [],
    'not-appraised': [],
  }
  for (const study of entitiesOfKind(graph, 'study'))
    out[appraisalLevelOf(study, dimension)].push(study.id)
  return out
}
