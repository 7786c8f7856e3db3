import type {
  AudienceEntry,
  CmocEntry,
  Entity,
  EvidenceEntry,
  GroupEntry,
  RecommendationEntry,
  StudyEntry,
} from '@realist-kb/core'
import { audiences, cmocs, entities, evidence, groups, recommendations, studies } from './data.js'

// Indexes are built on first use, so importing the package costs nothing until a lookup.
function index<T extends { readonly id: string }>(
  items: readonly T[],
): (id: string) => T | undefined {
  let byId: Map<string, T> | undefined
  return (id) => {
    byId ??= new Map(items.map((item) => [item.id, item]))
    return byId.get(id)
  }
}

/**
 * A recommendation by id, or `undefined`.
 *
 * @example
 * ```ts
 * import { getRecommendation } from '@realist-kb/review-ipco'
 * getRecommendation('rec-2-3')?.text
 * ```
 */
export const getRecommendation: (id: string) => RecommendationEntry | undefined =
  index(recommendations)

/**
 * A CMOC by id, or `undefined`.
 *
 * @example
 * ```ts
 * import { getCmoc } from '@realist-kb/review-ipco'
 * const cmoc = getCmoc('cmoc-2c')
 * console.log(cmoc?.context, cmoc?.mechanism.resource, cmoc?.outcome)
 * ```
 */
export const getCmoc: (id: string) => CmocEntry | undefined = index(cmocs)

/**
 * A study by id, or `undefined`.
 *
 * @example
 * ```ts
 * import { getStudy } from '@realist-kb/review-ipco'
 * getStudy('collins-2022')?.recommendations
 * ```
 */
export const getStudy: (id: string) => StudyEntry | undefined = index(studies)

/**
 * An evidence entry by id, or `undefined`.
 *
 * @example
 * ```ts
 * import { getEvidence, getCmoc } from '@realist-kb/review-ipco'
 * const first = getCmoc('cmoc-2c')?.evidence[0]
 * const entry = first === undefined ? undefined : getEvidence(first)
 * ```
 */
export const getEvidence: (id: string) => EvidenceEntry | undefined = index(evidence)

/**
 * A group by id (`coherence`, `cognitive-participation`, `collective-action`,
 * `reflexive-monitoring`), or `undefined`.
 *
 * @example
 * ```ts
 * import { getGroup } from '@realist-kb/review-ipco'
 * getGroup('coherence')?.cmocs
 * ```
 */
export const getGroup: (id: string) => GroupEntry | undefined = index(groups)

/**
 * An audience by id, or `undefined`.
 *
 * @example
 * ```ts
 * import { audiences, getAudience } from '@realist-kb/review-ipco'
 * getAudience(audiences[0]?.id ?? '')?.examples
 * ```
 */
export const getAudience: (id: string) => AudienceEntry | undefined = index(audiences)

/**
 * Any entity by id, as the loader read it (frontmatter data, markdown body, links), or
 * `undefined`.
 *
 * @example
 * ```ts
 * import { getEntity } from '@realist-kb/review-ipco'
 * const entity = getEntity('cmoc-2c')
 * if (entity?.kind === 'cmoc') console.log(entity.data.group, entity.body)
 * ```
 */
export const getEntity: (id: string) => Entity | undefined = index(entities)
