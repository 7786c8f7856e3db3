import { type ZodType, z } from 'zod'

/**
 * A zod schema as the JSON Schema (draft-07) document `realist-kb schema --out` writes: its
 * `$schema` first, then the file name as `$id`, a title and a description, then the schema.
 */
export function schemaDocument(
  schema: ZodType,
  about: { readonly id: string; readonly title: string; readonly description: string },
): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'output',
  }) as Record<string, unknown>
  return { $schema, $id: about.id, title: about.title, description: about.description, ...rest }
}
