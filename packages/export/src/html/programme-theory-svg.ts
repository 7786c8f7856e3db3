import type { TraceReport } from '@realist-kb/core'
import { escapeHtml } from '../report/escape.js'
import { groupWords } from '../report/group-words.js'
import { anchorId } from './anchor-id.js'

const rowHeight = 26
const boxHeight = 20
const columns = { group: 10, cmoc: 250, recommendation: 470 }
const widths = { group: 200, cmoc: 170, recommendation: 120 }

/**
 * The programme theory as an inline SVG: groups -> CMOCs -> recommendations, with the chains and
 * relations between CMOCs drawn beside their column. Every box links to its place in the report;
 * inferred CMOC-to-recommendation links are dashed.
 */
export function programmeTheorySvg(report: TraceReport): string {
  const words = groupWords(report)
  const rows = Math.max(report.groups.length, report.cmocs.length, report.recommendations.length, 1)
  const height = rows * rowHeight + 30
  const y = (index: number, count: number): number =>
    24 + (index + 0.5) * ((rows * rowHeight) / Math.max(count, 1))
  const cmocY = new Map(report.cmocs.map((cmoc, index) => [cmoc.id, y(index, report.cmocs.length)]))
  const recY = new Map(
    report.recommendations.map((rec, index) => [rec.id, y(index, report.recommendations.length)]),
  )
  const groupY = new Map(
    report.groups.map((group, index) => [group.id, y(index, report.groups.length)]),
  )

  const edges: string[] = []
  for (const cmoc of report.cmocs) {
    const from = cmoc.group === undefined ? undefined : groupY.get(cmoc.group)
    const to = cmocY.get(cmoc.id)
    if (from !== undefined && to !== undefined)
      edges.push(curve(columns.group + widths.group, from, columns.cmoc, to, 'edge-belongs'))
  }
  for (const rec of report.recommendations) {
    for (const link of rec.cmocs) {
      const from = cmocY.get(link.id)
      const to = recY.get(rec.id)
      if (from !== undefined && to !== undefined)
        edges.push(
          curve(
            columns.cmoc + widths.cmoc,
            from,
            columns.recommendation,
            to,
            link.basis === 'inferred' ? 'edge-inferred' : 'edge-stated',
          ),
        )
    }
  }
  // Links between CMOCs bow out to the left of their column: a chain reads top to bottom.
  for (const cmoc of report.cmocs) {
    const relations = [
      ['leads to', cmoc.relations.leadsTo],
      ['nested in', cmoc.relations.nestedIn],
      ['refines', cmoc.relations.refines],
      ['conflicts with', cmoc.relations.conflictsWith],
    ] as const
    for (const [word, links] of relations)
      for (const link of links) {
        const from = cmocY.get(cmoc.id)
        const to = cmocY.get(link.id)
        if (from !== undefined && to !== undefined) edges.push(bow(columns.cmoc, from, to, word))
      }
  }
  const nodes = [
    ...report.groups.map((c) =>
      // A group links to its section of recommendations, when it has one.
      box(
        c.id,
        c.name,
        columns.group,
        groupY.get(c.id) ?? 0,
        widths.group,
        'group',
        c.recommendations.length > 0,
      ),
    ),
    ...report.cmocs.map((c) =>
      box(c.id, c.label ?? c.id, columns.cmoc, cmocY.get(c.id) ?? 0, widths.cmoc, 'cmoc'),
    ),
    ...report.recommendations.map((r) =>
      box(
        r.id,
        r.id,
        columns.recommendation,
        recY.get(r.id) ?? 0,
        widths.recommendation,
        'recommendation',
      ),
    ),
  ]
  const headings = [
    `<text x="${columns.group}" y="14" font-weight="700">${escapeHtml(words.Plural)}</text>`,
    `<text x="${columns.cmoc}" y="14" font-weight="700">CMOCs</text>`,
    `<text x="${columns.recommendation}" y="14" font-weight="700">Recommendations</text>`,
  ]
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 ${height}" width="600" height="${height}" role="group" aria-labelledby="rkb-pt-title rkb-pt-desc">
<title id="rkb-pt-title">Programme theory</title>
<desc id="rkb-pt-desc">${escapeHtml(words.Plural)} on the left, the CMOCs that belong to them in the middle, and the recommendations derived from each CMOC on the right. Arcs beside the CMOCs join the CMOCs that lead to, nest in, refine or conflict with one another. Dashed lines are inferred links.</desc>
${headings.join('\n')}
${edges.join('\n')}
${nodes.join('\n')}
</svg>`
}

function bow(x: number, y1: number, y2: number, word: string): string {
  const reach = x - 20 - Math.min(Math.abs(y2 - y1) / 6, 20)
  return `<path class="edge-cmoc edge-${word.replace(/ /g, '-')}" d="M${x} ${round(y1)} C${round(reach)} ${round(y1)} ${round(reach)} ${round(y2)} ${x} ${round(y2)}"><title>${escapeHtml(word)}</title></path>`
}

function curve(x1: number, y1: number, x2: number, y2: number, className: string): string {
  const middle = (x1 + x2) / 2
  return `<path class="${className}" d="M${x1} ${round(y1)} C${middle} ${round(y1)} ${middle} ${round(y2)} ${x2} ${round(y2)}"/>`
}

function box(
  id: string,
  label: string,
  x: number,
  centre: number,
  width: number,
  kind: string,
  linked = true,
): string {
  const top = round(centre - boxHeight / 2)
  const text = label.length > 28 ? `${label.slice(0, 26)}…` : label
  const shape = `<rect x="${x}" y="${top}" width="${width}" height="${boxHeight}" rx="3"/><text x="${x + 6}" y="${round(top + 14)}">${escapeHtml(text)}</text>`
  return linked
    ? `<a href="#${escapeHtml(anchorId(id))}" class="node node-${kind}">${shape}</a>`
    : `<g class="node node-${kind}">${shape}</g>`
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
