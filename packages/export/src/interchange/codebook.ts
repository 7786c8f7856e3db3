import {
  cmocPartsOf,
  type EntityOf,
  entitiesOfKind,
  type KnowledgeBase,
  neighbours,
} from '@realist-kb/core'
import { entityTitle, oneLine } from './entity-text.js'
import { reviewGuids } from './review-guid.js'
import { escapeXmlText, xmlAttributes, xmlDeclaration } from './xml.js'

/**
 * A code of a REFI-QDA codebook, with the codes nested under it.
 *
 * @example
 * ```ts
 * const names = (code: CodebookCode): string[] => [code.name, ...code.codes.flatMap(names)]
 * toCodebook(kb).codes.flatMap(names) // ['Coherence', 'CMOC1a', ...]
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
 *   if (error instanceof EmptyCodebookError) console.error('nothing to export: no groups')
 * }
 * ```
 */
export class EmptyCodebookError extends Error {
  override readonly name = 'EmptyCodebookError'
}

// One colour per top-level group, in order, so that each group's codes share a colour.
const palette = ['#3949AB', '#00897B', '#F4511E', '#8E24AA', '#C0CA33', '#6D4C41', '#039BE5']

/**
 * The codebook of a knowledge base: each group is a code (sub-groups nested under their
 * parent) and each CMOC a code nested under its group, named by its short label (MAXQDA takes 63 characters)
 * and described by its title, context, mechanism and outcome. Each group also gets a set of its
 * CMOCs. GUIDs are derived from the review's identity and the entity id (see {@link codeGuid}).
 *
 * @example
 * ```ts
 * import { toCodebook, writeCodebook } from '@realist-kb/export'
 * const qdc = writeCodebook(toCodebook(kb)) // import into NVivo, ATLAS.ti or MAXQDA
 * ```
 */
export function toCodebook(kb: KnowledgeBase): Codebook {
  const { graph } = kb
  const guid = reviewGuids(kb)
  const groups = entitiesOfKind(graph, 'group')
  const parentOf = (id: string): string | undefined =>
    neighbours(graph, id, 'out', 'belongs-to', 'group')[0]?.entity.id
  const childGroups = new Map<string | undefined, EntityOf<'group'>[]>()
  for (const group of groups) {
    const parent = parentOf(group.id)
    childGroups.set(parent, [...(childGroups.get(parent) ?? []), group])
  }
  const cmocsOf = new Map<string | undefined, EntityOf<'cmoc'>[]>()
  for (const cmoc of entitiesOfKind(graph, 'cmoc')) {
    const group = parentOf(cmoc.id)
    cmocsOf.set(group, [...(cmocsOf.get(group) ?? []), cmoc])
  }

  const visited = new Set<string>()
  const groupCode = (group: EntityOf<'group'>, color: string): CodebookCode => {
    visited.add(group.id)
    const children = (childGroups.get(group.id) ?? []).filter((c) => !visited.has(c.id))
    return {
      guid: guid('code', group.id),
      name: codeName(group.data.name),
      isCodable: true,
      color,
      description: groupDescription(group),
      codes: [
        ...children.map((child) => groupCode(child, color)),
        ...(cmocsOf.get(group.id) ?? []).map((cmoc) => cmocCode(cmoc, color, guid)),
      ],
    }
  }
  // Top-level groups, plus any caught in a parent cycle so that none is lost.
  const roots = childGroups.get(undefined) ?? []
  const codes = roots.map((group, index) =>
    groupCode(group, palette[index % palette.length] ?? '#3949AB'),
  )
  for (const group of groups) {
    if (!visited.has(group.id)) codes.push(groupCode(group, '#757575'))
  }
  // CMOCs without a (valid) group still become codes, at the top level.
  for (const cmoc of cmocsOf.get(undefined) ?? []) codes.push(cmocCode(cmoc, undefined, guid))

  const sets = groups.map((group) => ({
    guid: guid('set', group.id),
    name: codeName(group.data.name),
    description: `The CMOCs of the group ${oneLine(group.data.name)}.`,
    members: (cmocsOf.get(group.id) ?? []).map((cmoc) => guid('code', cmoc.id)),
  }))
  return { origin: 'realist-kb', codes, sets }
}

