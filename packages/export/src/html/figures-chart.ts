import type { TraceReport } from '@realist-kb/core'
import { escapeHtml } from '../report/escape.js'

/** Reported-versus-encoded figures as a small horizontal bar chart (inline SVG) and a table. */
export function figuresChart(report: TraceReport): string {
  const figures = report.figures.filter((figure) => figure.reported !== undefined)
  if (figures.length === 0) return ''
  const max = figures.reduce(
    (most, figure) => Math.max(most, figure.reported ?? 0, figure.encoded),
    1,
  )
  const barWidth = (value: number): number => Math.round((value / max) * 300 * 10) / 10
  const rowHeight = 38
  const rows = figures.map((figure, index) => {
    const top = 10 + index * rowHeight
    return `<text x="0" y="${top + 12}">${escapeHtml(figure.label)}</text>
<rect class="bar-reported" x="190" y="${top}" width="${barWidth(figure.reported ?? 0)}" height="12"/><text x="${194 + barWidth(figure.reported ?? 0)}" y="${top + 10}">${figure.reported} reported</text>
<rect class="bar-encoded" x="190" y="${top + 15}" width="${barWidth(figure.encoded)}" height="12"/><text x="${194 + barWidth(figure.encoded)}" y="${top + 25}">${figure.encoded} encoded</text>`
  })
  const height = 10 + figures.length * rowHeight
  return `<figure>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 620 ${height}" width="620" height="${height}" role="img" aria-labelledby="rkb-figures-title">
<title id="rkb-figures-title">Reported versus encoded figures</title>
${rows.join('\n')}
</svg>
<figcaption>Grey: what the review reports. Blue: what this knowledge base encodes. The table below gives the same figures.</figcaption>
</figure>`
}
