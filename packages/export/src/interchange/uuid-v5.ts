import { hex, sha1 } from './sha1.js'

const utf8 = new TextEncoder()

/**
 * The namespace of every GUID realist-kb derives (a fixed, randomly chosen UUID). Changing it
 * would change every GUID in every codebook ever exported, so it never changes.
 */
export const realistKbNamespace = '3f1c9a52-7d4e-4b8a-9e61-0c2d5b7a8f14'

/**
 * A name-based UUID, version 5 (RFC 9562): the same name in the same namespace always gives the
 * same UUID, so a re-exported codebook keeps its GUIDs and a QDA tool can merge it.
 *
 * @example
 * ```ts
 * uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')
 * // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 * ```
 */
export function uuidV5(name: string, namespace: string = realistKbNamespace): string {
  const namespaceHex = namespace.replace(/[{}-]/g, '')
  if (!/^[0-9a-fA-F]{32}$/.test(namespaceHex))
    throw new TypeError(`Unexpected namespace \`${namespace}\`, expected a UUID`)
  const namespaceBytes = Uint8Array.from(
    namespaceHex.match(/../g)?.map((pair) => Number.parseInt(pair, 16)) ?? [],
  )
  const nameBytes = utf8.encode(name)
  const input = new Uint8Array(namespaceBytes.length + nameBytes.length)
  input.set(namespaceBytes)
  input.set(nameBytes, namespaceBytes.length)
  const bytes = sha1(input).slice(0, 16)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50 // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80 // RFC variant
  const h = hex(bytes)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
