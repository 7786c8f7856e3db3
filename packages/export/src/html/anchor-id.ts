import { escapeHtml } from '../report/escape.js'

/**
 * The element id of an entity in the HTML report. Entity ids come from content; the report's
 * own ids all start with `rkb-` and those the sanitizer keeps from bodies with `user-content-`,
 * so a `kb-` prefix keeps every entity in a namespace no other id can reach (an entity named
 * `rkb-filter-search` cannot take the search box's place).
 */
export function anchorId(entityId: string): string {
  return `kb-${entityId}`
}

/** A link to an entity's place in the HTML report, its text `label`; both escaped. */
export function entityLink(entityId: string, label: string): string {
  return `<a href="#${escapeHtml(anchorId(entityId))}">${escapeHtml(label)}</a>`
}
