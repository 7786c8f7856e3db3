const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escape text for HTML, in element content and in quoted attribute values alike.
 *
 * @example
 * ```ts
 * escapeHtml('<script>"x"</script>') // '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
 * ```
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character)
}

/**
 * Escape text for a Markdown paragraph or table cell: no raw HTML, no accidental emphasis, links
 * or table breaks.
 *
 * @example
 * ```ts
 * escapeMarkdown('a | b <img>') // 'a \\| b &lt;img&gt;'
 * ```
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|#]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}
