/**
 * Add `item` to the list `map` holds under `key`, starting the list if there is none (boxes by
 * frame, arrows by the box they leave).
 *
 * @example
 * ```ts
 * const leaving = new Map<string, DiagramEdge[]>()
 * for (const edge of diagram.edges) pushTo(leaving, edge.source, edge)
 * ```
 */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [item])
  else list.push(item)
}
