// Small XML writing helpers shared by the GEXF, GraphML and REFI-QDA writers.

// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE, U+FFFF): no
// escape makes them legal, so they are dropped rather than letting one stray byte in a markdown
// file produce a document no tool opens.
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * Drop characters XML 1.0 forbids and normalise line endings to `\n` (what a parser reads back).
 *
 * @example
 * ```ts
 * xmlSafe('a\u0000b\r\nc') // 'ab\nc'
 * ```
 */
export function xmlSafe(text: string): string {
  return text.replace(forbidden, '').replace(/\r\n?/g, '\n')
}

/**
 * Escape text for an element's content.
 *
 * @example
 * ```ts
 * escapeXmlText('a < b & c') // 'a &lt; b &amp; c'
 * ```
 */
export function escapeXmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Escape text for a double-quoted attribute value. Tabs and line breaks (with the Unicode
 * separators that some readers also treat as line ends) become character references: a parser
 * would otherwise normalise them to spaces.
 *
 * @example
 * ```ts
 * escapeXmlAttribute('say "hi"\n') // 'say &quot;hi&quot;&#10;'
 * ```
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/[\t\n\u0085\u2028\u2029]/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** An attribute list: pairs in output order; `undefined` values are left out. */
export type XmlAttributes = readonly (readonly [string, string | number | boolean | undefined])[]

/**
 * Render attributes as they follow an element name (with a leading space per attribute).
 *
 * @example
 * ```ts
 * xmlAttributes([['id', 'n1'], ['label', undefined]]) // ' id="n1"'
 * ```
 */
export function xmlAttributes(attributes: XmlAttributes): string {
  let out = ''
  for (const [name, value] of attributes) {
    if (value !== undefined) out += ` ${name}="${escapeXmlAttribute(String(value))}"`
  }
  return out
}

/** The XML declaration every writer starts with. */
export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>'
