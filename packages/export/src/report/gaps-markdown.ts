import type { TraceReport } from '@realist-kb/core'
import { escapeMarkdown } from './escape.js'
import { type GapEntity, type GapSentence, gapSentences } from './gap-sentences.js'

const m = escapeMarkdown

/**
 * The Gaps section of the Markdown report, for readers: one plain sentence per kind of gap with
 * links to the entities, then the acknowledged gaps with their reasons.
 */
export function gapsMarkdown(report: TraceReport): string[] {
  const { open, acknowledged } = gapSentences(report)
  const lines = open.map(line)
  if (acknowledged.length > 0) {
    if (lines.length > 0) lines.push('')
    lines.push(
      'Acknowledged as true to the sources, with the reason the review gives:',
      '',
      ...acknowledged.map(line),
    )
  }
  return lines
}

function line(gap: GapSentence): string {
  const names = gap.entities.map(entity).join(', ')
  return `- ${m(gap.sentence)}${names === '' ? '.' : `: ${names}.`}${gap.reason === undefined ? '' : ` Reason: ${m(gap.reason)}`}`
}

// Recommendations, CMOCs and studies have anchors in the Markdown report; other entities are
// named without a link, which would lead nowhere.
const linked: ReadonlySet<string> = new Set(['recommendation', 'cmoc', 'study'])

function entity(named: GapEntity): string {
  const label = linked.has(named.kind) ? `[${m(named.label)}](#${named.id})` : m(named.label)
  return `${label}${named.detail === undefined ? '' : ` (${m(named.detail)})`}`
}
