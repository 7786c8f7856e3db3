import { shortCitation } from '@realist-kb/citations'
import type {
  CmocEntry,
  EvidenceEntry,
  ReportLink,
  StudyEntry,
  TraceReport,
} from '@realist-kb/core'
import { capped } from '../report/capped-list.js'
import { cmocPartRows, notGiven } from '../report/cmoc-parts.js'
import { type EntriesById, entriesById } from '../report/entries-by-id.js'
import { escapeHtml } from '../report/escape.js'
import { markdownToHtml } from '../report/markdown-to-html.js'
import { termLabels } from '../report/term-label.js'
import { anchorId, entityLink } from './anchor-id.js'
import {
  appraisalAttributes,
  appraisalHtml,
  cmocConfidence,
  cmocRelationsHtml,
} from './judgement-html.js'
import { profileTable } from './profile-table.js'
import { referenceHtml } from './reference-html.js'

/** Lookups over the report (its entries by id, made once per report) and what a render makes once. */
export interface ReportIndex extends EntriesById {
  readonly report: TraceReport
  /** Each study's linked short citation once made (see {@link studyLink}). */
  readonly studyLinks: Map<string, string>
  /** What each evidence entry says, once made (see evidenceList). */
  readonly evidenceSaid: Map<EvidenceEntry, string>
}

/** Index a report for one render. */
export function indexReport(report: TraceReport): ReportIndex {
  return { ...entriesById(report), report, studyLinks: new Map(), evidenceSaid: new Map() }
}

/**
 * A study's short citation linked to its entry, or its id when the report has no such study.
 * Made once per study and render: a study is cited in the evidence of every CMOC it bears on.
 */
export function studyLink(index: ReportIndex, id: string): string {
  let html = index.studyLinks.get(id)
  if (html === undefined) {
    const study = index.studies.get(id)
    html = study ? entityLink(id, shortCitation(study)) : e(id)
    index.studyLinks.set(id, html)
  }
  return html
}

const e = escapeHtml

/** A stated/inferred badge with the link's location or rationale as its explanation. */
export function basisBadge(link: ReportLink): string {
  const detail =
    link.basis === 'inferred'
      ? (link.rationale ?? 'no rationale given')
      : (link.location ?? `stated in ${link.writtenAt}`)
  return `<span class="badge badge-${link.basis}">${link.basis}</span><span class="muted">${e(detail)}</span>`
}

function list(items: readonly string[], empty = 'none'): string {
  return items.length === 0 ? `<span class="muted">${empty}</span>` : items.join(', ')
}

/** The C, M and O of a CMOC as a definition list; a part given as a list is a list. */
export function cmoList(cmoc: CmocEntry): string {
  const rows = cmocPartRows(cmoc).map(({ label, items }) => {
    const value =
      items.length === 0
        ? `<span class="muted">${notGiven}</span>`
        : items.length === 1
          ? e(items[0] as string)
          : `<ul>${items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`
    return `<dt>${label}</dt><dd>${value}</dd>`
  })
  return `<dl class="cmo">${rows.join('')}</dl>`
}

/** Evidence entries behind a CMOC, each with its study and relation: shown once, in the CMOC. */
export function evidenceList(index: ReportIndex, cmoc: CmocEntry): string {
  if (cmoc.evidence.length === 0) return '<p class="badge-gap badge">no evidence encoded</p>'
  const items = cmoc.evidence.map((id) => {
    const item = index.evidence.get(id)
    if (!item) return ''
    const link = item.cmocs.find((l) => l.id === cmoc.id)
    return `<li class="link-${link?.basis ?? 'stated'}">${evidenceSaid(index, item)}${link ? ` ${basisBadge(link)}` : ''}</li>`
  })
  return `<ul class="evidence">${items.join('')}</ul>`
}

/**
 * What an evidence entry says and where: its relation, parts, point or quote, study, locator and
 * provenance. The same in the list of every CMOC the entry bears on, so made once per entry.
 */
function evidenceSaid(index: ReportIndex, item: EvidenceEntry): string {
  let html = index.evidenceSaid.get(item)
  if (html === undefined) {
    html = `<strong>${e(item.relation)}</strong>${item.parts.length > 0 ? ` (${e(item.parts.join(', '))})` : ''}${item.point === undefined ? '' : `: ${e(item.point)}`}${item.quote ? ` <q>${e(item.quote)}</q>` : ''} — ${studyLink(index, item.study)}${item.locator ? `, ${e(item.locator)}` : ''}${item.provenance ? ` <span class="muted">[${e(item.provenance)}]</span>` : ''}`
    index.evidenceSaid.set(item, html)
  }
  return html
}

/** A CMOC in the catalogue, with back links to the recommendations that use it. */
export function cmocArticle(index: ReportIndex, cmoc: CmocEntry): string {
  const recs = cmoc.recommendations.map((id) => entityLink(id, id))
  const studies = cmoc.studies.map((id) => studyLink(index, id))
  return `<article class="entity" id="${e(anchorId(cmoc.id))}">
<h3>${e(cmoc.label ?? cmoc.id)}: ${e(cmoc.title)}</h3>
${cmoList(cmoc)}
${cmoc.strategies.length > 0 ? `<p><strong>Strategies:</strong> ${e(cmoc.strategies.join('; '))}</p>` : ''}
${markdownToHtml(cmoc.narrative)}
${cmocConfidence(cmoc)}
${cmocRelationsHtml(cmoc)}
${profileTable(cmoc.profile, `Evidence profile of ${cmoc.label ?? cmoc.id}`, index.report.terms)}
${evidenceList(index, cmoc)}
<p><strong>Studies:</strong> ${list(studies)}</p>
<p><strong>Used by recommendations:</strong> ${list(recs)}</p>
${cmoc.provenance ? `<p class="muted">Source: ${e(cmoc.provenance)}</p>` : ''}
</article>`
}

/** A study with its reference, characteristics, and where it is used. */
export function studyArticle(study: StudyEntry, terms?: TraceReport['terms']): string {
  const facts = [
    ['Design', termLabels(terms, 'designs', study.design === undefined ? [] : [study.design])],
    ['Countries', termLabels(terms, 'countries', study.countries)],
    ['Settings', termLabels(terms, 'settings', study.settings)],
    ['Participants', termLabels(terms, 'participants', study.participants)],
    ['Inclusion', `${study.inclusion}${study.inclusionBasis ? `: ${study.inclusionBasis}` : ''}`],
  ]
  return `<article class="entity study" id="${e(anchorId(study.id))}" ${appraisalAttributes(study)}>
<h3>${e(shortCitation(study))}${study.reference === undefined ? '' : ` <span class="muted">[ref. ${study.reference}]</span>`}</h3>
<p>${referenceHtml(study)}</p>
<dl class="cmo">${facts.map(([key, value]) => `<dt>${e(key ?? '')}</dt><dd>${e(value ?? '')}</dd>`).join('')}</dl>
${appraisalHtml(study)}
${markdownToHtml(study.notes)}
<p><strong>Evidence for:</strong> ${list(study.cmocs.map((id) => entityLink(id, id)))}</p>
<p><strong>Used by recommendations:</strong> ${list(
    capped(
      study.recommendations,
      (id) => entityLink(id, id),
      (more) => `and ${more} more (through the CMOCs it is evidence for)`,
    ),
  )}</p>
</article>`
}
