import { entitiesOfKind, type KnowledgeBase } from '@realist-kb/core'
import { type CodebookCode, toCodebook } from './codebook.js'
import { projectGuids } from './refi-project.js'

/**
 * A code of the project that differs from the codebook the knowledge base exports: made in the
 * QDA tool (`new`), renamed there (`renamed`, with the name it was exported under), or deleted
 * there (`removed`). Codes are matched by GUID, which the export derives from the review and the
 * entity id, so a renamed code is still the same group or CMOC.
 *
 * @example
 * ```ts
 * const line = (change: QdpxCodeChange): string =>
 *   change.change === 'renamed' ? `${change.id}: ${change.was} -> ${change.name}` : `${change.change} ${change.name}`
 * ```
 */
export interface QdpxCodeChange {
  readonly change: 'new' | 'renamed' | 'removed'
  readonly guid: string
  /** Its name in the project (for `removed`, as exported). */
  readonly name: string
  /** The group or CMOC it stands for; absent for a new code. */
  readonly id?: string
  /** For `renamed`: the name the export gave it. */
  readonly was?: string
}

/** A code as read from a project: its GUID and name. */
export interface ProjectCode {
  readonly guid: string
  readonly name: string
}

/** GUIDs compare without braces and case: tools write `{ABC...}` for `abc...`. */
export function normalGuid(guid: string | undefined): string {
  return (guid ?? '').replace(/[{}]/g, '').toLowerCase()
}

/** How the project's codes differ from the codebook this knowledge base exports, ours first. */
export function codeChanges(kb: KnowledgeBase, theirs: readonly ProjectCode[]): QdpxCodeChange[] {
  const guids = projectGuids(kb)
  const idOf = new Map(
    [...entitiesOfKind(kb.graph, 'group'), ...entitiesOfKind(kb.graph, 'cmoc')].map((entity) => [
      normalGuid(guids.code(entity.id)),
      entity.id,
    ]),
  )
  const ours = flatten(toCodebook(kb).codes)
  const theirByGuid = new Map(theirs.map((code) => [normalGuid(code.guid), code]))
  const changes: QdpxCodeChange[] = []
  for (const code of ours) {
    const key = normalGuid(code.guid)
    const id = idOf.get(key)
    const their = theirByGuid.get(key)
    const entity = id === undefined ? {} : { id }
    if (their === undefined)
      changes.push({ change: 'removed', guid: code.guid, name: code.name, ...entity })
    else if (their.name !== code.name)
      changes.push({
        change: 'renamed',
        guid: code.guid,
        name: their.name,
        ...entity,
        was: code.name,
      })
  }
  const known = new Set(ours.map((code) => normalGuid(code.guid)))
  for (const code of theirs)
    if (!known.has(normalGuid(code.guid)))
      changes.push({ change: 'new', guid: code.guid, name: code.name })
  return changes
}

function flatten(codes: readonly CodebookCode[]): CodebookCode[] {
  return codes.flatMap((code) => [code, ...flatten(code.codes)])
}
