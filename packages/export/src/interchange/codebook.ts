import { type EntityOf, entitiesOfKind, type KnowledgeBase, neighbours } from '@realist-kb/core'
import { entityLabel, oneLine } from './entity-text.js'
import { uuidV5 } from './uuid-v5.js'
import { escapeXmlText, xmlAttributes, xmlDeclaration } from './xml.js'

/**
 * A code of a REFI-QDA codebook, with the codes nested under it.
 *
 * @example
 * ```ts
 * const names = (code: CodebookCode): string[] => [code.name, ...code.codes.flatMap(names)]
 * toCodebook(kb).codes.flatMap(names) // ['Coherence', 'CMOC1a: Experience of palliative care ...', ...]
 * ```
 */
export interface CodebookCode {
  readonly guid: string
  readonly name: string
  readonly isCodable: boolean
  /** `#RRGGBB`, where given. */
  readonly color?: string
  readonly description?: string
  readonly codes: readonly CodebookCode[]
}

/**
 * A set of a REFI-QDA codebook: a named group of codes, by GUID.
 *
 * @example
 * ```ts
 * const sizes = toCodebook(kb).sets.map((set: CodebookSet) => `${set.name}: ${set.members.length}`)
 * ```
 */
export interface CodebookSet {
  readonly guid: string
  readonly name: string
  readonly description?: string
  readonly members: readonly string[]
}

/**
 * A REFI-QDA codebook (`.qdc`): codes, nested, and sets of codes.
 *
 * @example
 * ```ts
 * const codebook: Codebook = readCodebook(await readFile('review.qdc', 'utf8'))
 * console.log(codebook.codes.length, codebook.sets.length)
 * ```
 */
export interface Codebook {
  readonly origin?: string
  readonly codes: readonly CodebookCode[]
  readonly sets: readonly CodebookSet[]
}

/**
 * Thrown by {@link writeCodebook} for a codebook without codes, which REFI-QDA does not allow.
 *
 * @example
 * ```ts
 * try {
 *   writeCodebook({ codes: [], sets: [] })
 * } catch (error) {
 *   if (error instanceof EmptyCodebookError) console.error('nothing to export: no constructs')
 * }
 * ```
 */
export class EmptyCodebookError extends Error {
  override readonly name = 'EmptyCodebookError'
}

// One colour per top-level construct, in order, so that each construct's codes share a colour.
const palette = ['#3949AB', '#00897B', '#F4511E', '#8E24AA', '#C0CA33', '#6D4C41', '#039BE5']

/**
 * The codebook of a knowledge base: each construct is a code (sub-constructs nested under their
 * parent) and each CMOC a code nested under its construct, its description carrying the context,
 * mechanism and outcome. Each construct also gets a set of its CMOCs. GUIDs are UUID v5 of the
 * entity id, so they are the same on every export.
 *
 * @example
 * ```ts
 * import { toCodebook, writeCodebook } from '@realist-kb/export'
 * const qdc = writeCodebook(toCodebook(kb)) // import into NVivo, ATLAS.ti or MAXQDA
 * ```
 */
export function toCodebook(kb: KnowledgeBase): Codebook {
  const { graph } = kb
  const constructs = entitiesOfKind(graph, 'construct')
  const parentOf = (id: string): string | undefined =>
    neighbours(graph, id, 'out', 'belongs-to', 'construct')[0]?.entity.id
  const childConstructs = new Map<string | undefined, EntityOf<'construct'>[]>()
  for (const construct of constructs) {
    const parent = parentOf(construct.id)
    childConstructs.set(parent, [...(childConstructs.get(parent) ?? []), construct])
  }
  const cmocsOf = new Map<string | undefined, EntityOf<'cmoc'>[]>()
  for (const cmoc of entitiesOfKind(graph, 'cmoc')) {
    const construct = parentOf(cmoc.id)
    cmocsOf.set(construct, [...(cmocsOf.get(construct) ?? []), cmoc])
  }

  const visited = new Set<string>()
  const constructCode = (construct: EntityOf<'construct'>, color: string): CodebookCode => {
    visited.add(construct.id)
    const children = (childConstructs.get(construct.id) ?? []).filter((c) => !visited.has(c.id))
    return {
      guid: codeGuid(construct.id),
      name: oneLine(construct.data.name),
      isCodable: true,
      color,
      description: constructDescription(construct),
      codes: [
        ...children.map((child) => constructCode(child, color)),
        ...(cmocsOf.get(construct.id) ?? []).map((cmoc) => cmocCode(cmoc, color)),
      ],
    }
  }
  // Top-level constructs, plus any caught in a parent cycle so that none is lost.
  const roots = childConstructs.get(undefined) ?? []
  const codes = roots.map((construct, index) =>
    constructCode(construct, palette[index % palette.length] ?? '#3949AB'),
  )
  for (const construct of constructs) {
    if (!visited.has(construct.id)) codes.push(constructCode(construct, '#757575'))
  }
  // CMOCs without a (valid) construct still become codes, at the top level.
  for (const cmoc of cmocsOf.get(undefined) ?? []) codes.push(cmocCode(cmoc, undefined))

  const sets = constructs.map((construct) => ({
    guid: uuidV5(`set:${construct.id}`),
    name: oneLine(construct.data.name),
    description: `The CMOCs of the construct ${oneLine(construct.data.name)}.`,
    members: (cmocsOf.get(construct.id) ?? []).map((cmoc) => codeGuid(cmoc.id)),
  }))
  return { origin: 'realist-kb', codes, sets }
}

