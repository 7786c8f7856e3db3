import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Codebook, CodebookCode, CodebookSet } from '../../src/interchange/codebook.js'

/**
 * Thrown by {@link readCodebook} for text that is not a well-formed REFI-QDA codebook.
 *
 * @example
 * ```ts
 * try {
 *   readCodebook('<not-a-codebook/>')
 * } catch (error) {
 *   if (error instanceof CodebookParseError) console.error(error.message)
 * }
 * ```
 */
export class CodebookParseError extends Error {
  override readonly name = 'CodebookParseError'
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Tools write the namespace as a default or with a prefix (`qdc:Code`): both read the same.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Character references (`&#10;`) are standard XML; the parser only decodes them with this on.
  htmlEntities: true,
  isArray: (name) => name === 'Code' || name === 'Set' || name === 'MemberCode',
})

type XmlObject = { readonly [key: string]: unknown }

function isObject(value: unknown): value is XmlObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function children(element: XmlObject, name: string): XmlObject[] {
  const value = element[name]
  if (!Array.isArray(value)) return []
  return value.map((item) => (isObject(item) ? item : {}))
}

function attribute(element: XmlObject, name: string, where: string): string {
  const value = element[name]
  if (typeof value !== 'string')
    throw new CodebookParseError(`Missing \`${name}\` on ${where}, expected a ${name} attribute`)
  return value
}

function description(element: XmlObject): string | undefined {
  const value = element.Description
  if (typeof value === 'string') return value
  if (isObject(value)) return typeof value['#text'] === 'string' ? value['#text'] : ''
  return undefined
}

function readCode(element: XmlObject): CodebookCode {
  const name = attribute(element, 'name', '<Code>')
  const where = `<Code name="${name}">`
  const codable = attribute(element, 'isCodable', where)
  const color = element.color
  const text = description(element)
  return {
    guid: attribute(element, 'guid', where),
    name,
    isCodable: codable === 'true' || codable === '1',
    ...(typeof color === 'string' ? { color } : {}),
    ...(text === undefined ? {} : { description: text }),
    codes: children(element, 'Code').map(readCode),
  }
}

function readSet(element: XmlObject): CodebookSet {
  const name = attribute(element, 'name', '<Set>')
  const text = description(element)
  return {
    guid: attribute(element, 'guid', `<Set name="${name}">`),
    name,
    ...(text === undefined ? {} : { description: text }),
    members: children(element, 'MemberCode').map((member) =>
      attribute(member, 'guid', '<MemberCode>'),
    ),
  }
}

/**
 * Read a REFI-QDA codebook (`.qdc`), as written by {@link writeCodebook} or by NVivo, ATLAS.ti,
 * MAXQDA or QualCoder: its codes with their nesting and descriptions, and its sets. Throws
 * {@link CodebookParseError} when the text is not well-formed XML or not a codebook.
 *
 * @example
 * ```ts
 * import { readCodebook } from '@realist-kb/export'
 * const { codes } = readCodebook(qdcText)
 * codes.map((code) => code.name) // ['Coherence', ...]
 * ```
 */
export function readCodebook(xml: string): Codebook {
  const valid = XMLValidator.validate(xml)
  if (valid !== true)
    throw new CodebookParseError(
      `Unexpected malformed XML at ${valid.err.line}:${valid.err.col}, expected a codebook: ${valid.err.msg}`,
    )
  const document: unknown = parser.parse(xml)
  const root = isObject(document) ? document.CodeBook : undefined
  if (!isObject(root))
    throw new CodebookParseError('Missing <CodeBook> root element, expected a REFI-QDA codebook')
  const codes = isObject(root.Codes) ? children(root.Codes, 'Code').map(readCode) : []
  const sets = isObject(root.Sets) ? children(root.Sets, 'Set').map(readSet) : []
  const origin = root.origin
  return { ...(typeof origin === 'string' ? { origin } : {}), codes, sets }
}
