// A small, dependency-free SHA-1 so that stable GUIDs can be derived in any JavaScript runtime:
// node:crypto is not in browsers, and crypto.subtle is asynchronous. SHA-1 is used here only to
// name things deterministically (as UUID v5 does), never for security.

/**
 * The SHA-1 digest (FIPS 180-4) of some bytes: 20 bytes.
 *
 * @example
 * ```ts
 * hex(sha1(new TextEncoder().encode('abc'))) // 'a9993e364706816aba3e25717850c26c9cd0d89d'
 * ```
 */
export function sha1(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8
  // Pad: a 1 bit, zeros up to 56 bytes mod 64, then the length as a 64-bit big-endian number.
  const padded = new Uint8Array((((message.length + 8) >> 6) + 1) * 64)
  padded.set(message)
  padded[message.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000))
  view.setUint32(padded.length - 4, bitLength >>> 0)

  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]
  const w = new Uint32Array(80)
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4)
    for (let i = 16; i < 80; i++)
      w[i] = rotl((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1)
    let [a, b, c, d, e] = h as [number, number, number, number, number]
    for (let i = 0; i < 80; i++) {
      let f: number
      let k: number
      if (i < 20) {
        f = (b & c) | (~b & d)
        k = 0x5a827999
      } else if (i < 40) {
        f = b ^ c ^ d
        k = 0x6ed9eba1
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d)
        k = 0x8f1bbcdc
      } else {
        f = b ^ c ^ d
        k = 0xca62c1d6
      }
      const temp = (rotl(a, 5) + f + e + k + (w[i] ?? 0)) >>> 0
      e = d
      d = c
      c = rotl(b, 30)
      b = a
      a = temp
    }
    h[0] = ((h[0] ?? 0) + a) >>> 0
    h[1] = ((h[1] ?? 0) + b) >>> 0
    h[2] = ((h[2] ?? 0) + c) >>> 0
    h[3] = ((h[3] ?? 0) + d) >>> 0
    h[4] = ((h[4] ?? 0) + e) >>> 0
  }
  const digest = new Uint8Array(20)
  const out = new DataView(digest.buffer)
  h.forEach((word, index) => {
    out.setUint32(index * 4, word)
  })
  return digest
}

/**
 * Bytes as lowercase hexadecimal.
 *
 * @example
 * ```ts
 * hex(Uint8Array.of(1, 255)) // '01ff'
 * ```
 */
export function hex(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0')
  return out
}

function rotl(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0
}
