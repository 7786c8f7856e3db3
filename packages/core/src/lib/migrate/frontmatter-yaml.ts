import { type Document, isMap, isPair, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml'
import { splitFrontmatter } from '../parse/frontmatter.js'
import { parseYaml } from '../parse/parse-yaml.js'

/** A file's frontmatter as a YAML document whose node ranges are offsets in the file's text. */
export interface FrontmatterTree {
  /** The top-level map, when the frontmatter is one. */
  readonly root: YAMLMap | undefined
  /** Offset of the frontmatter text in the file: add it to a node's range. */
  readonly offset: number
}

/** A replacement of `text.slice(start, end)`, offsets in the file. */
export interface TextEdit {
  readonly start: number
  readonly end: number
  readonly text: string
}

/**
 * Parse a file's frontmatter keeping where every node was written, so that a migration can edit
 * the text itself and leave comments, order, quoting and the body as they are. `undefined` when
 * the file has no frontmatter the loader could read: such files are left for `validate` to report.
 */
export function frontmatterTree(text: string): FrontmatterTree | undefined {
  const split = splitFrontmatter(text)
  if (!('locate' in split)) return undefined
  // The frontmatter runs to the first `\n---`, as the loader splits it.
  const close = text.indexOf('\n---', split.matterOffset)
  const parsed = parseYaml(text.slice(split.matterOffset, close), {
    version: '1.2',
    schema: 'core',
    uniqueKeys: false,
    logLevel: 'error',
    resolveKnownTags: false,
  })
  const document: Document.Parsed | undefined = parsed.document
  if (document === undefined || document.errors.length > 0) return undefined
  return {
    root: isMap(document.contents) ? document.contents : undefined,
    offset: split.matterOffset,
  }
}

/** The pair of `map` whose key is the plain text `key`. */
export function pairOf(map: YAMLMap | undefined, key: string): Pair<Scalar, unknown> | undefined {
  for (const item of map?.items ?? []) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key)
      return item as Pair<Scalar, unknown>
  }
  return undefined
}

/** The text value of a pair, when it is a scalar string. */
export function textValue(pair: Pair<Scalar, unknown> | undefined): string | undefined {
  return isScalar(pair?.value) && typeof pair.value.value === 'string'
    ? pair.value.value
    : undefined
}

/** Replace a node as written (a key or a scalar value, quotes included) with `text`. */
export function replaceNode(tree: FrontmatterTree, node: Scalar, text: string): TextEdit {
  const [start, end] = node.range ?? [0, 0]
  return { start: tree.offset + start, end: tree.offset + end, text }
}

/** Apply edits that do not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  return out
}
