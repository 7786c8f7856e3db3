import type { KnowledgeBaseDiff } from '@realist-kb/core'
import { describe, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import type { diffJson, knowledgeBaseDiffJson } from '../../src/interchange/diff-json-schema.js'

// The diff JSON Schema is zod written beside the `KnowledgeBaseDiff` type; these checks pin the
// two to each other at compile time (`pnpm typecheck`), so a field added, removed, renamed or
// retyped on one side and not the other fails. diff-json-schema.test.ts checks real diffs.

/** JSON as a value: no readonly, no `undefined` (an optional key is left out). */
type Json<T> = T extends readonly (infer Item)[]
  ? Json<Item>[]
  : T extends object
    ? { -readonly [K in keyof T]: Json<Exclude<T[K], undefined>> }
    : T

type FromType = Json<KnowledgeBaseDiff>
type FromSchema = Json<z.output<typeof knowledgeBaseDiffJson>>

describe('the diff JSON Schema and the KnowledgeBaseDiff type', () => {
  it('accept the same diffs', () => {
    expectTypeOf<FromType>().toExtend<FromSchema>()
    expectTypeOf<FromSchema>().toExtend<FromType>()
  })

  it('name the same fields, and the command adds only the two sides', () => {
    expectTypeOf<keyof FromType>().toEqualTypeOf<keyof FromSchema>()
    expectTypeOf<Exclude<keyof z.output<typeof diffJson>, keyof FromType>>().toEqualTypeOf<
      'from' | 'to'
    >()
  })
})
