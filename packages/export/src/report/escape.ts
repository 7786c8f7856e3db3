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
  const text = String(value)
  // Most text has nothing to escape: testing first spares a copy of every string on the page.
  return needsEscape.test(text)
    ? text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character)
    : text
}

const needsEscape = /[&<>"']/

/**
 * Escape text for a Markdown paragraph or table cell: no raw HTML, no accidental emphasis, links
 * or table breaks, and nothing that starts a block (a line break of any kind, leading space or
 * tab that would open a code block, a list marker at the start).
 *
 * @example
 * ```ts
 * escapeMarkdown('a | b <img>') // 'a \\| b &lt;img&gt;'
 * escapeMarkdown('\t- x\ry') // '\\- x y'
 * ```
 */
export function escapeMarkdown(value: string): string {
  return (
    value
      // CommonMark ends lines at LF, CRLF and a lone CR alike.
      .replace(/\r\n?|\n/g, ' ')
      .replace(/^[ \t]+/, '')
      .replace(/[\\`*_[\]|#]/g, (character) => `\\${character}`)
      // A list marker opens a list wherever the text starts a line (after `> `, say).
      .replace(/^([-+])(?=\s|$)/, '\\$1')
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  )
}
