import { shortCitation } from '@realist-kb/citations'
import type {
  CmocEntry,
  EvidenceProfile,
  ReportLink,
  StudyEntry,
  TraceReport,
} from '@realist-kb/core'
import { capped } from '../report/capped-list.js'
import { cmocPartRows, notGiven } from '../report/cmoc-parts.js'
import { escapeHtml } from '../report/escape.js'
import { markdownToHtml } from '../report/markdown-to-html.js'
import { termLabels } from '../report/term-label.js'
import { anchorId } from './anchor-id.js'
import {
  appraisalAttributes,
  appraisalHtml,
  cmocConfidence,
  cmocRelationsHtml,
} from './judgement-html.js'
import { referenceHtml } from './reference-html.js'

/** Lookups over the report, built once per render. */
export interface ReportIndex {
  readonly report: TraceReport
  readonly cmocs: ReadonlyMap<string, CmocEntry>
  readonly studies: ReadonlyMap<string, StudyEntry>
  readonly evidence: ReadonlyMap<string, TraceReport['evidence'][number]>
  readonly audiences: ReadonlyMap<string, TraceReport['audiences'][number]>
}

/** Index a report by id. */
export function indexReport(report: TraceReport): ReportIndex {
  const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
    new Map(items.map((item) => [item.id, item]))
  return {
    report,
    cmocs: byId(report.cmocs),
    studies: byId(report.studies),
    evidence: byId(report.evidence),
    audiences: byId(report.audiences),
  }
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

function anchor(id: string, label: string): string {
  return `<a href="#${e(anchorId(id))}">${e(label)}</a>`
}

function list(items: readonly string[], empty = 'none'): string {
  return items.length === 0 ? `<span class="muted">${empty}</span>` : items.join(', ')
}

/** One line summarising an evidence profile. */
export function profileLine(profile: EvidenceProfile): string {
  const parts = [
    `${profile.studies} stud${profile.studies === 1 ? 'y' : 'ies'}`,
    `${profile.evidence} evidence entr${profile.evidence === 1 ? 'y' : 'ies'}`,
    `designs: ${entries(profile.designs)}`,
    `countries: ${entries(profile.countries)}`,
    `settings: ${entries(profile.settings)}`,
    `years: ${profile.years.length === 0 ? 'none' : profile.years.length === 1 ? profile.years[0] : `${profile.years[0]}–${profile.years.at(-1)}`}`,
    `inclusion: ${profile.inclusion.included} included, ${profile.inclusion.unknown} unknown, ${profile.inclusion.excluded} excluded`,
    `links: ${profile.basis.stated} stated, ${profile.basis.inferred} inferred`,
  ]
  return `<p class="profile">${e(parts.join(' · '))}</p>`
}

function entries(record: Readonly<Record<string, number>>): string {
  const list = Object.entries(record)
  return list.length === 0 ? 'none' : list.map(([key, count]) => `${key} ${count}`).join(', ')
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
    const study = index.studies.get(item.study)
    const link = item.cmocs.find((l) => l.id === cmoc.id)
    return `<li class="link-${link?.basis ?? 'stated'}"><strong>${e(item.relation)}</strong>${item.parts.length > 0 ? ` (${e(item.parts.join(', '))})` : ''}${item.point === undefined ? '' : `: ${e(item.point)}`}${item.quote ? ` <q>${e(item.quote)}</q>` : ''} — ${study ? anchor(study.id, shortCitation(study)) : e(item.study)}${item.locator ? `, ${e(item.locator)}` : ''}${item.provenance ? ` <span class="muted">[${e(item.provenance)}]</span>` : ''}${link ? ` ${basisBadge(link)}` : ''}</li>`
  })
  return `<ul class="evidence">${items.join('')}</ul>`
}

