import type { FlowBox, FlowStage, PrismaFlow } from '@realist-kb/core'
import { wrapWords } from '../interchange/wrap.js'
import { escapeHtml } from '../report/escape.js'

const e = escapeHtml
const boxWidth = 250
const gap = 50
const left = 125
const lineHeight = 16
const wrapAt = 34

/** A box of the diagram: its heading and the stages it shows. */
interface Cell {
  readonly title: string
  readonly stages: readonly FlowStage[]
}

/** The diagram's grid, as PRISMA 2020 draws it: rows of the flow, columns of the arms. */
const rows: readonly { readonly band: string; readonly cells: readonly (Cell | undefined)[] }[] = [
  {
    band: 'Identification',
    cells: [
      {
        title: 'Records identified from databases and registers',
        stages: ['identified-database', 'identified-register'],
      },
      {
        title: 'Records removed before screening',
        stages: ['duplicates-removed', 'removed-automation', 'removed-other'],
      },
      {
        title: 'Records identified by other methods',
        stages: ['identified-website', 'identified-purposive', 'identified-citation'],
      },
      undefined,
    ],
  },
  {
    band: 'Screening',
    cells: [
      { title: 'Records screened', stages: ['screened'] },
      { title: 'Records excluded', stages: ['screened-excluded'] },
      undefined,
      undefined,
    ],
  },
  {
    band: 'Retrieval',
    cells: [
      { title: 'Reports sought for retrieval', stages: ['sought'] },
      { title: 'Reports not retrieved', stages: ['not-retrieved'] },
      { title: 'Reports sought for retrieval (other methods)', stages: ['other-sought'] },
      { title: 'Reports not retrieved (other methods)', stages: ['other-not-retrieved'] },
    ],
  },
  {
    band: 'Eligibility',
    cells: [
      { title: 'Reports assessed for eligibility', stages: ['assessed'] },
      { title: 'Reports excluded', stages: ['assessed-excluded'] },
      { title: 'Reports assessed for eligibility (other methods)', stages: ['other-assessed'] },
      { title: 'Reports excluded (other methods)', stages: ['other-excluded'] },
    ],
  },
  {
    band: 'Included',
    cells: [
      { title: 'Studies included in the review', stages: ['included', 'included-reports'] },
      undefined,
      undefined,
      undefined,
    ],
  },
]

const stageNames: { readonly [S in FlowStage]?: string } = {
  'identified-database': 'Databases',
  'identified-register': 'Registers',
  'identified-website': 'Websites',
  'identified-purposive': 'Purposive searching',
  'identified-citation': 'Citation (snowball) searching',
  'duplicates-removed': 'Duplicates',
  'removed-automation': 'Ineligible by automation tools',
  'removed-other': 'Other reasons',
  'included-reports': 'Reports of included studies',
}

/** The lines a stage shows: its count (or "not reported") and its items when there are several. */
function stageLines(box: FlowBox, withName: boolean): string[] {
  const count = box.value === undefined ? 'not reported' : `n = ${box.value}`
  const name = stageNames[box.stage]
  const lines = [withName && name ? `${name}: ${count}` : count]
  if (box.items.length > 1 || (box.items.length === 1 && box.stage.endsWith('excluded')))
    for (const item of box.items)
      lines.push(
        ...wrapWords(`${item.label}: ${item.value ?? 'not reported'}`, wrapAt).map((l) => `  ${l}`),
      )
  return lines
}

function cellLines(flow: PrismaFlow, cell: Cell): string[] {
  const stages = cell.stages.filter(
    (stage, index) => index === 0 || flow.boxes[stage].items.length > 0,
  )
  return [
    ...wrapWords(cell.title, wrapAt),
    ...stages.flatMap((stage) => stageLines(flow.boxes[stage], cell.stages.length > 1)),
  ]
}

/**
 * The PRISMA 2020 flow diagram as an accessible inline SVG: a title and a description that says
 * every box in words, text in every box (never colour alone), and "not reported" where the review
 * gives no figure (never 0). The arm of other methods is drawn only when the review reports it.
 *
 * @example
 * ```ts
 * import { prismaFlow } from '@realist-kb/core'
 * import { prismaFlowSvg } from '@realist-kb/export'
 * const svg = prismaFlowSvg(prismaFlow(report.reportedFigures))
 * ```
 */
