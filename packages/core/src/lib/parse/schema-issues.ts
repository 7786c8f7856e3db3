import { type Document, isMap, isPair, isScalar, type Node, type Scalar } from 'yaml'
import type { z } from 'zod'
import type { Position } from '../diagnostics/diagnostic.js'
import { didYouMean } from '../diagnostics/did-you-mean.js'
import { renamedNameHint } from '../migrate/renamed-names.js'
import { optional } from '../optional-field.js'
import type { LineIndex } from './line-index.js'

/** A schema problem, worded and placed, ready to become an `invalid-field` diagnostic. */
export interface FieldProblem {
  readonly message: string
  readonly hint?: string
  readonly position: Position
}

type Issue = z.core.$ZodIssue
type PathKey = PropertyKey

/** Render an issue path the way zod's pretty printer does: `evidence[2].cmocs[0]`. */
export function formatPath(path: readonly PathKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

/**
 * Word and place each zod issue: the YAML node at the issue's path gives the position, so
 * frontmatter problems point at the exact key or value.
 */
export function describeIssues(
  issues: readonly Issue[],
  context: LocateContext & {
    readonly data: unknown
    readonly knownFields: (path: readonly PathKey[]) => readonly string[]
  },
): FieldProblem[] {
  const problems: FieldProblem[] = []
  for (const issue of issues) describeIssue(issue, [], context, problems)
  return problems
}

function describeIssue(
  issue: Issue,
  prefix: readonly PathKey[],
  context: Parameters<typeof describeIssues>[1],
  out: FieldProblem[],
): void {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union') {
    const branch = bestBranch(issue.errors)
    if (branch !== undefined) {
      for (const nested of branch) describeIssue(nested, path, context, out)
      return
    }
  }
  const field = formatPath(path)
  const value = valueAt(context.data, path)
  const place = (keyOf = false): Position => positionAt(context, path, keyOf)

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = context.knownFields(path)
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, known)
        const hint =
          renamedNameHint(key) ??
          (suggestion === undefined ? undefined : `did you mean \`${suggestion}\`?`)
        out.push({
          message: `Unexpected field \`${formatPath([...path, key])}\`, expected one of ${known.map((k) => `\`${k}\``).join(', ')}`,
          ...optional('hint', hint),
          position: positionAt(context, [...path, key], true),
        })
      }
      return
    }
    case 'invalid_type': {
      if (value === undefined) {
        out.push({
          message: `Missing field \`${field}\`, expected ${article(issue.expected)}`,
          hint: `Add \`${String(path.at(-1))}:\` (see docs/content-format.md).`,
          position: startOnly(positionAt(context, path.slice(0, -1), false)),
        })
      } else {
        out.push({
          message: `Unexpected ${describeValue(value)} in \`${field}\`, expected ${article(issue.expected)}`,
          position: place(),
        })
      }
      return
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v))
      const suggestion = typeof value === 'string' ? didYouMean(value, allowed) : undefined
      out.push({
        message: `Unexpected ${describeValue(value)} in \`${field}\`, expected ${allowed.length === 1 ? `\`${allowed[0]}\`` : `one of ${allowed.map((a) => `\`${a}\``).join(', ')}`}`,
        hint:
          suggestion === undefined
            ? `Use one of: ${allowed.join(', ')}.`
            : `did you mean \`${suggestion}\`?`,
        position: place(),
      })
      return
    }
    case 'too_small': {
      const what =
        issue.origin === 'array'
          ? `list with at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
          : issue.origin === 'string'
            ? 'non-empty text'
            : `value of at least ${String(issue.minimum)}`
      out.push({
        message: `Unexpected ${describeValue(value)} in \`${field}\`, expected a ${what}`,
        position: place(),
      })
      return
    }
    case 'too_big': {
      out.push({
        message: `Unexpected ${describeValue(value)} in \`${field}\`, expected at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`,
        position: place(),
      })
      return
    }
    default: {
      // A whole-object rule that finds a field missing says so in its own words.
      if (issue.code === 'custom' && value === undefined && path.length > 0) {
        out.push({
          message: issue.message,
          hint: `Add \`${String(path.at(-1))}:\` (see docs/content-format.md).`,
          position: startOnly(positionAt(context, path.slice(0, -1), false)),
        })
        return
      }
      out.push({
        message: `Unexpected ${describeValue(value)} in \`${field}\`: ${issue.message}`,
        position: place(),
      })
    }
  }
}

