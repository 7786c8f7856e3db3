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
}

/**
 * What changed between two versions of a knowledge base: entities added, removed and renamed,
 * and, for each recommendation and CMOC in both, what it gained and lost. Only changed
 * recommendations and CMOCs are listed.
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
}
