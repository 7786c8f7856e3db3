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

/**
 * Add `item` to the set `map` holds under `key`, starting the set if there is none: how distinct
 * members are grouped by a key (files declaring an id, the CMOCs a CMOC leads to).
 *
 * @example
 * ```ts
 * const downstream = new Map<string, Set<string>>()
 * addTo(downstream, 'cmoc-a', 'cmoc-b')
 * ```
 */
export function addTo<K, T>(map: Map<K, Set<T>>, key: K, item: T): void {
  const set = map.get(key)
  if (set === undefined) map.set(key, new Set([item]))
  else set.add(item)
}
