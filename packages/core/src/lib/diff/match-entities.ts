import type { KnowledgeGraph } from '../graph/types.js'
import type { Entity } from '../model/entity.js'
import { compareIds } from '../query/neighbours.js'
import { diffEntity } from './diff-entity.js'
import type { DiffEntity, RenamedEntity } from './types.js'

/** Old id -> new id, for every entity found on both sides (renamed or not). */
export type IdMap = ReadonlyMap<string, string>

/**
 * Pair the entities of two graphs: by id, then, among those left, by identical content (a
 * rename). An id kept under another file is a rename too. Evidence written inside its study's
 * file follows its study and is never reported as renamed on its own.
 */
export function matchEntities(
  before: KnowledgeGraph,
  after: KnowledgeGraph,
): {
  added: DiffEntity[]
  removed: DiffEntity[]
  renamed: RenamedEntity[]
  ids: IdMap
} {
  const ids = new Map<string, string>()
  const renamed: RenamedEntity[] = []
  const oldOnly: Entity[] = []
  const newOnly = new Map<string, Entity>()
  for (const entity of entities(after))
    if (!before.hasNode(entity.id)) newOnly.set(entity.id, entity)
  for (const entity of entities(before)) {
    if (!after.hasNode(entity.id)) {
      oldOnly.push(entity)
      continue
    }
    const now = after.getNodeAttributes(entity.id)
    ids.set(entity.id, entity.id)
    if (now.file !== entity.file && !insideStudy(before, entity) && !insideStudy(after, now))
      renamed.push({ kind: now.kind, from: diffEntity(entity), to: diffEntity(now) })
  }
  // Studies (and every other kind) first, evidence last: an entry's content names its study.
  oldOnly.sort((a, b) => Number(a.kind === 'evidence') - Number(b.kind === 'evidence'))
  const bySignature = new Map<string, Entity[]>()
  for (const entity of newOnly.values()) {
    const key = signature(entity, undefined)
    bySignature.set(key, [...(bySignature.get(key) ?? []), entity])
  }
  const removed: DiffEntity[] = []
  for (const entity of oldOnly) {
    const candidates = bySignature.get(signature(entity, ids))
    const match = candidates?.shift()
    if (match === undefined) {
      removed.push(diffEntity(entity))
      continue
    }
    newOnly.delete(match.id)
    ids.set(entity.id, match.id)
    if (!insideStudy(before, entity))
      renamed.push({ kind: match.kind, from: diffEntity(entity), to: diffEntity(match) })
  }
  const byId = (a: DiffEntity, b: DiffEntity) => compareIds(a.id, b.id)
  return {
    added: [...newOnly.values()].map(diffEntity).sort(byId),
    removed: removed.sort(byId),
    renamed: renamed.sort((a, b) => compareIds(a.to.id, b.to.id)),
    ids,
  }
}

function entities(graph: KnowledgeGraph): Entity[] {
  return graph.mapNodes((_id, entity) => entity)
}

/** Is this an evidence entry written inside its study's file? */
function insideStudy(graph: KnowledgeGraph, entity: Entity): boolean {
  if (entity.kind !== 'evidence' || !graph.hasNode(entity.data.study)) return false
  return graph.getNodeAttributes(entity.data.study).file === entity.file
}

/**
 * What an entity says, without its id: two entities with the same signature are one entity
 * renamed. The old side's references to renamed studies are mapped to their new ids first.
 */
function signature(entity: Entity, ids: ReadonlyMap<string, string> | undefined): string {
  const { id: _id, ...data } = entity.data as { id?: string } & Record<string, unknown>
  if (entity.kind === 'evidence' && ids !== undefined)
    data.study = ids.get(entity.data.study) ?? entity.data.study
  return JSON.stringify([entity.kind, data, entity.body])
}
