import {
  Composer,
  type CST,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  Parser,
  type SchemaOptions,
  YAMLParseError,
} from 'yaml'
import { tooDeepYaml } from './yaml-nesting.js'

/**
 * Deepest nesting of lists and maps a frontmatter may have. Content needs about six levels.
 * `yaml` builds documents recursively and overflows the stack somewhere past a few hundred
 * levels, at a depth that depends on how deep the caller's stack already is; a fixed limit
 * checked first makes the outcome, and the reported place, the same on every run.
 */
export const maxYamlDepth = 100

/** A parsed document, or the offset of the first list or map nested deeper than allowed. */
export type YamlParse =
  | { readonly document: Document.Parsed }
  | { readonly tooDeep: number; readonly document?: undefined }

/**
 * Parse one YAML document as `yaml`'s `parseDocument` does, but check its nesting on the way: the
 * syntax tree is read first (without recursion), and a document nested deeper than
 * {@link maxYamlDepth} is refused before it is built.
 *
 * @example
 * ```ts
 * const parsed = parseYaml('a: [[[1]]]', { version: '1.2' })
 * parsed.document?.toJS() // { a: [[[1]]] }
 * parseYaml(`a: ${'['.repeat(500)}`, {}).tooDeep // 102: the 100th `[` (the map holding `a` is level 1)
 * ```
 */
export function parseYaml(
  text: string,
  options: Readonly<ParseOptions & DocumentOptions & SchemaOptions>,
): YamlParse {
  // A linear estimate first: text far too deep never reaches `yaml`'s parser.
  const estimate = tooDeepYaml(text, maxYamlDepth)
  if (estimate !== undefined) return { tooDeep: estimate }
  const tokens = Array.from(new Parser().parse(text))
  const tooDeep = firstTooDeep(tokens)
  if (tooDeep !== undefined) return { tooDeep }
  let document: Document.Parsed | undefined
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (document === undefined) {
      document = next
    } else {
      document.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      )
      break
    }
  }
  // `compose` with `forceDoc` always yields a document, even for empty text.
  return { document: document as Document.Parsed }
}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection

/** Offset of the first list or map (in document order) nested deeper than the limit. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  // Depth-first, in document order, on an explicit stack: no nesting can overflow it.
  const pending: [CST.Token, number][] = tokens.map((token) => [token, 0] as [CST.Token, number])
  pending.reverse()
  while (pending.length > 0) {
    const [token, parentDepth] = pending.pop() as [CST.Token, number]
    const isCollection =
      token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection'
    const depth = parentDepth + (isCollection ? 1 : 0)
    if (depth > maxYamlDepth) return token.offset
    const children: CST.Token[] = []
    if (token.type === 'document' && token.value) children.push(token.value)
    if (isCollection) {
      for (const item of (token as Collection).items) {
        if ('key' in item && item.key) children.push(item.key)
        if (item.value) children.push(item.value)
      }
    }
    for (let index = children.length - 1; index >= 0; index--)
      pending.push([children[index] as CST.Token, depth])
  }
  return undefined
}
