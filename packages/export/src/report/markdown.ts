import { shortCitation } from '@realist-kb/citations'
import type { CmocEntry, ReportLink, TraceReport } from '@realist-kb/core'
import { diffSections } from '../diff/diff-sections.js'
import { capped } from './capped-list.js'
import { cmocPartRows, notGiven } from './cmoc-parts.js'
import { escapeMarkdown } from './escape.js'
import type { Exporter } from './exporter.js'
import { gapsMarkdown } from './gaps-markdown.js'
import { groupWords } from './group-words.js'
import { reportIdentity } from './identity.js'
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
import { workLinks } from './links.js'
import { recommendationSections } from './recommendation-sections.js'
import { referenceMarkdown, workLinkMarkdown } from './reference-markdown.js'
import { referenceOrder } from './reference-parts.js'
import { studiesCount } from './studies-count.js'
import { termLabels } from './term-label.js'

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
      `${m(r.authors.join(', '))}. ${r.journal ? `${m(r.journal)}. ` : ''}${r.year}.${workLinks(r)
        .map((l) => ` ${l.kind === 'DOI' ? 'doi:' : ''}${workLinkMarkdown(l)}`)
        .join('')}`,
      '',
    )
  }
  const words = groupWords(report)
  const recommendationLines = (): string[] => {
    const lines: string[] = []
    for (const { group, recommendations } of recommendationSections(report)) {
      // A base without groups lists its recommendations under no heading of their own.
      if (group !== undefined || report.groups.length > 0)
        lines.push(
          group
            ? `### ${m(group.name)}${group.question ? `: ${m(group.question)}` : ''}`
            : `### ${m(words.without)}`,
          '',
        )
      for (const rec of recommendations) {
        lines.push(`<a id="${rec.id}"></a>`, '', `#### ${rec.id}`, '', `> ${m(rec.text)}`, '')
        lines.push(
          `- **Audiences:** ${rec.audiences.map((id) => m(audiences.get(id)?.name ?? id)).join('; ') || 'none'}`,
        )
        const studiesShown = capped(
          rec.studies,
          studyLink,
          (more) => `and ${more} more (see its CMOCs)`,
        )
        lines.push(`- **Studies:** ${studiesShown.join(', ') || 'none'}`, '')
        if (rec.cmocs.length === 0) lines.push('Derives from no CMOC.', '')
        // Each CMOC's evidence is listed once, in its own section: linked from here, not repeated.
        for (const l of rec.cmocs) {
          const cmoc = cmocs.get(l.id)
          if (!cmoc) continue
          lines.push(
            `- ${link(cmoc.id, `${cmoc.label ?? cmoc.id}: ${cmoc.title}`)} (${basis(l)}): ${evidenceCount(cmoc)}`,
          )
        }
        lines.push('')
      }
    }
    return lines
  }
  const groupNames = new Map(report.groups.map((group) => [group.id, group.name]))
  // A CMOC's confidence beside what the data say, then its links to other CMOCs and its chain.
  const judgementLines = (cmoc: CmocEntry): string[] => {
    const { confidence, chain } = cmoc
    const lines = [
      `**Confidence:** ${confidenceWords(confidence.overall)}${confidence.explanation ? `: ${m(confidence.explanation)}` : ''}`,
      '',
      '| component | judgement | from the data |',
      '|---|---|---|',
    ]
    for (const component of Object.keys(componentNames) as (keyof typeof componentNames)[]) {
      const judged = confidence.components[component]
      lines.push(
        `| ${componentNames[component]} | ${concernWords(judged.concern)}${judged.explanation ? `: ${m(judged.explanation)}` : ''} | ${m(hintWords(cmoc, component))} |`,
      )
    }
    lines.push('')
    const relations = relationLists(cmoc)
    for (const [label, ids] of relations)
      lines.push(`- **${label}:** ${ids.map((id) => link(id, id)).join(', ')}`)
    if (chain.upstream.length + chain.downstream.length > 0)
      lines.push(
        `- **Chain:** ${[...[...chain.upstream].reverse(), cmoc.id, ...chain.downstream]
          .map((id) => (id === cmoc.id ? `**${m(id)}**` : link(id, id)))
          .join(' → ')}`,
      )
    if (relations.length + chain.upstream.length + chain.downstream.length > 0) lines.push('')
    return lines
  }
  const cmocLines = (): string[] => {
    const lines: string[] = []
    for (const cmoc of report.cmocs) {
      lines.push(
        `<a id="${cmoc.id}"></a>`,
        '',
        `### ${m(cmoc.label ?? cmoc.id)}: ${m(cmoc.title)}`,
        '',
      )
      if (cmoc.group !== undefined)
        lines.push(`${m(words.Singular)}: ${m(groupNames.get(cmoc.group) ?? cmoc.group)}`, '')
      if (cmoc.status === 'incomplete')
        lines.push('_The source gives this configuration only in part._', '')
      lines.push('| | |', '|---|---|')
      for (const { label, items } of cmocPartRows(cmoc))
        lines.push(
          `| ${label} | ${items.length === 0 ? `_${notGiven}_` : items.map(m).join('<br>')} |`,
        )
      lines.push('')
      for (const line of judgementLines(cmoc)) lines.push(line)
      // One line at a time: a CMOC's evidence is as long as content makes it.
      for (const line of evidenceLines(cmoc)) lines.push(line)
      lines.push('')
      if (report.recommendations.length > 0)
        lines.push(
          `Used by: ${cmoc.recommendations.map((id) => link(id, id)).join(', ') || 'no recommendation'}`,
          '',
        )
    }
    return lines
  }
  const studyLines = (): string[] =>
    report.studies.flatMap((study) => [
      `<a id="${study.id}"></a>`,
      '',
      `- **${m(shortCitation(study))}**: ${referenceMarkdown(study)} Design: ${m(termLabels(report.terms, 'designs', study.design === undefined ? [] : [study.design]))}; inclusion: ${m(study.inclusion)}${study.role === 'evidence' ? '' : `; cited as ${m(study.role)}`}. Evidence for: ${study.cmocs.map((id) => link(id, id)).join(', ') || 'none'}. Appraisal: ${m(appraisalLine(study))}.`,
      '',
    ])
  const figureLines = (): string[] => [
    '| figure | reported | encoded | note |',
    '|---|---:|---:|---|',
    ...report.figures.map(
      (f) => `| ${m(f.label)} | ${f.reported ?? '—'} | ${f.encoded} | ${m(f.note)} |`,
    ),
  ]
  const whatsNewLines = (): string[] => {
    const changes = report.changes
    if (!changes) return []
    const blocks = diffSections(changes.diff)
    if (blocks.length === 0) return [`No changes since ${m(changes.since)}.`]
    return [
      `Changes since ${m(changes.since)}.`,
      '',
      ...blocks.flatMap((block) => [
        `### ${block.id === undefined ? m(block.heading) : link(block.id, block.heading)}`,
        '',
        ...block.lines.map((line) => `- ${m(line)}`),
        '',
      ]),
    ]
  }
  const ramesesLines = (): string[] => [
    `The publication standards for realist syntheses (${m(report.rameses?.source ?? '')}), in our own words.`,
    '',
    '| item | standard | reported at | check |',
    '|---:|---|---|---|',
    ...(report.rameses?.rows ?? []).map(
      (row) =>
        `| ${row.item.number} | ${m(row.item.title)} | ${row.reportedAt === undefined ? 'not stated' : m(row.reportedAt)} | ${row.check.status}: ${m(row.check.detail)} |`,
    ),
  ]
  // Only the sections the base has something for; without recommendations, CMOCs lead.
  const summaryLines = (): string[] => {
    const lines = [
      'Each recommendation with the confidence of the CMOCs it rests on (the lowest, and how many at each level) and its evidence.',
      '',
      '| recommendation | confidence (lowest) | CMOCs by confidence | evidence |',
      '|---|---|---|---|',
    ]
    for (const rec of report.recommendations)
      lines.push(
        `| ${link(rec.id, rec.id)}: ${m(rec.text)} | ${confidenceWords(rec.confidence.lowest)} | ${m(spreadWords(rec))} | ${m(profileWords(rec.profile))} |`,
      )
    return lines
  }
  const sections = [
    {
      title: "What's new",
      anchor: 'whats-new',
      lines: whatsNewLines,
      shown: report.changes !== undefined,
    },
    {
      title: 'Summary of findings',
      anchor: 'summary-of-findings',
      lines: summaryLines,
      shown: report.recommendations.length > 0,
    },
    {
      title: 'Recommendations',
      anchor: 'recommendations',
      lines: recommendationLines,
      shown: report.recommendations.length > 0,
    },
    { title: 'CMOCs', anchor: 'cmocs', lines: cmocLines, shown: report.cmocs.length > 0 },
    { title: 'Studies', anchor: 'studies', lines: studyLines, shown: report.studies.length > 0 },
    {
      title: 'References',
      anchor: 'references',
      lines: () =>
        referenceOrder(report.studies).map(
          (study, index) => `${index + 1}. ${referenceMarkdown(study)} ${link(study.id, 'Entry')}`,
        ),
      shown: report.studies.length > 0,
    },
    {
      title: 'Gaps',
      anchor: 'gaps',
      lines: () => gapsMarkdown(report),
      shown: report.gaps.length > 0,
    },
    {
      title: 'Reported versus encoded',
      anchor: 'reported-versus-encoded',
      lines: figureLines,
      shown: report.figures.length > 0,
    },
    {
      title: 'RAMESES checklist',
      anchor: 'rameses-checklist',
      lines: ramesesLines,
      shown: report.rameses !== undefined,
    },
  ].filter((section) => section.shown)
  out.push(
    `${[
      report.recommendations.length > 0 ? `${report.recommendations.length} recommendations` : '',
      `${report.cmocs.length} CMOCs`,
      m(studiesCount(report)),
      `${report.evidence.length} evidence entries`,
      `${report.gaps.length} gaps`,
    ]
      .filter(Boolean)
      .join(', ')}. Links are **stated** by the source or *inferred* by the encoder.`,
    '',
    '## Contents',
    '',
    ...sections.map((section) => `- [${section.title}](#${section.anchor})`),
    '',
  )
  for (const section of sections) {
    out.push(`## ${section.title}`, '')
    // A line at a time: a section is as long as the base makes it (never spread into a call).
    for (const line of section.lines()) out.push(line)
    out.push('')
  }
  out.push('---', '', m(reportIdentity(report)), '')
  // Sections end with a blank line of their own: never two in a row.
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`
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
