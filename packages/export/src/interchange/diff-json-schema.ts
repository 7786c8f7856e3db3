import { basisSchema, entityKinds, knowledgeBaseDiffVersion } from '@realist-kb/core'
import { z } from 'zod'
import { schemaDocument } from './schema-document.js'

// The diff JSON (`realist-kb diff --format json`, and a report's `changes`) as zod, so that its
// JSON Schema is generated rather than written by hand. Objects are strict, and
// test/interchange/diff-json-types.test.ts pins this schema and the `KnowledgeBaseDiff` type to
// each other at compile time, field by field.

const ids = z.array(z.string())
const gainedLost = { gained: ids, lost: ids }
const kind = z.enum(entityKinds)
const textChange = { from: z.array(z.string()), to: z.array(z.string()) }

const entity = z.strictObject({ kind, id: z.string(), file: z.string(), title: z.string() })

const judgementChange = z.strictObject({
  aspect: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  explanation: z.strictObject(textChange).optional(),
})

const basisChange = z.strictObject({ target: z.string(), from: basisSchema, to: basisSchema })

/** The body of a diff: what `diffKnowledgeBases` returns. */
export const knowledgeBaseDiffJson = z.strictObject({
  version: z.literal(knowledgeBaseDiffVersion),
  entities: z.strictObject({
    added: z.array(entity),
    removed: z.array(entity),
    renamed: z.array(z.strictObject({ kind, from: entity, to: entity })),
  }),
  recommendations: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      text: z.strictObject(textChange).optional(),
      cmocs: z.strictObject(gainedLost),
      evidence: z.strictObject(gainedLost),
      studies: z.strictObject(gainedLost),
      basis: z.array(basisChange),
      confidence: z.array(
        z.strictObject({
          cmoc: z.string(),
          from: z.string().nullable(),
          to: z.string().nullable(),
        }),
      ),
    }),
  ),
  cmocs: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      evidence: z.strictObject(gainedLost),
      studies: z.strictObject(gainedLost),
      basis: z.array(basisChange),
      parts: z.array(
        z.strictObject({
          part: z.enum(['context', 'mechanism', 'resource', 'response', 'outcome']),
          ...textChange,
        }),
      ),
      status: judgementChange.optional(),
      confidence: z.array(judgementChange),
      links: z.array(z.strictObject({ relation: z.string(), ...gainedLost })),
    }),
  ),
  studies: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      appraisal: z.array(judgementChange),
      inclusion: judgementChange.optional(),
    }),
  ),
  acknowledgements: z.array(
    z.strictObject({
      kind,
      id: z.string(),
      title: z.string(),
      reworded: ids,
      ...gainedLost,
    }),
  ),
})

/** `realist-kb diff --format json`: the diff with the two sides it compares. */
export const diffJson = knowledgeBaseDiffJson.extend({
  from: z.string(),
  to: z.string(),
})

/**
 * The JSON Schema (draft-07) of `realist-kb diff --format json` (docs/cli.md): a
 * `KnowledgeBaseDiff` with the `from` and `to` it compares. A report's `changes.diff` is the same
 * object without those two.
 *
 * @example
 * ```ts
 * import { diffJsonSchema } from '@realist-kb/export'
 * const schema = diffJsonSchema() // give it to ajv to check a living review's change log in CI
 * ```
 */
export function diffJsonSchema(): Record<string, unknown> {
  return schemaDocument(diffJson, {
    id: 'diff.schema.json',
    title: `realist-kb diff JSON, version ${knowledgeBaseDiffVersion}`,
    description: 'The output of `realist-kb diff --format json`. See docs/cli.md.',
  })
}