/**
 * The GUID of the code of an entity: a UUID v5 of the review's identity (its DOI, registration,
 * or id and title) and the entity id. The same review always gives the same GUID; two reviews
 * that both have a `cmoc-1a` give two.
 *
 * @example
 * ```ts
 * codeGuid(kb, 'cmoc-1a') // the same UUID on every export of this review
 * ```
 */
export function codeGuid(kb: KnowledgeBase, id: string): string {
  return reviewGuids(kb)('code', id)
}

// MAXQDA cuts code names at 63 characters; a longer name is shortened with an ellipsis (the
// full text stays in the description).
const maxCodeName = 63

function codeName(text: string): string {
  const line = oneLine(text)
  return line.length <= maxCodeName ? line : `${line.slice(0, maxCodeName - 1).trimEnd()}…`
}

function groupDescription(group: EntityOf<'group'>): string {
  const name = oneLine(group.data.name)
  const lines = codeName(name) === name ? [] : [name]
  lines.push(group.data.description.trim())
  if (group.data.question !== undefined) lines.push(`Question: ${group.data.question}`)
  lines.push(`Id: ${group.id}`)
  return lines.join('\n')
}

function cmocCode(
  cmoc: EntityOf<'cmoc'>,
  color: string | undefined,
  guid: (purpose: string, id: string) => string,
): CodebookCode {
  const { data } = cmoc
  const parts = cmocPartsOf(data)
  const lines: string[] = [oneLine(entityTitle(cmoc))]
  const add = (label: string, items: readonly string[]): void => {
    if (items.length > 0) lines.push(`${label}: ${items.map((item) => item.trim()).join('; ')}`)
  }
  add('Context', parts.context)
  add('Mechanism', parts.mechanism.text)
  add('Mechanism (resource)', parts.mechanism.resource)
  add('Mechanism (response)', parts.mechanism.response)
  add('Outcome', parts.outcome)
  if (data.strategies && data.strategies.length > 0)
    lines.push(`Strategies: ${data.strategies.join('; ')}`)
  lines.push(`Id: ${cmoc.id}`)
  return {
    guid: guid('code', cmoc.id),
    // The short label (`CMOC1a`) names the code; the title leads the description.
    name: codeName(data.label ?? cmoc.id),
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
      'Unexpected codebook without codes, expected at least one group or CMOC',
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

/**
 * The `<Code>` element of a code and the codes nested in it, the same in a codebook and in a
 * project; a project also refers each code to its notes (`noteRefs`, by code GUID).
 */
export function codeLines(
  code: CodebookCode,
  indent: string,
  noteRefs: (guid: string) => readonly string[] = () => [],
): string[] {
  const open = `${indent}<Code${xmlAttributes([
    ['guid', code.guid],
    ['name', code.name],
    ['isCodable', code.isCodable],
    ['color', code.color],
  ])}`
  const inner = [
    ...(code.description === undefined
      ? []
      : [`${indent}  <Description>${escapeXmlText(code.description)}</Description>`]),
    ...noteRefs(code.guid).map(
      (guid) => `${indent}  <NoteRef${xmlAttributes([['targetGUID', guid]])}/>`,
    ),
    ...code.codes.flatMap((child) => codeLines(child, `${indent}  `, noteRefs)),
  ]
  if (inner.length === 0) return [`${open}/>`]
  return [`${open}>`, ...inner, `${indent}</Code>`]
}

/** The `<Set>` element of a set of codes (its members referred to as the format names them). */
export function setLines(set: CodebookSet, memberRef: 'guid' | 'targetGUID' = 'guid'): string[] {
  return [
    `    <Set${xmlAttributes([
      ['guid', set.guid],
      ['name', set.name],
    ])}>`,
    ...(set.description === undefined
      ? []
      : [`      <Description>${escapeXmlText(set.description)}</Description>`]),
    ...set.members.map((guid) => `      <MemberCode${xmlAttributes([[memberRef, guid]])}/>`),
    '    </Set>',
  ]
}
