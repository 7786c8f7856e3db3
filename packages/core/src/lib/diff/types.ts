import type { EntityKind } from '../kinds/index.js'
import type { Basis } from '../schema/common.js'

/**
 * Version of the {@link KnowledgeBaseDiff} shape; bumped when a field changes meaning or goes.
 *
 * @example
 * ```ts
 * if (diff.version !== knowledgeBaseDiffVersion) throw new Error('Unexpected diff version')
 * ```
 */
export const knowledgeBaseDiffVersion = 1

/**
 * An entity named in a diff: its kind, id, file and title on the side it is found.
 *
 * @example
 * ```ts
 * const line = (ref: DiffEntity): string => `${ref.kind} ${ref.id} (${ref.file})`
 * ```
 */
export interface DiffEntity {
  readonly kind: EntityKind
  readonly id: string
  readonly file: string
  readonly title: string
}

/**
 * An entity whose id or file changed while its content stayed the same: reported once, not as a
 * removal and an addition.
 *
 * @example
 * ```ts
 * const line = (rename: RenamedEntity): string => `${rename.from.id} -> ${rename.to.id}`
 * ```
 */
export interface RenamedEntity {
  readonly kind: EntityKind
  readonly from: DiffEntity
  readonly to: DiffEntity
}

/**
 * Ids gained and lost between two versions, each list sorted.
 *
 * @example
 * ```ts
 * const changed = (ids: GainedLost): boolean => ids.gained.length + ids.lost.length > 0
 * ```
 */
export interface GainedLost {
  readonly gained: readonly string[]
  readonly lost: readonly string[]
}

/**
 * A link whose basis changed (stated by the source <-> inferred by the encoder).
 *
 * @example
 * ```ts
 * const line = (change: BasisChange): string => `${change.target}: ${change.from} -> ${change.to}`
 * ```
 */
export interface BasisChange {
  /** The id the link points to (a CMOC for a recommendation, a CMOC or group for evidence). */
  readonly target: string
  readonly from: Basis
  readonly to: Basis
}

/**
 * What changed in one recommendation present in both versions.
 *
 * @example
 * ```ts
 * const lostCmocs = (diff: KnowledgeBaseDiff): string[] =>
 *   diff.recommendations.flatMap((change: RecommendationDiff) => change.cmocs.lost)
 * ```
 */
export interface RecommendationDiff {
  readonly id: string
  readonly title: string
  /** The recommendation's text, when it changed. */
  readonly text?: TextChange
  readonly cmocs: GainedLost
  /** Evidence entries behind its CMOCs. */
  readonly evidence: GainedLost
  /** Studies behind its CMOCs. */
  readonly studies: GainedLost
  /** Links to CMOCs whose basis changed. */
  readonly basis: readonly BasisChange[]
  /** Its CMOCs (in both versions) whose overall confidence changed. */
  readonly confidence: readonly CmocConfidenceChange[]
}

/**
 * A judgement whose level or explanation changed: a GRADE-CERQual component or the overall
 * confidence of a CMOC, a dimension of a study's appraisal, a status. `null` is "not assessed"
 * (or, for a status, not given).
 *
 * @example
 * ```ts
 * const change: JudgementChange = { aspect: 'adequacy', from: 'minor', to: 'moderate' }
 * const line = `${change.aspect}: ${change.from ?? 'not assessed'} -> ${change.to ?? 'not assessed'}`
 * ```
 */
export interface JudgementChange {
  /** What is judged: `overall`, a component (`adequacy`), a dimension (`rigour`), `status`. */
  readonly aspect: string
  readonly from: string | null
  readonly to: string | null
  /** The explanation or justification, when it changed. */
  readonly explanation?: TextChange
}

/**
 * A CMOC behind a recommendation whose overall confidence changed.
 *
 * @example
 * ```ts
 * const line = (change: CmocConfidenceChange): string => `${change.cmoc}: ${change.from} -> ${change.to}`
 * ```
 */
export interface CmocConfidenceChange {
  readonly cmoc: string
  readonly from: string | null
  readonly to: string | null
}

