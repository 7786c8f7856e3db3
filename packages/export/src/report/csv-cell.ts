/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a value starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is prefixed with `'` so it is shown as text, never run as a
 * formula.
 *
 * @example
 * ```ts
 * csvCell('=HYPERLINK("http://x")') // "\"'=HYPERLINK(\"\"http://x\"\")\""
 * ```
 */
export function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Rows to CSV text with CRLF line ends, as RFC 4180 and spreadsheets expect.
 *
 * @example
 * ```ts
 * toCsv([['a', 'b'], [1, 2]]) // 'a,b\r\n1,2\r\n'
 * ```
 */
export function toCsv(
  rows: readonly (readonly (string | number | boolean | undefined)[])[],
): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
