import type { Position } from '../diagnostics/diagnostic.js'
import type { AudienceData } from '../kinds/audience.js'
import type { CmocData } from '../kinds/cmoc.js'
import type { EvidenceEntryData } from '../kinds/evidence.js'
import type { GroupData } from '../kinds/group.js'
import type { EntityKind } from '../kinds/index.js'
import type { RecommendationData } from '../kinds/recommendation.js'
import type { ReviewData } from '../kinds/review.js'
import type { StudyData } from '../kinds/study.js'
import type { Basis } from '../schema/common.js'

/**
 * A place in a knowledge base: a file (relative, `/`-separated) and a position in it.
 *
 * @example
 * ```ts
 * const where = (place: Place): string => `${place.file}:${place.line}:${place.column}`
 * ```
 */
export interface Place extends Position {
  readonly file: string
}

/**
 * The kinds of edge in the knowledge-base graph.
 *
 * @example
 * ```ts
 * const cmocs = neighbours(kb.graph, 'rec-2-3', 'out', 'derived-from' satisfies EdgeType, 'cmoc')
 * ```
 */
export type EdgeType =
  | 'derived-from'
  | 'addresses'
  | 'belongs-to'
  | 'evidences'
  | 'drawn-from'
  | 'relates-to'
  | 'leads-to'
  | 'nested-in'
  | 'refines'
  | 'conflicts-with'
  | 'includes'
  | 'mentions'

/**
 * A reference from one entity to another, as written, before it is resolved.
 *
 * @example
 * ```ts
 * const entity = kb.graph.getNodeAttributes('rec-2-3')
 * const inferred: Link[] = entity.links.filter((link) => link.basis === 'inferred')
 * ```
 */
export interface Link {
  /** The field that holds it, as a path (`cmocs[1]`), or `body` for inline `[[id]]` links. */
  readonly field: string
  /** The id it names. */
  readonly target: string
  /** The kinds the field accepts. */
  readonly expected: readonly EntityKind[]
  /** The edge it becomes once resolved. */
  readonly type: EdgeType
  /** Whether the source states the link or the encoder inferred it. */
  readonly basis: Basis
  /** Where in the source document the link is stated. */
  readonly location?: string
  /** Why an inferred link is made. */
  readonly rationale?: string
  /** Where the link is written. */
  readonly place: Place
}

/**
 * Evidence data with its study resolved to an id, whichever form it was written in. `tags` are
 * those of an evidence file of its own (an entry inside a study has none).
 *
 * @example
 * ```ts
 * const evidence = entitiesOfKind(kb.graph, 'evidence')
 * const byStudy = (data: EvidenceData): string => `${data.study}: ${data.point}`
 * evidence.map((entry) => byStudy(entry.data))
 * ```
 */
export type EvidenceData = EvidenceEntryData & {
  readonly study: string
  readonly tags?: readonly string[]
}

/**
 * A study's own data; its evidence entries become entities of their own.
 *
 * @example
 * ```ts
 * const designOf = (data: StudyOwnData): string => data.design ?? 'unknown'
 * entitiesOfKind(kb.graph, 'study').map((study) => designOf(study.data))
 * ```
 */
export type StudyOwnData = Omit<StudyData, 'evidence'>

interface EntityCommon {
  readonly id: string
  /** File that defines the entity (relative to the content folder). */
  readonly file: string
  /** Where the entity starts in its file (for evidence entries, the list entry). */
  readonly position: Position
  /** The markdown body (empty for evidence entries written inside a study). */
  readonly body: string
  /** Every reference the entity makes, frontmatter and body alike. */
  readonly links: readonly Link[]
}

/**
 * Entities by kind: a discriminated union on `kind`.
 *
 * @example
 * ```ts
 * const label = (entity: Entity): string => {
 *   if (entity.kind === 'cmoc') return entity.data.title
 *   if (entity.kind === 'study') return entity.data.citation.title
 *   return entity.id
 * }
 * ```
 */
export type Entity =
  | (EntityCommon & { readonly kind: 'review'; readonly data: ReviewData })
  | (EntityCommon & { readonly kind: 'group'; readonly data: GroupData })
  | (EntityCommon & { readonly kind: 'cmoc'; readonly data: CmocData })
  | (EntityCommon & { readonly kind: 'study'; readonly data: StudyOwnData })
  | (EntityCommon & { readonly kind: 'evidence'; readonly data: EvidenceData })
  | (EntityCommon & { readonly kind: 'recommendation'; readonly data: RecommendationData })
  | (EntityCommon & { readonly kind: 'audience'; readonly data: AudienceData })

/**
 * The entity of one kind.
 *
 * @example
 * ```ts
 * const cmocs: EntityOf<'cmoc'>[] = entitiesOfKind(kb.graph, 'cmoc')
 * cmocs.map((cmoc) => cmoc.data.outcome)
 * ```
 */
export type EntityOf<K extends EntityKind> = Extract<Entity, { kind: K }>
