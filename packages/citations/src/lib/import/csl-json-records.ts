import { parseCslList } from './citation-js.js'
import { errorText, type SourceRecord, UnreadableImportError } from './source-record.js'

/**
 * Read CSL-JSON (what Zotero's "CSL JSON" export writes): an array of items, or one item. Each
 * item that is not an object fails alone; invalid JSON fails the whole file.
 *
 * @example
 * ```ts
 * cslJsonRecords('[{"type": "book", "title": "T", "author": [{"literal": "WHO"}]}]')[0]?.ok // true
 * ```
 */
export function cslJsonRecords(text: string): SourceRecord[] {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new UnreadableImportError(
      `Unexpected invalid JSON (${errorText(error)}), expected CSL-JSON`,
    )
  }
  const items: unknown[] = Array.isArray(data) ? data : [data]
  if (items.length === 0)
    throw new UnreadableImportError('Unexpected empty CSL-JSON list, expected at least one item')
  return items.map((value, i): SourceRecord => {
    const index = i + 1
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return {
        index,
        ok: false,
        message: `Unexpected ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value} as CSL-JSON item, expected an object`,
      }
    const [item] = parseCslList([value])
    return item ? { index, ok: true, item } : { index, ok: false, message: 'Unexpected empty item' }
  })
}
