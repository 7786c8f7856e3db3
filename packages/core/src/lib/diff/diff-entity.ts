import { kindDefinitions } from '../kinds/index.js'
import type { Entity } from '../model/entity.js'
import type { DiffEntity } from './types.js'

/** The title of an entity, as its kind gives it. */
export function titleOf(entity: Entity): string {
  return (kindDefinitions[entity.kind].title as (entity: Entity) => string)(entity)
}

/** An entity as a diff names it. */
export function diffEntity(entity: Entity): DiffEntity {
  return { kind: entity.kind, id: entity.id, file: entity.file, title: titleOf(entity) }
}
