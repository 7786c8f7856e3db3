import type { KnowledgeBaseDiff } from '@realist-kb/core'
import { entityLink } from '../html/anchor-id.js'
import { escapeHtml, escapeMarkdown } from '../report/escape.js'
import { diffSections } from './diff-sections.js'

/**
 * What a diff compares, as shown in its title.
 *
 * @example
 * ```ts
 * const sides: DiffSides = { from: 'v1.0', to: 'content (working tree)' }
 * ```
 */
export interface DiffSides {
  readonly from: string
  readonly to: string
}

const none = 'No changes.'

/**
 * A diff as plain text, for a terminal: one block per change, indented lines.
 *
 * @example
 * ```ts
 * import { renderDiffText } from '@realist-kb/export'
 * process.stdout.write(renderDiffText(diff, { from: 'v1.0', to: 'working tree' }))
 * ```
 */
export function renderDiffText(diff: KnowledgeBaseDiff, sides: Readonly<DiffSides>): string {
  const sections = diffSections(diff)
  const blocks = sections.map((s) => [s.heading, ...s.lines.map((line) => `  ${line}`)].join('\n'))
  return `Changes from ${sides.from} to ${sides.to}\n\n${sections.length === 0 ? none : blocks.join('\n\n')}\n`
}

/**
 * A diff as Markdown: a heading per change and a list of what changed.
 *
 * @example
 * ```ts
 * import { renderDiffMarkdown } from '@realist-kb/export'
 * const md = renderDiffMarkdown(diff, { from: 'v1.0', to: 'v1.1' })
 * ```
 */
export function renderDiffMarkdown(diff: KnowledgeBaseDiff, sides: Readonly<DiffSides>): string {
  const sections = diffSections(diff)
  const blocks = sections.map((s) =>
    [`## ${escapeMarkdown(s.heading)}`, '', ...s.lines.map((l) => `- ${escapeMarkdown(l)}`)].join(
      '\n',
    ),
  )
  const title = `# Changes from ${escapeMarkdown(sides.from)} to ${escapeMarkdown(sides.to)}`
  return `${title}\n\n${sections.length === 0 ? none : blocks.join('\n\n')}\n`
}

/**
 * A diff as JSON: the {@link KnowledgeBaseDiff} (versioned by its `version`) with the two sides
 * compared.
 *
 * @example
 * ```ts
 * import { renderDiffJson } from '@realist-kb/export'
 * JSON.parse(renderDiffJson(diff, { from: 'v1.0', to: 'v1.1' })).version // 1
 * ```
 */
export function renderDiffJson(diff: KnowledgeBaseDiff, sides: Readonly<DiffSides>): string {
  const { version, ...rest } = diff
  return `${JSON.stringify({ version, from: sides.from, to: sides.to, ...rest }, null, 2)}\n`
}

/**
 * The "What's new" section of the HTML report: what changed since an earlier version, each
 * recommendation and CMOC linked to its place in the report.
 *
 * @example
 * ```ts
 * import { whatsNewHtml } from '@realist-kb/export'
 * const section = whatsNewHtml(diff, { from: 'v1.0', to: 'this version' })
 * ```
 */
export function whatsNewHtml(diff: KnowledgeBaseDiff, sides: Readonly<DiffSides>): string {
  const e = escapeHtml
  const sections = diffSections(diff)
  const body =
    sections.length === 0
      ? `<p>${none}</p>`
      : sections
          .map(
            (s) =>
              `<h3>${s.id === undefined ? e(s.heading) : `${entityLink(s.id, s.heading)}`}</h3>\n<ul>${s.lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`,
          )
          .join('\n')
  return `<p>Changes from ${e(sides.from)} to ${e(sides.to)}.</p>\n${body}`
}