/** How much evidence a CMOC rests on, linking to the CMOC where it is listed. */
function evidenceSummary(cmoc: CmocEntry): string {
  if (cmoc.evidence.length === 0) return '<span class="badge badge-gap">no evidence encoded</span>'
  const entries = `${cmoc.evidence.length} evidence entr${cmoc.evidence.length === 1 ? 'y' : 'ies'}`
  const studies = `${cmoc.studies.length} stud${cmoc.studies.length === 1 ? 'y' : 'ies'}`
  return `<a href="#${e(anchorId(cmoc.id))}">${entries} from ${studies}</a>`
}

/**
 * A recommendation, openable to links to its CMOCs (each with a summary of its evidence, which
 * the CMOC lists once) and its studies.
 */
export function recommendationCard(
  index: ReportIndex,
  rec: TraceReport['recommendations'][number],
): string {
  const audiences = rec.audiences.map((id) => anchor(id, index.audiences.get(id)?.name ?? id))
  const cmocs = rec.cmocs.map((link) => {
    const cmoc = index.cmocs.get(link.id)
    if (!cmoc) return ''
    return `<div class="cmoc-trace link-${link.basis}">
<h4>${anchor(cmoc.id, `${cmoc.label ?? cmoc.id}: ${cmoc.title}`)}</h4>
<p>${basisBadge(link)} ${evidenceSummary(cmoc)}</p>
</div>`
  })
  const studies = capped(
    rec.studies.map((id) => {
      const study = index.studies.get(id)
      return study ? anchor(id, shortCitation(study)) : e(id)
    }),
    (more) => `and ${more} more (see its CMOCs)`,
  )
  const gap =
    rec.cmocs.length === 0
      ? ' <span class="badge badge-gap">no CMOC</span>'
      : rec.studies.length === 0
        ? ' <span class="badge badge-gap">no studies</span>'
        : rec.studies.length === 1
          ? ' <span class="badge badge-gap">one study</span>'
          : ''
  return `<details class="rec" id="${e(anchorId(rec.id))}" data-audiences="${e(rec.audiences.join(' '))}" data-group="${e(rec.group ?? '')}">
<summary><span class="rec-id">${e(rec.id)}</span>${e(rec.text)}${gap}</summary>
<div class="rec-body">
<p><strong>Audiences:</strong> ${list(audiences)}</p>
${rec.provenance ? `<p class="muted">Source: ${e(rec.provenance)}</p>` : ''}
${markdownToHtml(rec.notes)}
${profileLine(rec.profile)}
${cmocs.join('\n') || '<p class="badge badge-gap">derives from no CMOC</p>'}
<p><strong>Studies:</strong> ${list(studies)}</p>
</div>
</details>`
}

/** A CMOC in the catalogue, with back links to the recommendations that use it. */
export function cmocArticle(index: ReportIndex, cmoc: CmocEntry): string {
  const recs = cmoc.recommendations.map((id) => anchor(id, id))
  const studies = cmoc.studies.map((id) => {
    const study = index.studies.get(id)
    return study ? anchor(id, shortCitation(study)) : e(id)
  })
  return `<article class="entity" id="${e(anchorId(cmoc.id))}">
<h3>${e(cmoc.label ?? cmoc.id)}: ${e(cmoc.title)}</h3>
${cmoList(cmoc)}
${cmoc.strategies.length > 0 ? `<p><strong>Strategies:</strong> ${e(cmoc.strategies.join('; '))}</p>` : ''}
${markdownToHtml(cmoc.narrative)}
${cmocConfidence(cmoc)}
${cmocRelationsHtml(cmoc)}
${profileLine(cmoc.profile)}
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
<p><strong>Evidence for:</strong> ${list(study.cmocs.map((id) => anchor(id, id)))}</p>
<p><strong>Used by recommendations:</strong> ${list(
    capped(
      study.recommendations.map((id) => anchor(id, id)),
      (more) => `and ${more} more (through the CMOCs it is evidence for)`,
    ),
  )}</p>
</article>`
}
