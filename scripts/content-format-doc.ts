import {
  type EntityKind,
  entityKinds,
  evidenceEntrySchema,
  idSchema,
  kindJsonSchema,
  studyDesignSchema,
} from '@realist-kb/core'

// The field tables of docs/content-format.md, generated from the JSON Schemas that the kinds' zod
// schemas give (their `.meta()` descriptions and examples): `pnpm docs:content-format` writes
// them between markers, and a test fails when the committed page is stale. The JSON Schema is
// read rather than zod's internals: it is the public, stable description of the same schema.

/** A JSON Schema node, as far as the tables read it. */
interface Node {
  readonly type?: string
  readonly const?: unknown
  readonly enum?: readonly unknown[]
  readonly anyOf?: readonly Node[]
  readonly items?: Node
  readonly properties?: Readonly<Record<string, Node>>
  readonly required?: readonly string[]
  readonly propertyNames?: Node
  readonly additionalProperties?: Node | boolean
  readonly pattern?: string
  readonly format?: string
  readonly description?: string
  readonly examples?: readonly unknown[]
}

interface Row {
  readonly field: string
  readonly type: string
  readonly required: boolean
  readonly meaning: string
  readonly example: string
}

const idPattern = idSchema.toJSONSchema().pattern
const namedPatterns: Readonly<Record<string, string>> = {
  '^[A-Z]{2}$': 'country code',
  '^([1-9]|1[0-9])$': 'RAMESES item number',
  '^10\\.\\d{4,9}\\/\\S+$': 'DOI',
}
const plurals: Readonly<Record<string, string>> = {
  text: 'texts',
  id: 'ids',
  reference: 'references',
  object: 'objects',
  'country code': 'country codes',
  integer: 'integers',
}
// Enumerations of up to `shortEnum` values are listed as the type; longer ones in the meaning;
// past `longEnum`, beside the table (the field's description says where).
const shortEnum = 3
const longEnum = 8

function isReference(node: Node): boolean {
  const [id, object] = node.anyOf ?? []
  return (
    node.anyOf?.length === 2 && id?.pattern === idPattern && object?.properties?.id !== undefined
  )
}

function isTextOrList(node: Node): boolean {
  const [text, list] = node.anyOf ?? []
  return node.anyOf?.length === 2 && text?.type === 'string' && list?.items?.type === 'string'
}

function typeOf(node: Node): string {
  if (node.const !== undefined) return `\`${String(node.const)}\``
  if (node.enum !== undefined)
    return node.enum.length > shortEnum
      ? `one of ${node.enum.length} values`
      : node.enum.map((value) => `\`${String(value)}\``).join(', ')
  if (isReference(node)) return 'reference'
  if (isTextOrList(node)) return 'text or list of texts'
  if (node.anyOf !== undefined) return node.anyOf.map(typeOf).join(', or ')
  switch (node.type) {
    case 'string':
      if (node.pattern === idPattern) return 'id'
      if (node.format === 'uri') return 'URL'
      return (node.pattern && namedPatterns[node.pattern]) ?? 'text'
    case 'integer':
    case 'number':
      return node.type
    case 'boolean':
      return '`true` or `false`'
    case 'array': {
      const item = node.items === undefined ? 'value' : typeOf(node.items)
      return `list of ${plurals[item] ?? item}`
    }
    case 'object': {
      if (node.properties !== undefined) return 'object'
      const key = node.propertyNames?.pattern
      const value = typeof node.additionalProperties === 'object' ? node.additionalProperties : {}
      return `map of ${(key && namedPatterns[key]) ?? 'text'} to ${typeOf(value)}`
    }
    default:
      return 'any'
  }
}

/** The object whose fields a node has, directly, in a list, or as one branch of a union. */
function fieldsOf(node: Node): { node: Node; suffix: string } | undefined {
  if (isReference(node)) return undefined
  if (node.properties !== undefined) return { node, suffix: '' }
  if (node.type === 'array' && node.items?.properties !== undefined && !isReference(node.items))
    return { node: node.items, suffix: '[]' }
  const branch = node.anyOf?.find((option) => option.properties !== undefined)
  return branch === undefined ? undefined : { node: branch, suffix: '' }
}