export function prismaFlowSvg(flow: PrismaFlow, id = 'rkb-flow'): string {
  const otherStages: FlowStage[] = [
    'identified-website',
    'identified-purposive',
    'identified-citation',
    'other-sought',
    'other-not-retrieved',
    'other-assessed',
    'other-excluded',
  ]
  const other = otherStages.some((stage) => flow.boxes[stage].items.length > 0)
  const columnCount = other ? 4 : 2
  const x = (column: number) => left + column * (boxWidth + gap)
  const laid = rows.map((row) => {
    const cells = row.cells
      .slice(0, columnCount)
      .map((cell) => (cell ? cellLines(flow, cell) : undefined))
    const height = 16 + lineHeight * Math.max(...cells.map((lines) => lines?.length ?? 0))
    return { row, cells, height }
  })
  const ys: number[] = []
  let y = 10
  for (const item of laid) {
    ys.push(y)
    y += item.height + gap
  }
  const width = x(columnCount - 1) + boxWidth + 10
  const height = y - gap + 10
  const boxes: string[] = []
  const arrows: string[] = []
  const arrow = (x1: number, y1: number, x2: number, y2: number) =>
    arrows.push(
      `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" class="flow-arrow" marker-end="url(#${id}-head)"/>`,
    )
  laid.forEach(({ row, cells, height: rowHeight }, r) => {
    const top = ys[r] ?? 0
    boxes.push(`<text x="10" y="${top + rowHeight / 2}" class="flow-band">${e(row.band)}</text>`)
    cells.forEach((lines, column) => {
      if (!lines) return
      const text = lines
        .map(
          (line, index) =>
            `<tspan x="${x(column) + 10}" y="${top + 20 + index * lineHeight}"${index < wrapWords(row.cells[column]?.title ?? '', wrapAt).length ? ' class="flow-title"' : ''}>${e(line)}</tspan>`,
        )
        .join('')
      boxes.push(
        `<g><rect x="${x(column)}" y="${top}" width="${boxWidth}" height="${rowHeight}" rx="4" class="flow-box"/><text>${text}</text></g>`,
      )
      // Exclusion boxes hang off the box to their left.
      if (column % 2 === 1 && cells[column - 1])
        arrow(x(column - 1) + boxWidth, top + rowHeight / 2, x(column), top + rowHeight / 2)
    })
    const next = laid[r + 1]
    if (next?.cells[0] && cells[0])
      arrow(x(0) + boxWidth / 2, top + rowHeight, x(0) + boxWidth / 2, ys[r + 1] ?? 0)
  })
  if (other) {
    // Other methods: identified -> sought -> assessed -> included, beside the main arm.
    const bottom = (r: number) => (ys[r] ?? 0) + (laid[r]?.height ?? 0)
    const middle = x(2) + boxWidth / 2
    arrow(middle, bottom(0), middle, ys[2] ?? 0)
    arrow(middle, bottom(2), middle, ys[3] ?? 0)
    arrow(middle, bottom(3), x(0) + boxWidth, (ys[4] ?? 0) + (laid[4]?.height ?? 0) / 2)
  }
  const description = laid
    .flatMap(({ cells }) =>
      cells
        .filter((lines): lines is string[] => lines !== undefined)
        .map((lines) => lines.map((l) => l.trim()).join(' ')),
    )
    .join('. ')
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" style="max-width:100%;height:auto" role="img" aria-labelledby="${id}-title ${id}-desc">
<title id="${id}-title">PRISMA 2020 flow diagram of the documents searched, screened and included</title>
<desc id="${id}-desc">${e(description)}.</desc>
<defs><marker id="${id}-head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>
<style>.flow-box{fill:#fff;stroke:#333}.flow-title{font-weight:bold}.flow-band{font-weight:bold;font-size:13px}.flow-arrow{stroke:#333}text{font:12px sans-serif;fill:#111}</style>
${boxes.join('\n')}
${arrows.join('\n')}
</svg>`
}
