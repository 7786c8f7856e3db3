import { type EntityKind, entityFilePath, entityKinds, kindJsonSchema } from '@realist-kb/core'
import { diffJsonSchema, knowledgeBaseJsonSchema, reportJsonSchema } from '@realist-kb/export'
import { schemaMarker } from './schema.js'

/** A kind's JSON Schema as `schema` writes it: marked as generated, so that it may be replaced. */
export function kindSchema(kind: EntityKind): Record<string, unknown> {
  return kindJsonSchema(kind, { comment: schemaMarker })
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
          files: entityFilePath(kind, '**/*'),
        },
      ]),
    ),
  }
  const documents = {
    'knowledge-base': ['knowledge-base.schema.json', knowledgeBaseJsonSchema()],
    report: ['report.schema.json', reportJsonSchema()],
    diff: ['diff.schema.json', diffJsonSchema()],
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
