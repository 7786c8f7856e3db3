import type { KnowledgeGraph } from '../graph/types.js'
import { entitiesOfKind } from '../query/neighbours.js'
import { kindDefinitions } from './index.js'
import type { TemplateReferences } from './kind.js'
import type { EntityKind } from './names.js'

/**
 * Where a new entity of a kind is written, relative to the content folder: `review.md`, or
 * `<folder>/<id>.md`.
 *
 * @example
 * ```ts
 * entityFilePath('cmoc', 'cmoc-2c') // 'cmocs/cmoc-2c.md'
 * entityFilePath('review', 'my-review') // 'review.md'
 * ```
 */
export function entityFilePath(kind: EntityKind, id: string): string {
  return kind === 'review' ? 'review.md' : `${kindDefinitions[kind].folder}/${id}.md`
}

/**
 * The file `new` would write for an entity, or the kind that must exist first. References are
 * filled with the first entity of each kind the template needs or uses (by order, then id), to be
 * checked by whoever fills the template in; a kind it only uses may be absent.
 *
 * @example
 * ```ts
 * const template = entityTemplate(kb.graph, 'cmoc', 'cmoc-1a')
 * if ('missing' in template) console.log(`create a ${template.missing} first`)
 * else console.log(template.path, template.references.group) // 'cmocs/cmoc-1a.md' 'coherence'
 * ```
 */
export function entityTemplate(
  graph: KnowledgeGraph | undefined,
  kind: EntityKind,
  id: string,
): EntityTemplate {
  const { needs, uses, render } = kindDefinitions[kind].template
  const references: Partial<Record<EntityKind, string>> = {}
  for (const referred of [...needs, ...uses]) {
    const first = graph === undefined ? undefined : entitiesOfKind(graph, referred)[0]?.id
    if (first !== undefined) references[referred] = first
    else if (needs.includes(referred)) return { missing: referred }
  }
  return { path: entityFilePath(kind, id), text: render(id, references), references }
}

/**
 * What {@link entityTemplate} gives: the file's path and text with the references it filled in,
 * or the first kind the template needs and the knowledge base lacks.
 *
 * @example
 * ```ts
 * const written = (template: EntityTemplate): boolean => 'text' in template
 * ```
 */
export type EntityTemplate =
  | {
      readonly path: string
      readonly text: string
      readonly references: TemplateReferences
    }
  | { readonly missing: EntityKind }
