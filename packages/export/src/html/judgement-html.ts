import { type CmocEntry, capitalised, type StudyEntry, type TraceReport } from '@realist-kb/core'
import { escapeHtml } from '../report/escape.js'
import {
  appraisalWords,
  componentNames,
  concernWords,
  confidenceWords,
  hintWords,
  profileWords,
  relationLists,
  spreadWords,
} from '../report/judgement-text.js'
import { entityLink } from './anchor-id.js'

const e = escapeHtml

/**
 * The summary of findings: each recommendation with the confidence of the CMOCs it rests on
 * next to its text, the way GRADEpro and MAGICapp show a recommendation's certainty.
 */
export function summaryOfFindings(report: TraceReport): string {
  const rows = report.recommendations.map(
    (rec) =>
      `<tr><td>${entityLink(rec.id, rec.id)}: ${e(rec.text)}</td><td class="confidence-${e(rec.confidence.lowest)}">${e(confidenceWords(rec.confidence.lowest))}</td><td>${e(spreadWords(rec))}</td><td>${e(profileWords(rec.profile))}</td></tr>`,
  )
  return `<div class="table-wrap"><table class="rkb-sof">
<caption>Confidence (lowest) is the lowest overall confidence among the CMOCs a recommendation rests on.</caption>
<thead><tr><th scope="col">Recommendation</th><th scope="col">Confidence (lowest)</th><th scope="col">CMOCs by confidence</th><th scope="col">Evidence</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`
}

/** A CMOC's confidence: the judgement of each component beside what the data say. */
export function cmocConfidence(cmoc: CmocEntry): string {
  const { confidence } = cmoc
  const rows = (Object.keys(componentNames) as (keyof typeof componentNames)[]).map((component) => {
    const judged = confidence.components[component]
    return `<tr><th scope="row">${componentNames[component]}</th><td>${e(concernWords(judged.concern))}${judged.explanation ? `: ${e(judged.explanation)}` : ''}</td><td class="muted">${e(hintWords(cmoc, component))}</td></tr>`
  })
  const who = [confidence.by, confidence.date].filter(Boolean).join(', ')
  return `<p><strong>Confidence:</strong> <span class="confidence-${e(confidence.overall)}">${e(confidenceWords(confidence.overall))}</span>${confidence.explanation ? `: ${e(confidence.explanation)}` : ''}${who ? ` <span class="muted">(${e(who)})</span>` : ''}</p>
<div class="table-wrap"><table class="rkb-cerqual"><thead><tr><th scope="col">Component</th><th scope="col">Judgement</th><th scope="col">From the data</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`
}

/** A CMOC's typed links to other CMOCs, and the chain through it. */
export function cmocRelationsHtml(cmoc: CmocEntry): string {
  const link = (id: string): string => entityLink(id, id)
  const lines = relationLists(cmoc).map(
    ([label, ids]) => `<p><strong>${e(label)}:</strong> ${ids.map(link).join(', ')}</p>`,
  )
  const { upstream, downstream } = cmoc.chain
  if (upstream.length + downstream.length > 0)
    lines.push(
      `<p><strong>Chain:</strong> ${[...[...upstream].reverse(), cmoc.id, ...downstream]
        .map((id) => (id === cmoc.id ? `<strong>${e(id)}</strong>` : link(id)))
        .join(' → ')}</p>`,
    )
  return lines.join('\n')
}

/** The data attributes a study article carries, so that the page can filter by appraisal. */
export function appraisalAttributes(study: StudyEntry): string {
  const { dimensions } = study.appraisal
  return `data-relevance="${e(dimensions.relevance.level)}" data-richness="${e(dimensions.richness.level)}" data-rigour="${e(dimensions.rigour.level)}"`
}

/** A study's appraisal, each dimension with its justification. */
export function appraisalHtml(study: StudyEntry): string {
  const { dimensions, by, date, notes } = study.appraisal
  const items = (['relevance', 'richness', 'rigour'] as const).map((dimension) => {
    const judged = dimensions[dimension]
    return `<dt>${e(capitalised(dimension))}</dt><dd>${e(appraisalWords(judged.level))}${judged.justification ? `: ${e(judged.justification)}` : ''}${judged.notes ? ` <span class="muted">${e(judged.notes)}</span>` : ''}</dd>`
  })
  const who = [by, date].filter(Boolean).join(', ')
  return `<dl class="cmo rkb-appraisal">${items.join('')}</dl>${notes || who ? `<p class="muted">${e([notes, who && `Appraised by ${who}`].filter(Boolean).join('. '))}</p>` : ''}`
}

/** The controls that filter studies by the level of their appraisal. */
export function studyControls(report: TraceReport): string {
  const select = (dimension: string): string =>
    `<label for="rkb-filter-${dimension}">${capitalised(dimension)}<select id="rkb-filter-${dimension}" data-dimension="${dimension}"><option value="">Any</option><option value="high">High</option><option value="moderate">At least moderate</option><option value="low">Appraised</option></select></label>`
  return `<div class="rkb-controls" role="search" aria-label="Filter studies by appraisal">
${['relevance', 'richness', 'rigour'].map(select).join('\n')}
</div>
<p id="rkb-study-status" class="rkb-status" role="status">${report.studies.length} of ${report.studies.length} studies shown</p>`
}
