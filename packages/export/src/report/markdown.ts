import { formatVancouver, shortCitation } from '@realist-kb/citations'
import type { CmocEntry, ReportLink, TraceReport } from '@realist-kb/core'
import { capped } from './capped-list.js'
import { cmocPartRows, notGiven } from './cmoc-parts.js'
import { escapeMarkdown } from './escape.js'
import type { Exporter } from './exporter.js'
import {
  appraisalLine,
  componentNames,
  concernWords,
  confidenceWords,
  hintWords,
  profileWords,
  relationLists,
  spreadWords,
} from './judgement-text.js'
import { recommendationSections } from './recommendation-sections.js'
import { studiesCount } from './studies-count.js'

const m = escapeMarkdown

/**
 * The traceability report as Markdown that reads well on GitHub: recommendations by group,
 * each with links to its CMOCs and its studies; then the CMOCs, each with its evidence (shown
 * once, where every recommendation links to it), studies, gaps and figures. Every entity has an
 * explicit anchor, so links work on GitHub and in other renderers. The size of the report grows
 * with the knowledge base, not with the number of recommendation-CMOC-study paths.
 *
 * @example
 * ```ts
 * const markdown = renderMarkdown(buildTraceReport(kb))
 * ```
 */
export function renderMarkdown(report: TraceReport): string {
  const cmocs = new Map(report.cmocs.map((cmoc) => [cmoc.id, cmoc]))
  const studies = new Map(report.studies.map((study) => [study.id, study]))
  const evidence = new Map(report.evidence.map((item) => [item.id, item]))
  const audiences = new Map(report.audiences.map((audience) => [audience.id, audience]))
  const link = (id: string, label: string): string => `[${m(label)}](#${id})`
  const studyLink = (id: string): string => {
    const study = studies.get(id)
    return study ? link(id, shortCitation(study)) : m(id)
  }
  const basis = (l: ReportLink): string =>
    l.basis === 'inferred'
      ? `*inferred*: ${m(l.rationale ?? 'no rationale given')}`
      : `**stated**${l.location ? `: ${m(l.location)}` : ''}`
  const evidenceLines = (cmoc: CmocEntry): string[] =>
    cmoc.evidence.length === 0
      ? ['- no evidence encoded']
      : cmoc.evidence.flatMap((id) => {
          const item = evidence.get(id)
          if (!item) return []
          const l = item.cmocs.find((c) => c.id === cmoc.id)
          return [
            `- ${m(item.relation)}${item.parts.length > 0 ? ` (${m(item.parts.join(', '))})` : ''}${item.point === undefined ? '' : `: ${m(item.point)}`}${item.quote === undefined ? '' : ` “${m(item.quote)}”`}${item.locator === undefined ? '' : ` (${m(item.locator)})`} — ${studyLink(item.study)}${item.provenance ? ` [${m(item.provenance)}]` : ''}${l ? ` (${basis(l)})` : ''}`,
          ]
        })

  const evidenceCount = (cmoc: CmocEntry): string =>
    cmoc.evidence.length === 0
      ? 'no evidence encoded'
      : `${cmoc.evidence.length} evidence entr${cmoc.evidence.length === 1 ? 'y' : 'ies'} from ${cmoc.studies.length} stud${cmoc.studies.length === 1 ? 'y' : 'ies'}`

  const out: string[] = []
  out.push(`# Traceability report${report.review ? `: ${m(report.review.title)}` : ''}`, '')
  if (report.review) {
    const r = report.review
    out.push(
      `${m(r.authors.join(', '))}. ${r.journal ? `${m(r.journal)}. ` : ''}${r.year}.${r.doi ? ` doi:${m(r.doi)}` : ''}`,
      '',
    )
  }
  out.push(
    `${report.recommendations.length} recommendations, ${report.cmocs.length} CMOCs, ${m(studiesCount(report))}, ${report.evidence.length} evidence entries, ${report.gaps.length} gaps. Links are **stated** by the source or *inferred* by the encoder.`,
    '',
    '## Contents',
    '',
    '- [Summary of findings](#summary-of-findings)',
    '- [Recommendations](#recommendations)',
    '- [CMOCs](#cmocs)',
    '- [Studies](#studies)',
    '- [Gaps](#gaps)',
    '- [Reported versus encoded](#reported-versus-encoded)',
    '',
    '## Summary of findings',
    '',
    'Each recommendation with the confidence of the CMOCs it rests on (the lowest, and how many at each level) and its evidence.',
    '',
    '| recommendation | confidence (lowest) | CMOCs by confidence | evidence |',
    '|---|---|---|---|',
    ...report.recommendations.map(
      (rec) =>
        `| ${link(rec.id, rec.id)}: ${m(rec.text)} | ${confidenceWords(rec.confidence.lowest)} | ${m(spreadWords(rec))} | ${m(profileWords(rec.profile))} |`,
    ),
    '',
    '## Recommendations',
    '',
  )
  for (const { group, recommendations } of recommendationSections(report)) {
    out.push(
      group
        ? `### ${m(group.name)}${group.question ? `: ${m(group.question)}` : ''}`
        : '### Without a group',
      '',
    )
    for (const rec of recommendations) {
      out.push(`<a id="${rec.id}"></a>`, '', `#### ${rec.id}`, '', `> ${m(rec.text)}`, '')
      out.push(
        `- **Audiences:** ${rec.audiences.map((id) => m(audiences.get(id)?.name ?? id)).join('; ') || 'none'}`,
      )
      const studiesShown = capped(
        rec.studies.map(studyLink),
        (more) => `and ${more} more (see its CMOCs)`,
      )
      out.push(`- **Studies:** ${studiesShown.join(', ') || 'none'}`, '')
      if (rec.cmocs.length === 0) out.push('Derives from no CMOC.', '')
      // Each CMOC's evidence is listed once, in its own section: linked from here, not repeated.
      for (const l of rec.cmocs) {
        const cmoc = cmocs.get(l.id)
        if (!cmoc) continue
        out.push(
          `- ${link(cmoc.id, `${cmoc.label ?? cmoc.id}: ${cmoc.title}`)} (${basis(l)}): ${evidenceCount(cmoc)}`,
        )
      }
      out.push('')
    }
  }
  out.push('## CMOCs', '')
  for (const cmoc of report.cmocs) {
    out.push(
      `<a id="${cmoc.id}"></a>`,
      '',
      `### ${m(cmoc.label ?? cmoc.id)}: ${m(cmoc.title)}`,
      '',
      '| | |',
      '|---|---|',
      ...cmocPartRows(cmoc).map(
        ({ label, items }) =>
          `| ${label} | ${items.length === 0 ? `_${notGiven}_` : items.map(m).join('<br>')} |`,
      ),
      '',
      `**Confidence:** ${confidenceWords(cmoc.confidence.overall)}${cmoc.confidence.explanation ? `: ${m(cmoc.confidence.explanation)}` : ''}`,
      '',
      '| component | judgement | from the data |',
      '|---|---|---|',
      ...(Object.keys(componentNames) as (keyof typeof componentNames)[]).map((component) => {
        const judged = cmoc.confidence.components[component]
        return `| ${componentNames[component]} | ${concernWords(judged.concern)}${judged.explanation ? `: ${m(judged.explanation)}` : ''} | ${m(hintWords(cmoc, component))} |`
      }),
      '',
      ...relationLists(cmoc).map(
        ([label, ids]) => `- **${label}:** ${ids.map((id) => link(id, id)).join(', ')}`,
      ),
      ...(cmoc.chain.upstream.length + cmoc.chain.downstream.length > 0
        ? [
            `- **Chain:** ${[...[...cmoc.chain.upstream].reverse(), cmoc.id, ...cmoc.chain.downstream].map((id) => (id === cmoc.id ? `**${m(id)}**` : link(id, id))).join(' → ')}`,
          ]
        : []),
      ...(relationLists(cmoc).length + cmoc.chain.upstream.length + cmoc.chain.downstream.length > 0
        ? ['']
        : []),
      ...evidenceLines(cmoc),
      '',
      `Used by: ${cmoc.recommendations.map((id) => link(id, id)).join(', ') || 'no recommendation'}`,
      '',
    )
  }
  out.push('## Studies', '')
  for (const study of report.studies) {
    out.push(
      `<a id="${study.id}"></a>`,
      '',
      `- **${m(shortCitation(study))}**: ${m(formatVancouver(study))} Design: ${m(study.design ?? 'not recorded')}; inclusion: ${m(study.inclusion)}. Evidence for: ${study.cmocs.map((id) => link(id, id)).join(', ') || 'none'}. Appraisal: ${m(appraisalLine(study))}.`,
      '',
    )
  }
  out.push('## Gaps', '')
  if (report.gaps.length === 0) out.push('No evidence gaps.')
  for (const gap of report.gaps)
    out.push(
      `- \`${gap.name}\` ${gap.entity ? `${link(gap.entity, gap.entity)}: ` : ''}${m(gap.message)}`,
    )
  out.push(
    '',
    '## Reported versus encoded',
    '',
    '| figure | reported | encoded | note |',
    '|---|---:|---:|---|',
  )
  for (const f of report.figures)
    out.push(`| ${m(f.label)} | ${f.reported ?? '—'} | ${f.encoded} | ${m(f.note)} |`)
  out.push('')
  return `${out.join('\n')}\n`
}

/**
 * The Markdown exporter.
 *
 * @example
 * ```ts
 * const md = markdownExporter.render(buildTraceReport(kb))
 * markdownExporter.extension // 'md'
 * ```
 */
export const markdownExporter: Exporter = {
  name: 'md',
  extension: 'md',
  mediaType: 'text/markdown',
  render: renderMarkdown,
}
