import { shortCitation } from '@realist-kb/citations'
import { type CmocData, cmocPartsOf, type Entity, type ReferenceInput } from '@realist-kb/core'

// Diagrams and graph labels name a study by the one short label of `@realist-kb/citations`.
export { shortCitation }

/**
 * The id a reference names, whether written as a bare id or as an object.
 *
 * @example
 * ```ts
 * referenceId({ id: 'cmoc-2c', basis: 'inferred' }) // 'cmoc-2c'
 * ```
 */
export function referenceId(reference: ReferenceInput): string {
  return typeof reference === 'string' ? reference : reference.id
}

/**
 * A mechanism as one line of text, whether written as one text, a list, or resources and
 * responses (list items joined with `; `). Empty when the source gives none.
 *
 * @example
 * ```ts
 * mechanismText({ resource: 'Training.', response: 'Confidence.' })
 * // 'Resource: Training. Response: Confidence.'
 * ```
 */
export function mechanismText(mechanism: CmocData['mechanism']): string {
  const { text, resource, response } = cmocPartsOf({ mechanism }).mechanism
  if (text.length > 0) return text.join('; ')
  const parts: string[] = []
  if (resource.length > 0) parts.push(`Resource: ${resource.join('; ')}`)
  if (response.length > 0) parts.push(`Response: ${response.join('; ')}`)
  return parts.join(' ')
}

/**
 * A context or outcome as one line of text (list items joined with `; `), or `undefined` when
 * the source gives none.
 *
 * @example
 * ```ts
 * partText(['Peer feedback', 'Protected time']) // 'Peer feedback; Protected time'
 * ```
 */
export function partText(part: CmocData['context']): string | undefined {
  if (part === undefined) return undefined
  return typeof part === 'string' ? part : part.join('; ')
}

/**
 * A short label for an entity, as diagrams and graph tools show it.
 *
 * @example
 * ```ts
 * entityLabel(kb.graph.getNodeAttributes('cmoc-1a')) // 'CMOC1a: Experience motivates integration'
 * ```
 */
export function entityLabel(entity: Entity): string {
  return oneLine(rawLabel(entity))
}

/**
 * Collapse runs of white space (line breaks included) to single spaces, for one-line labels.
 *
 * @example
 * ```ts
 * oneLine(' a\n  b ') // 'a b'
 * ```
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function rawLabel(entity: Entity): string {
  switch (entity.kind) {
    case 'review':
      return entity.data.title
    case 'group':
      return entity.data.name
    case 'cmoc':
      return `${entity.data.label ?? entity.id}: ${entity.data.title}`
    case 'study':
      return shortCitation(entity.data.citation)
    case 'evidence':
      return `${entity.data.relation}: ${entity.data.point ?? entity.data.quote ?? entity.id}`
    case 'recommendation':
      return entity.data.section !== undefined && entity.data.order !== undefined
        ? `Recommendation ${entity.data.section}.${entity.data.order}`
        : entity.id
    case 'audience':
      return entity.data.name
  }
}

/**
 * The main text of an entity: a title, name, recommendation text or evidence point.
 *
 * @example
 * ```ts
 * entityTitle(kb.graph.getNodeAttributes('rec-1-1')) // 'Integrate training in the curriculum.'
 * ```
 */
export function entityTitle(entity: Entity): string {
  switch (entity.kind) {
    case 'review':
    case 'cmoc':
      return entity.data.title
    case 'group':
    case 'audience':
      return entity.data.name
    case 'study':
      return entity.data.citation.title
    case 'evidence':
      return entity.data.point ?? entity.data.quote ?? entity.id
    case 'recommendation':
      return entity.data.text
  }
}
