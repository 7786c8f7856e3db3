import type { TraceReport } from '@realist-kb/core'
import { escapeHtml } from '../report/escape.js'
import { groupWords } from '../report/group-words.js'
import { anchorId } from './anchor-id.js'

/** The evidence gap map as heat-map tables, one per study characteristic. */
export function gapMapHtml(report: TraceReport): string {
  const cmocs = new Map(report.cmocs.map((cmoc) => [cmoc.id, cmoc]))
  const groups = new Map(report.groups.map((group) => [group.id, group]))
  return report.gapMap
    .map((table) => {
      const max = table.rows.reduce(
        (most, row) => row.counts.reduce((rowMost, count) => Math.max(rowMost, count), most),
        1,
      )
      const head = table.values.map((value) => `<th scope="col">${escapeHtml(value)}</th>`).join('')
      let currentGroup: string | undefined
      const body = table.rows
        .map((row) => {
          const cmoc = cmocs.get(row.cmoc)
          let groupRow = ''
          if (row.group !== currentGroup) {
            currentGroup = row.group
            const name =
              row.group === undefined
                ? `No ${groupWords(report).singular}`
                : (groups.get(row.group)?.name ?? row.group)
            groupRow = `<tr><th scope="rowgroup" colspan="${table.values.length + 1}">${escapeHtml(name)}</th></tr>`
          }
          const cells = row.counts
            .map((count) => `<td class="cell h${heat(count, max)}">${count}</td>`)
            .join('')
          return `${groupRow}<tr><th scope="row"><a href="#${escapeHtml(anchorId(row.cmoc))}">${escapeHtml(cmoc?.label ?? row.cmoc)}</a></th>${cells}</tr>`
        })
        .join('\n')
      return `<h3 id="rkb-gap-map-${table.dimension}">By ${escapeHtml(table.dimension)}</h3>
<div class="heat"><table>
<caption class="sr-only">Number of studies per CMOC by ${escapeHtml(table.dimension)}</caption>
<thead><tr><th scope="col">CMOC</th>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`
    })
    .join('\n')
}

function heat(count: number, max: number): number {
  if (count === 0) return 0
  return Math.min(4, 1 + Math.floor(((count - 1) / Math.max(1, max - 1)) * 3))
}