/**
 * Links of one type from a CMOC to other CMOCs (`leadsTo`, `nestedIn`, `refines`,
 * `conflictsWith`, `related`, as written in its file) gained and lost.
 *
 * @example
 * ```ts
 * const line = (change: CmocLinkChange): string => `${change.relation} gained: ${change.gained.join(', ')}`
 * ```
 */
export interface CmocLinkChange extends GainedLost {
  readonly relation: string
}

/**
 * What changed in the judgement of one study present in both versions: its appraisal
 * (relevance, richness, rigour) and its inclusion status.
 *
 * @example
 * ```ts
 * const downgraded = (change: StudyDiff): boolean => change.appraisal.some((a) => a.to === 'low')
 * ```
 */
export interface StudyDiff {
  readonly id: string
  readonly title: string
  readonly appraisal: readonly JudgementChange[]
  /** Its inclusion status (`included`, `excluded`, ...), when it changed. */
  readonly inclusion?: JudgementChange
}

/**
 * Acknowledged gaps of one entity gained and lost (by gap name), or whose reason changed.
 *
 * @example
 * ```ts
 * const line = (change: AcknowledgementDiff): string => `${change.id}: +${change.gained.join(', ')}`
 * ```
 */
export interface AcknowledgementDiff extends GainedLost {
  readonly kind: EntityKind
  readonly id: string
  readonly title: string
  /** Gaps acknowledged on both sides whose reason was reworded. */
  readonly reworded: readonly string[]
}

/**
 * Old and new wording of a text, each as a list (a CMOC part may be one text or several).
 *
 * @example
 * ```ts
 * const change: TextChange = { from: ['Staff trained'], to: ['Staff trained together'] }
 * ```
 */
export interface TextChange {
  readonly from: readonly string[]
  readonly to: readonly string[]
}

/**
 * A CMOC part whose text changed.
 *
 * @example
 * ```ts
 * const line = (change: CmocPartChange): string => `${change.part}: ${change.to.join('; ')}`
 * ```
 */
export interface CmocPartChange extends TextChange {
  readonly part: 'context' | 'mechanism' | 'resource' | 'response' | 'outcome'
}

/**
 * What changed in one CMOC present in both versions.
 *
 * @example
 * ```ts
 * const gainedStudies = (change: CmocDiff): readonly string[] => change.studies.gained
 * ```
 */
export interface CmocDiff {
  readonly id: string
  readonly title: string
  readonly evidence: GainedLost
  readonly studies: GainedLost
  /** Evidence links whose basis changed, by evidence id. */
  readonly basis: readonly BasisChange[]
  readonly parts: readonly CmocPartChange[]
  /** Whether it is given whole or in part (`complete`, `incomplete`), when that changed. */
  readonly status?: JudgementChange
  /** GRADE-CERQual: the overall confidence and the components whose judgement changed. */
  readonly confidence: readonly JudgementChange[]
  /** Links to other CMOCs gained and lost, per type. */
  readonly links: readonly CmocLinkChange[]
}

/**
 * What changed between two versions of a knowledge base: entities added, removed and renamed,
 * and, for each recommendation and CMOC in both, what it gained and lost; the judgements that
 * changed (confidence, appraisal, status, acknowledged gaps). Only changed entities are listed.
 *
 * @example
 * ```ts
 * const diff: KnowledgeBaseDiff = diffKnowledgeBases(before, after)
 * console.log(diff.entities.added.length, diff.recommendations.length)
 * ```
 */
export interface KnowledgeBaseDiff {
  readonly version: typeof knowledgeBaseDiffVersion
  readonly entities: {
    readonly added: readonly DiffEntity[]
    readonly removed: readonly DiffEntity[]
    readonly renamed: readonly RenamedEntity[]
  }
  readonly recommendations: readonly RecommendationDiff[]
  readonly cmocs: readonly CmocDiff[]
  /** Studies whose appraisal or inclusion status changed. */
  readonly studies: readonly StudyDiff[]
  /** Entities of any kind whose acknowledged gaps changed. */
  readonly acknowledgements: readonly AcknowledgementDiff[]
}