// An example as it would be written in YAML: a plain scalar where YAML reads it back as the same
// text, quoted otherwise; lists and maps in flow style (where commas and brackets need quotes).
function yamlValue(value: unknown, inFlow = false): string {
  if (Array.isArray(value)) return `[${value.map((item) => yamlValue(item, true)).join(', ')}]`
  if (typeof value === 'object' && value !== null)
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${yamlValue(item, true)}`)
      .join(', ')}}`.replace(/}$/, ' }')
  if (typeof value !== 'string') return String(value)
  const plain =
    /^[A-Za-z`][^"'#]*$/.test(value) &&
    !/: |:$/.test(value) &&
    !(inFlow && /[,[\]{}]/.test(value)) &&
    !/^(true|false|null|yes|no|on|off)$/i.test(value)
  return plain ? value : JSON.stringify(value)
}

const order = (key: string): number =>
  key === 'kind' ? 0 : key === 'id' ? 1 : key === 'provenance' || key === 'tags' ? 3 : 2

// The values of a middling enumeration, in the meaning column.
function valuesOf(node: Node): string {
  const values = node.enum ?? node.items?.enum
  if (values === undefined || values.length <= shortEnum || values.length > longEnum) return ''
  return ` One of ${values.map((value) => `\`${String(value)}\``).join(', ')}.`
}

function rowsOf(object: Node, prefix: string, skip: ReadonlySet<string>): Row[] {
  const rows: Row[] = []
  const keys = Object.keys(object.properties ?? {}).sort((a, b) => order(a) - order(b))
  for (const key of keys) {
    const node = object.properties?.[key] as Node
    const field = `${prefix}${key}`
    const example = node.examples?.[0] ?? node.const
    rows.push({
      field,
      type: typeOf(node),
      required: object.required?.includes(key) ?? false,
      meaning: `${node.description ?? (key === 'kind' ? 'The kind of entity.' : '')}${valuesOf(node)}`,
      example: example === undefined ? '' : yamlValue(example),
    })
    const inner = fieldsOf(node)
    if (inner !== undefined && !skip.has(field))
      rows.push(...rowsOf(inner.node, `${field}${inner.suffix}.`, skip))
  }
  return rows
}

const cell = (text: string): string => text.replace(/\|/g, '\\|')
const code = (text: string): string => (text === '' ? '' : `\`${text}\``)

/** A markdown table with its columns padded to one width, as a formatter would leave it. */
function table(rows: readonly Row[]): string {
  const cells = [
    ['field', 'type', 'required', 'meaning', 'example'],
    ...rows.map((row) => [
      `\`${row.field}\``,
      cell(row.type),
      row.required ? 'yes' : '',
      cell(row.meaning),
      cell(code(row.example)),
    ]),
  ]
  const widths = cells[0]?.map((_, column) =>
    Math.max(3, ...cells.map((line) => line[column]?.length ?? 0)),
  ) as number[]
  const line = (values: readonly string[]): string =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`
  const [head, ...body] = cells as string[][]
  return [line(head ?? []), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join(
    '\n',
  )
}

/** The generated parts of the page, by marker name. */
export function contentFormatTables(): Readonly<Record<string, string>> {
  const tables: Record<string, string> = {}
  for (const kind of entityKinds as readonly EntityKind[]) {
    // A study's evidence entries have their own table.
    const skip = new Set(kind === 'study' ? ['evidence'] : [])
    tables[kind] = table(rowsOf(kindJsonSchema(kind) as Node, '', skip))
  }
  const entry = evidenceEntrySchema.toJSONSchema({ target: 'draft-07' }) as Node
  tables['evidence-entry'] = table(rowsOf(entry, '', new Set()))
  tables.designs = studyDesignSchema.options.map((design) => `\`${design}\``).join(', ')
  return tables
}

const marker = (name: string): { start: string; end: string } => ({
  start: `<!-- ${name}: generated by \`pnpm docs:content-format\` from the kind schemas -->`,
  end: `<!-- /${name} -->`,
})

/**
 * `page` (docs/content-format.md) with every generated part replaced by the current one.
 * Throws when a part has no markers, so that a kind cannot go undocumented.
 */
export function withContentFormatTables(page: string): string {
  let out = page
  for (const [name, generated] of Object.entries(contentFormatTables())) {
    const { start, end } = marker(name)
    const from = out.indexOf(start)
    const to = out.indexOf(end)
    if (from === -1 || to === -1) throw new Error(`Unexpected page without the ${name} markers`)
    out = `${out.slice(0, from)}${start}\n${generated}\n${out.slice(to)}`
  }
  return out
}
