import type { CmocEntry, RecommendationEntry, ReportLink, StudyEntry } from '@realist-kb/core'
import { capped } from '../report/capped-list.js'
import { escapeHtml } from '../report/escape.js'
import { groupWords } from '../report/group-words.js'
import { appraisalLine, confidenceWords } from '../report/judgement-text.js'
import { markdownToHtml } from '../report/markdown-to-html.js'
import { anchorId, entityLink } from './anchor-id.js'
import { traceFigure } from './diagram-html.js'
import { profileTable } from './profile-table.js'
import { basisBadge, type ReportIndex, studyLink } from './sections.js'

const e = escapeHtml

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/**
 * The audience filter's key for a recommendation: the audiences it addresses and every audience a
 * compound one among them includes, so the filter finds it under each group.
 */
export function audiencesReached(index: ReportIndex, rec: RecommendationEntry): string[] {
  return index.report.audiences
    .filter((audience) => audience.allRecommendations.includes(rec.id))
    .map((audience) => audience.id)
}

/**
 * The collapsed row of a recommendation, like a summary-of-findings row: its text, then its
 * group, audiences, how many CMOCs and studies it rests on, how its CMOC links are made, and the
 * lowest CERQual confidence among its CMOCs ("not assessed" when none is).
 */
function summaryRow(index: ReportIndex, rec: RecommendationEntry): string {
  const { report } = index
  const group = rec.group === undefined ? undefined : index.groups.get(rec.group)
  const audiences = rec.audiences.map((id) => index.audiences.get(id)?.name ?? id)
  const stated = rec.cmocs.filter((link) => link.basis === 'stated').length
  const gap =
    rec.cmocs.length === 0
      ? ' <span class="badge badge-gap">no CMOC</span>'
      : rec.studies.length === 0
        ? ' <span class="badge badge-gap">no studies</span>'
        : rec.studies.length === 1
          ? ' <span class="badge badge-gap">one study</span>'
          : ''
  const facts = [
    report.groups.length === 0
      ? ''
      : `<span class="fact"><span class="fact-label">${e(groupWords(report).Singular)}</span> ${e(group?.name ?? 'none')}</span>`,
    `<span class="fact"><span class="fact-label">Audiences</span> ${e(audiences.join('; ') || 'none')}</span>`,
    `<span class="fact">${plural(rec.cmocs.length, 'CMOC', 'CMOCs')}</span>`,
    `<span class="fact">${plural(rec.studies.length, 'study', 'studies')}</span>`,
    `<span class="fact"><span class="fact-label">Links</span> ${stated} stated, ${rec.cmocs.length - stated} inferred</span>`,
    `<span class="fact"><span class="fact-label">Confidence</span> <span class="confidence-${e(rec.confidence.lowest)}">${e(confidenceWords(rec.confidence.lowest))}</span></span>`,
  ]
  return `<summary><span class="rec-head"><span class="rec-id">${e(rec.id)}</span> <span class="rec-text">${e(rec.text)}</span>${gap}</span>
<span class="rec-facts">${facts.filter(Boolean).join(' ')}</span></summary>`
}

/** A study's appraisal in a few words: one phrase when it has none. */
function appraisal(study: StudyEntry): string {
  const { dimensions } = study.appraisal
  const none = Object.values(dimensions).every((dimension) => dimension.level === 'not-appraised')
  return none ? 'Not appraised' : appraisalLine(study)
}

/** One evidence entry in a chain: what it says, where, and the study with its appraisal. */
function evidenceItem(index: ReportIndex, cmoc: CmocEntry, id: string): string {
  const item = index.evidence.get(id)
  if (!item) return ''
  const study = index.studies.get(item.study)
  const link = item.cmocs.find((l) => l.id === cmoc.id)
  const said = [
    item.point === undefined ? '' : e(item.point),
    item.quote ? `<q>${e(item.quote)}</q>` : '',
  ].filter(Boolean)
  return `<li class="link-${link?.basis ?? 'stated'}"><strong>${e(item.relation)}</strong>${item.parts.length > 0 ? ` (${e(item.parts.join(', '))})` : ''}${said.length > 0 ? `: ${said.join(' ')}` : ''}${item.locator ? ` <span class="locator">${e(item.locator)}</span>` : ''}${link ? ` ${basisBadge(link)}` : ''}
<span class="chain-study">${study ? `${studyLink(index, study.id)} <span class="muted">${e(appraisal(study))}</span>` : e(item.study)}</span></li>`
}

/**
 * Evidence entries a recommendation's chain shows in all, across its CMOCs: each CMOC lists all of
 * its own, so the chain only samples them, and a recommendation resting on many CMOCs costs the
 * page a bounded amount, not CMOCs x entries (a fan-out base would otherwise grow with its paths).
 */
