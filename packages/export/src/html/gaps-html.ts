import type { TraceReport } from '@realist-kb/core'
import { escapeHtml } from '../report/escape.js'
import { type GapEntity, type GapSentence, gapSentences } from '../report/gap-sentences.js'
import { entityLink } from './anchor-id.js'

const e = escapeHtml

/**
 * The Gaps section for readers: what is missing in plain sentences, grouped by kind, each entity
 * linked to its place in the report; then the gaps acknowledged as true to the source, with
 * their reasons.
 */
export function gapsHtml(report: TraceReport): string {
  if (report.gaps.length === 0) return '<p>No evidence gaps.</p>'
  const { open, acknowledged } = gapSentences(report)
  const parts: string[] = []
  if (open.length > 0) parts.push(`<ul class="rkb-gaps">${open.map(item).join('\n')}</ul>`)
  if (acknowledged.length > 0)
    parts.push(
      `<h3 id="rkb-gaps-acknowledged">Acknowledged gaps</h3>
<p>Gaps the review acknowledges as true to its sources, with the reason it gives.</p>
<ul class="rkb-gaps">${acknowledged.map(item).join('\n')}</ul>`,
    )
  return parts.join('\n')
}

function item(gap: GapSentence): string {
  const names = gap.entities.map(entity).join(', ')
  return `<li>${e(gap.sentence)}${names === '' ? '.' : `: ${names}.`}${gap.reason === undefined ? '' : ` <span class="rkb-gap-reason">Reason: ${e(gap.reason)}</span>`}</li>`
}

function entity(named: GapEntity): string {
  const label = named.anchored ? `${entityLink(named.id, named.label)}` : e(named.label)
  return `${label}${named.detail === undefined ? '' : ` (${e(named.detail)})`}`
}
