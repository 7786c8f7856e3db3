import { catalogue, type EntityKind, entityKinds, schemas, studySchema } from '@realist-kb/core'
import { z } from 'zod'
import { schemaDocument } from './schema-document.js'

const position = {
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1).optional(),
  endColumn: z.number().int().min(1).optional(),
}

// A study's data leaves out its evidence list: each entry is an entity of its own.
const dataSchemas = {
  ...schemas,
  study: studySchema.omit({ evidence: true }),
} as const satisfies Record<EntityKind, z.ZodType>

const entity = <K extends EntityKind>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    id: z.string().min(1),
    file: z.string(),
    position: z.strictObject(position),
    data: dataSchemas[kind],
    body: z.string(),
  })

const [firstKind, ...otherKinds] = entityKinds

const link = z.strictObject({
  source: z.string().min(1),
  target: z.string().min(1),
  type: z.enum([
    'derived-from',
    'addresses',
    'belongs-to',
    'evidences',
    'drawn-from',
    'relates-to',
    'includes',
    'leads-to',
    'nested-in',
    'refines',
    'conflicts-with',
    'mentions',
  ]),
  basis: z.enum(['stated', 'inferred']),
  field: z.string(),
  location: z.string().optional(),
  rationale: z.string().optional(),
  place: z.strictObject({ file: z.string(), ...position }),
})

const names = Object.keys(catalogue) as [string, ...string[]]

const diagnostic = z.strictObject({
  file: z.string(),
  ...position,
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string().regex(/^RKB\d+$/),
  name: z.enum(names),
  source: z.literal('realist-kb'),
  message: z.string(),
  hint: z.string(),
  url: z.string(),
  entity: z.string().optional(),
  /** The reason given for an acknowledged gap (reported as info). */
  acknowledged: z.string().optional(),
})

const knowledgeBaseJson = z.strictObject({
  formatVersion: z.literal(2),
  generator: z.literal('realist-kb'),
  review: z.string().nullable(),
  files: z.array(z.string()),
  entities: z.array(
    firstKind === undefined
      ? z.never()
      : z.discriminatedUnion('kind', [entity(firstKind), ...otherKinds.map(entity)]),
  ),
  links: z.array(link),
  diagnostics: z.array(diagnostic),
})

/**
 * The JSON Schema (draft-07) of the knowledge-base JSON that {@link writeKnowledgeBaseJson}
 * writes (docs/json-format.md). Each entity's `data` is checked by the schema of its kind, the
 * very one the loader validates frontmatter with.
 *
 * @example
 * ```ts
 * import { knowledgeBaseJsonSchema } from '@realist-kb/export'
 * const schema = knowledgeBaseJsonSchema() // give it to ajv, an editor or a CI check
 * ```
 */
export function knowledgeBaseJsonSchema(): Record<string, unknown> {
  return schemaDocument(knowledgeBaseJson, {
    id: 'knowledge-base.schema.json',
    title: 'realist-kb knowledge-base JSON, format version 2',
    description: 'The output of `realist-kb export --format json`. See docs/json-format.md.',
  })
}