/** Of a union's branches, the one whose issues come closest to matching (fewest type mismatches at its root). */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined
  let bestScore = Number.POSITIVE_INFINITY
  for (const branch of branches) {
    const rootMismatches = branch.filter(
      (issue) => issue.code === 'invalid_type' && issue.path.length === 0,
    ).length
    const score = rootMismatches * 100 + branch.length
    if (score < bestScore) {
      best = branch
      bestScore = score
    }
  }
  return best
}

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let current: unknown = data
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/** Finds the `[start, end]` offsets (in the frontmatter text) of the node at a path. */
export type Locator = (
  path: readonly PathKey[],
  keyOf: boolean,
) => readonly [number, number] | undefined

/**
 * A locator over a `yaml` document: walks down as far as the document goes, so a missing field
 * points at its parent map.
 */
export function yamlLocator(document: Document.Parsed): Locator {
  // Each map's pairs by key, built on first use. A file with many problems looks up many keys;
  // scanning every pair for each made a hostile file of many thousand keys take minutes.
  const indexes = new WeakMap<object, Map<string, { key: Scalar; value: Node | null }>>()
  const pairsOf = (map: object, items: readonly unknown[]) => {
    let index = indexes.get(map)
    if (index === undefined) {
      index = new Map()
      // Later pairs win, as a scan for the last match did.
      for (const item of items)
        if (isPair(item) && isScalar(item.key))
          index.set(String(item.key.value), { key: item.key, value: item.value as Node | null })
      indexes.set(map, index)
    }
    return index
  }
  return (path, keyOf) => {
    let node: Node | null | undefined = document.contents
    let keyNode: Node | undefined
    for (const key of path) {
      if (!node || !('items' in node)) break
      const items: unknown[] = (node as { items: unknown[] }).items
      let next: Node | undefined
      if (isMap(node)) {
        const pair = pairsOf(node, items).get(String(key))
        if (pair !== undefined) {
          keyNode = pair.key
          next = pair.value ?? pair.key
        }
      } else if (typeof key === 'number') {
        next = items[key] as Node | undefined
        keyNode = undefined
      }
      if (next === undefined) break
      node = next
    }
    const range = (keyOf && keyNode ? keyNode : node)?.range
    return range ? [range[0], range[1]] : undefined
  }
}

/** Where a located node is, as a position in the file. */
export interface LocateContext {
  readonly locate: Locator
  readonly lines: LineIndex
  readonly matterOffset: number
}

/** Position of the node at `path` (its key when `keyOf`), or of the deepest node that exists. */
export function positionAt(
  context: LocateContext,
  path: readonly PathKey[],
  keyOf: boolean,
): Position {
  const range = context.locate(path, keyOf) ?? [0, 0]
  return context.lines.range(context.matterOffset + range[0], context.matterOffset + range[1])
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'empty value'
  if (Array.isArray(value)) return value.length === 0 ? 'empty list' : 'list'
  if (typeof value === 'string') {
    if (value === '') return 'empty text'
    const short = value.length > 40 ? `${value.slice(0, 37)}...` : value
    return `\`${short}\``
  }
  if (typeof value === 'object') return 'map'
  return `${typeof value} \`${String(value)}\``
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of fields',
    record: 'a map of fields',
  }
  return names[expected] ?? expected
}

function startOnly(position: Position): Position {
  return { line: position.line, column: position.column }
}
