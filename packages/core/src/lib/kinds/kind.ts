import type { z } from 'zod'
import type { KnowledgeGraph } from '../graph/types.js'
import type { EdgeType, EntityOf } from '../model/entity.js'
import type { EntityKind } from './names.js'

/**
 * A reference field of a kind: where it sits in the data, which kinds it accepts and the edge it
 * becomes once resolved.
 *
 * @example
 * ```ts
 * const field: ReferenceField = { key: 'cmocs', many: true, expected: ['cmoc'], type: 'derived-from' }
 * ```
 */
export interface ReferenceField {
  /** Path of the field inside the entity's data (`cmocs`, `group`). */
  readonly key: string
  readonly many: boolean
  readonly expected: readonly EntityKind[]
  readonly type: EdgeType
}

/**
 * The evidence gaps reviewers care about, as warnings. Each kind says which of them it raises;
 * any of them can be acknowledged, on the entity or for the whole review, with a reason.
 *
 * @example
 * ```ts
 * for (const name of gapNames) console.log(name, catalogue[name].code)
 * ```
 */
export const gapNames = [
  'recommendation-without-cmoc',
  'recommendation-without-audience',
  'cmoc-without-evidence',
  'single-study-cmoc',
  'uncited-study',
  'group-without-cmoc',
] as const

/**
 * A kind of evidence gap.
 *
 * @example
 * ```ts
 * const singleStudy: GapName = 'single-study-cmoc'
 * ```
 */
export type GapName = (typeof gapNames)[number]

/**
 * One gap found on an entity, before acknowledgements are applied.
 *
 * @example
 * ```ts
 * const finding: GapFinding = { name: 'uncited-study', message: 'Unexpected study ...' }
 * ```
 */
export interface GapFinding {
  readonly name: GapName
  readonly message: string
}

/**
 * The entities a `new` template refers to, by kind: the id that fills each reference field.
 *
 * @example
 * ```ts
 * const references: TemplateReferences = { group: 'coherence', audience: 'public' }
 * ```
 */
export type TemplateReferences = Readonly<Partial<Record<EntityKind, string>>>

/**
 * How `new` writes a file of a kind: the kinds its references need (one of each must exist), the
 * kinds it refers to when one exists (a CMOC's group: groups are optional), and the markdown. A
 * template validates as written: required fields hold TODO text, optional fields are comments,
 * and references point at the entities given.
 *
 * @example
 * ```ts
 * const { needs, uses, render } = kindDefinitions.cmoc.template
 * render('cmoc-1a', { group: 'coherence' }) // '---\nkind: cmoc\nid: cmoc-1a\n...'
 * ```
 */
export interface KindTemplate {
  readonly needs: readonly EntityKind[]
  readonly uses: readonly EntityKind[]
  readonly render: (id: string, references: TemplateReferences) => string
}

/**
 * Everything the library knows about one kind of entity, in one place: its folder, schema,
 * reference fields, gap rules, how it is named and shown, and its `new` template. Parsing, the graph, the checks, the
 * reports and the command line all read a kind from here.
 *
 * @example
 * ```ts
 * const { folder, references } = kindDefinitions.cmoc
 * console.log(folder, references.map((field) => field.key)) // 'cmocs' ['group', 'related']
 * ```
 */
export interface KindDefinition<K extends EntityKind = EntityKind> {
  readonly kind: K
  /** Folder relative to the content folder (`''` is the folder itself). */
  readonly folder: string
  /** The zod schema of the frontmatter. */
  readonly schema: z.ZodType
  readonly references: readonly ReferenceField[]
  /** What readers call one and several of them (a group's names come from the review). */
  readonly noun: { readonly singular: string; readonly plural: string }
  /** The gaps this kind can raise (and so can acknowledge). */
  readonly gaps: readonly GapName[]
  /** The gap rules: what is missing around one entity of this kind. */
  readonly findGaps?: (graph: KnowledgeGraph, entity: EntityOf<K>) => GapFinding[]
  /** A short label: `CMOC2c`, `Collins et al. 2022`, `rec-2-3`. */
  readonly label: (entity: EntityOf<K>) => string
  /** The main text: a title, a name, a recommendation's text. */
  readonly title: (entity: EntityOf<K>) => string
  /** The commented file `new` writes. */
  readonly template: KindTemplate
}
