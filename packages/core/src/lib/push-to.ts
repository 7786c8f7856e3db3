/**
 * Add `item` to the list `map` holds under `key`, starting the list if there is none: how lists
 * are grouped by a key (evidence edges by CMOC, entities by kind, diagnostics by file).
 *
 * @example
 * ```ts
 * const byFile = new Map<string, Diagnostic[]>()
 * for (const diagnostic of diagnostics) pushTo(byFile, diagnostic.file, diagnostic)
 * ```
 */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [item])
  else list.push(item)
}
