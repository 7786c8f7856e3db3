import { type EntityKind, entityKinds, kindFolders, schemas } from '@realist-kb/core'

import { knowledgeBaseJsonSchema, reportJsonSchema } from '@realist-kb/export'
import { schemaMarker } from './schema.js'

/**
 * The JSON Schema (draft-07) of one kind's frontmatter, with an id, a title and the
 * generated-by marker.
 *
 * @example
 * ```ts
 * kindSchema('study').properties.citation
 * ```
 */
export function kindSchema(kind: EntityKind): Record<string, unknown> {
  const { $schema, ...rest } = schemas[kind].toJSONSchema({ target: 'draft-07' }) as Record<
    string,
    unknown
  >
  return {
    $schema,
    $id: `${kind}.schema.json`,
    title: `realist-kb ${kind}`,
    description: `Frontmatter of a \`kind: ${kind}\` file (${kind === 'review' ? 'review.md' : `${kindFolders[kind]}/*.md`}). See docs/content-format.md.`,
    $comment: schemaMarker,
    ...rest,
  }
}

/** The files `schema --out` writes, by name. */
export function schemaFiles(): Map<string, string> {
  const files = new Map<string, string>()
  for (const kind of entityKinds)
    files.set(`${kind}.schema.json`, `${JSON.stringify(kindSchema(kind), null, 2)}\n`)
  const index = {
    $comment: schemaMarker,
    version: 1,
    kinds: Object.fromEntries(
      entityKinds.map((kind) => [
        kind,
        {
          schema: `${kind}.schema.json`,
          files: kind === 'review' ? 'review.md' : `${kindFolders[kind]}/**/*.md`,
        },
      ]),
    ),
  }
  const documents = {
    'knowledge-base': ['knowledge-base.schema.json', knowledgeBaseJsonSchema()],
    report: ['report.schema.json', reportJsonSchema()],
  } as const
  for (const [name, schema] of Object.values(documents))
    files.set(name, `${JSON.stringify({ $comment: schemaMarker, ...schema }, null, 2)}\n`)
  files.set(
    'index.json',
    `${JSON.stringify(
      {
        ...index,
        documents: Object.fromEntries(
          Object.entries(documents).map(([key, [name]]) => [key, { schema: name }]),
        ),
      },
      null,
      2,
    )}\n`,
  )
  return files
}

/** Whether a file's bytes are one `schema` generated (it carries the marker). */
export function isGenerated(bytes: Uint8Array): boolean {
  try {
    const data: unknown = JSON.parse(new TextDecoder().decode(bytes))
    return (
      typeof data === 'object' &&
      data !== null &&
      (data as { $comment?: unknown }).$comment === schemaMarker
    )
  } catch {
    return false
  }
}
