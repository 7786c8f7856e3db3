import type { StudyEntry, TraceReport } from '@realist-kb/core'
import { describe, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import type { traceReportJson } from '../../src/interchange/report-json-schema.js'

// The report JSON Schema is zod written beside the TypeScript types of the trace report; these
// checks pin the two to each other at compile time (`pnpm typecheck`), field by field, so that a
// field added, removed, renamed or retyped on one side and not the other fails. The runtime test
// in knowledge-base-json.test.ts checks real reports against the generated schema.

/** JSON as a value: no readonly, no `undefined` (an optional key is left out). */
type Json<T> = T extends readonly (infer Item)[]
  ? Json<Item>[]
  : T extends object
    ? { -readonly [K in keyof T]: Json<Exclude<T[K], undefined>> }
    : T

// The JSON is the trace report with each study's formatted reference (see report/json.ts).
type ReportJson = Omit<TraceReport, 'studies'> & {
  readonly studies: readonly (StudyEntry & { readonly citation: string })[]
}

// RAMESES is described in its own doc and checked by outline only; the diff is pinned in
// diff-json-types.test.ts.
type Outlined = 'rameses'
type FromType = Omit<Json<ReportJson>, Outlined>
type FromSchema = Omit<Json<z.output<typeof traceReportJson>>, Outlined>

describe('the report JSON Schema and the TraceReport type', () => {
  it('accept the same reports', () => {
    expectTypeOf<FromType>().toExtend<FromSchema>()
    expectTypeOf<FromSchema>().toExtend<FromType>()
  })

  it('name the same fields', () => {
    expectTypeOf<keyof Json<ReportJson>>().toEqualTypeOf<
      keyof Json<z.output<typeof traceReportJson>>
    >()
  })
})