export const maxChainEvidence = 24

/** CMOCs a recommendation's chain opens in full; the rest are named in one line. */
export const maxChainCmocs = 12

/** The CMOCs past the chain's first ones: a line of links, each with how it is made. */
function moreCmocs(index: ReportIndex, links: readonly ReportLink[]): string {
  if (links.length === 0) return ''
  const named = links.map((link) => {
    const cmoc = index.cmocs.get(link.id)
    return `${entityLink(link.id, cmoc?.label ?? link.id)} (${link.basis})`
  })
  return `<p class="chain-more"><strong>Also derives from ${links.length} more CMOCs:</strong> ${named.join(', ')}</p>`
}

/** One CMOC of a recommendation's chain with as much of its evidence as `budget` still allows. */
function chainLink(index: ReportIndex, link: ReportLink, budget: { left: number }): string {
  const cmoc = index.cmocs.get(link.id)
  if (!cmoc) return ''
  const shown = cmoc.evidence.slice(0, budget.left)
  budget.left -= shown.length
  const more = cmoc.evidence.length - shown.length
  const items = shown.map((id) => evidenceItem(index, cmoc, id))
  if (more > 0)
    items.push(
      `<li class="muted">${shown.length === 0 ? '' : 'and '}${more} ${more === 1 ? 'entry' : 'entries'}${shown.length === 0 ? '' : ' more'}, listed under ${entityLink(cmoc.id, cmoc.label ?? cmoc.id)}</li>`,
    )
  return `<li class="cmoc-trace link-${link.basis}">
<h4>${entityLink(cmoc.id, `${cmoc.label ?? cmoc.id}: ${cmoc.title}`)}</h4>
<p>${basisBadge(link)} <span class="fact-label">Confidence</span> <span class="confidence-${e(cmoc.confidence.overall)}">${e(confidenceWords(cmoc.confidence.overall))}</span></p>
${items.length === 0 ? '<p class="badge badge-gap">no evidence encoded</p>' : `<ul class="evidence">${items.join('\n')}</ul>`}
</li>`
}

/**
 * The opened part of a recommendation: the chain recommendation -> CMOC -> evidence (point or
 * quote, locator) -> study with its appraisal, and its evidence profile as a small table.
 */
export function recommendationBody(index: ReportIndex, rec: RecommendationEntry): string {
  const audiences = rec.audiences.map((id) => {
    const audience = index.audiences.get(id)
    const included = audience?.includes ?? []
    return `${entityLink(id, audience?.name ?? id)}${included.length === 0 ? '' : ` <span class="muted">(includes ${included.map((l) => e(index.audiences.get(l.id)?.name ?? l.id)).join('; ')})</span>`}`
  })
  const studies = capped(
    rec.studies,
    (id) => studyLink(index, id),
    (more) => `and ${more} more (see its CMOCs)`,
  )
  const budget = { left: maxChainEvidence }
  return `<div class="rec-body">
<p><strong>Audiences:</strong> ${audiences.join(', ') || '<span class="muted">none</span>'}</p>
${rec.provenance ? `<p class="muted">Source: ${e(rec.provenance)}</p>` : ''}
${markdownToHtml(rec.notes)}
${profileTable(rec.profile, `Evidence profile of ${rec.id}`, index.report.terms)}
${
  rec.cmocs.length === 0
    ? '<p class="badge badge-gap">derives from no CMOC</p>'
    : `<ol class="rkb-chain" aria-label="CMOCs and evidence behind ${e(rec.id)}">${rec.cmocs
        .slice(0, maxChainCmocs)
        .map((link) => chainLink(index, link, budget))
        .join('\n')}</ol>${moreCmocs(index, rec.cmocs.slice(maxChainCmocs))}`
}
${traceFigure(index.report, rec)}
<p><strong>Studies:</strong> ${studies.join(', ') || '<span class="muted">none</span>'}</p>
</div>`
}

/**
 * A recommendation as a summary-of-findings row that opens to its chain. When `lazy`, the body
 * waits in a template that the page script renders on first open, so a large report keeps a
 * small DOM until a reader asks for more.
 */
export function recommendationCard(
  index: ReportIndex,
  rec: RecommendationEntry,
  lazy: boolean,
): string {
  const body = recommendationBody(index, rec)
  return `<details class="rec" id="${e(anchorId(rec.id))}" data-audiences="${e(audiencesReached(index, rec).join(' '))}" data-group="${e(rec.group ?? '')}">
${summaryRow(index, rec)}
${lazy ? `<template class="rec-lazy">${body}</template>` : body}
</details>`
}
