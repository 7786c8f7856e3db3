import { type Document, isMap, isPair, isScalar, isSeq } from 'yaml'

/** A key that repeats an earlier key of the same map, with its offsets in the frontmatter. */
export interface DuplicateKey {
  readonly key: string
  readonly start: number
  readonly end: number
}

/**
 * The keys of a YAML document that repeat an earlier key of the same map, in document order.
 * Keys are compared as `yaml`'s own `uniqueKeys` check compares them (scalars by value, other
 * keys by identity), but in one pass with a set per map: that check compares every pair of keys,
 * which a hostile frontmatter of many thousand keys turns into minutes. The walk keeps its own
 * stack, so no nesting depth can overflow it.
 *
 * @example
 * ```ts
 * const document = parseDocument('name: A\nname: B\n', { uniqueKeys: false })
 * duplicateKeys(document) // [{ key: 'name', start: 8, end: 12 }]
 * ```
 */
export function duplicateKeys(document: Document.Parsed): DuplicateKey[] {
  const found: DuplicateKey[] = []
  const pending: unknown[] = [document.contents]
  while (pending.length > 0) {
    const node = pending.pop()
    if (isMap(node)) {
      const seen = new Set<unknown>()
      for (const pair of node.items) {
        const key: unknown = pair.key
        const identity = isScalar(key) ? key.value : key
        if (seen.has(identity) && isScalar(key) && key.range) {
          found.push({ key: String(key.value), start: key.range[0], end: key.range[1] })
        }
        seen.add(identity)
        pending.push(pair.key, pair.value)
      }
    } else if (isSeq(node)) {
      // One push per item: spreading a list of many thousand items would overflow the stack.
      for (const item of node.items) pending.push(item)
    } else if (isPair(node)) {
      pending.push(node.key, node.value)
    }
  }
  return found.sort((a, b) => a.start - b.start)
}