/**
 * The GUID of the code of an entity: UUID v5 of `code:<id>`, stable across exports.
 *
 * @example
 * ```ts
 * codeGuid('cmoc-1a') // always the same UUID
 * ```
 */
export function codeGuid(id: string): string {
  return uuidV5(`code:${id}`)
}

function constructDescription(construct: EntityOf<'construct'>): string {
  const lines = [construct.data.description.trim()]
  if (construct.data.question !== undefined) lines.push(`Question: ${construct.data.question}`)
  lines.push(`Id: ${construct.id}`)
  return lines.join('\n')
}

function cmocCode(cmoc: EntityOf<'cmoc'>, color: string | undefined): CodebookCode {
  const { data } = cmoc
  const lines = [`Context: ${data.context.trim()}`]
  if (typeof data.mechanism === 'string') lines.push(`Mechanism: ${data.mechanism.trim()}`)
  else {
    const { resource, response } = data.mechanism
    if (resource !== undefined) lines.push(`Mechanism (resource): ${resource.trim()}`)
    if (response !== undefined) lines.push(`Mechanism (response): ${response.trim()}`)
  }
  lines.push(`Outcome: ${data.outcome.trim()}`)
  if (data.strategies && data.strategies.length > 0)
    lines.push(`Strategies: ${data.strategies.join('; ')}`)
  lines.push(`Id: ${cmoc.id}`)
  return {
    guid: codeGuid(cmoc.id),
    name: entityLabel(cmoc),
    isCodable: true,
    ...(color === undefined ? {} : { color }),
    description: lines.join('\n'),
    codes: [],
  }
}

/**
 * Write a codebook as REFI-QDA Codebook XML (a `.qdc` file), valid against the REFI-QDA 1.0
 * Codebook XSD. Throws {@link EmptyCodebookError} when there is no code (the standard requires one).
 *
 * @example
 * ```ts
 * import { toCodebook, writeCodebook } from '@realist-kb/export'
 * const qdc = writeCodebook(toCodebook(kb))
 * ```
 */
export function writeCodebook(codebook: Codebook): string {
  if (codebook.codes.length === 0)
    throw new EmptyCodebookError(
      'Unexpected codebook without codes, expected at least one construct or CMOC',
    )
  const lines = [
    xmlDeclaration,
    `<CodeBook${xmlAttributes([
      ['xmlns', 'urn:QDA-XML:codebook:1.0'],
      ['origin', codebook.origin],
    ])}>`,
    '  <Codes>',
    ...codebook.codes.flatMap((code) => codeLines(code, '    ')),
    '  </Codes>',
  ]
  if (codebook.sets.length > 0) {
    lines.push('  <Sets>')
    for (const set of codebook.sets) for (const line of setLines(set)) lines.push(line)
    lines.push('  </Sets>')
  }
  lines.push('</CodeBook>')
  return `${lines.join('\n')}\n`
}

function codeLines(code: CodebookCode, indent: string): string[] {
  const open = `${indent}<Code${xmlAttributes([
    ['guid', code.guid],
    ['name', code.name],
    ['isCodable', code.isCodable],
    ['color', code.color],
  ])}`
  const description =
    code.description === undefined
      ? []
      : [`${indent}  <Description>${escapeXmlText(code.description)}</Description>`]
  if (description.length === 0 && code.codes.length === 0) return [`${open}/>`]
  return [
    `${open}>`,
    ...description,
    ...code.codes.flatMap((child) => codeLines(child, `${indent}  `)),
    `${indent}</Code>`,
  ]
}

function setLines(set: CodebookSet): string[] {
  return [
    `    <Set${xmlAttributes([
      ['guid', set.guid],
      ['name', set.name],
    ])}>`,
    ...(set.description === undefined
      ? []
      : [`      <Description>${escapeXmlText(set.description)}</Description>`]),
    ...set.members.map((guid) => `      <MemberCode${xmlAttributes([['guid', guid]])}/>`),
    '    </Set>',
  ]
}
