import type { EvidenceProfile, TermDimension, TraceReport } from '@realist-kb/core'
import { countryName } from '../report/country-name.js'
import { escapeHtml } from '../report/escape.js'
import { termLabel } from '../report/term-label.js'

const e = escapeHtml

/** Counts by key, largest first, e.g. `Norway 2, Sweden 1`; `none` when empty. */
function counts(record: Readonly<Record<string, number>>, name = (key: string) => key): string {
  const list = Object.entries(record).sort(
    ([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0),
  )
  return list.length === 0 ? none : list.map(([key, count]) => `${name(key)} ${count}`).join(', ')
}

function years(list: readonly number[]): string {
  if (list.length === 0) return none
  return list.length === 1 ? String(list[0]) : `${list[0]}–${list.at(-1)}`
}

const none = 'none recorded'

/**
 * A body of evidence as a small two-column table a reader scans: studies, entries, designs,
 * countries by name, settings, participants, years, inclusion and how the links are made. Rows
 * with nothing recorded are left out; no evidence at all is one sentence, not an empty table.
 */
export function profileTable(
  profile: EvidenceProfile,
  caption: string,
  terms?: TraceReport['terms'],
): string {
  const label = (dimension: TermDimension) => (id: string) => termLabel(terms, dimension, id)
  if (profile.evidence === 0 && profile.studies === 0)
    return `<p class="muted">${e(caption)}: no evidence encoded.</p>`
  const { inclusion, basis, relations } = profile
  const rows: [string, string][] = [
    ['Studies', String(profile.studies)],
    ['Evidence entries', String(profile.evidence)],
    [
      'Relations',
      counts(
        Object.fromEntries(Object.entries(relations).filter(([, count]) => count > 0)),
        (relation) => relation,
      ),
    ],
    ['Designs', counts(profile.designs, label('designs'))],
    [
      'Countries',
      counts(profile.countries, terms === undefined ? countryName : label('countries')),
    ],
    ['Settings', counts(profile.settings, label('settings'))],
    ['Participants', counts(profile.participants, label('participants'))],
    ['Years', years(profile.years)],
    [
      'Inclusion',
      `${inclusion.included} included, ${inclusion.unknown} unknown, ${inclusion.excluded} excluded`,
    ],
    ['Evidence links', `${basis.stated} stated, ${basis.inferred} inferred`],
  ]
  return `<div class="table-wrap"><table class="rkb-profile"><caption>${e(caption)}</caption><tbody>${rows
    .filter(([, value]) => value !== none)
    .map(([label, value]) => `<tr><th scope="row">${label}</th><td>${e(value)}</td></tr>`)
    .join('')}</tbody></table></div>`
}
