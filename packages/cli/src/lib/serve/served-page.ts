import type { Diagnostic } from '@realist-kb/core'
import { escapeHtml as e } from '@realist-kb/export'

/** The path of the server-sent events that tell a served page to reload. */
export const eventsPath = '/events'

/** Diagnostics listed in the banner; the rest are counted. */
const bannerLimit = 200

/** What a served page shows beside the report. */
export interface ServedPageOptions {
  /** Every diagnostic of the build; the banner lists errors and warnings. */
  readonly diagnostics: readonly Diagnostic[]
  /** The content folder as the user named it: diagnostics are placed under it. */
  readonly root: string
  /** The build's number: a page that missed a reload sees a newer one when it connects. */
  readonly build: number
}

/**
 * The report as the preview server serves it: the same page with a banner of the current
 * diagnostics at the top and a small script that reloads it when the server says the report was
 * rebuilt. Its Content-Security-Policy gains `connect-src 'self'` for that script's event stream;
 * the report written to a file has neither.
 */
export function servedPage(html: string, options: Readonly<ServedPageOptions>): string {
  return html
    .replace(cspPattern, (meta: string, policy: string) =>
      meta.replace(policy, `${policy}; connect-src 'self'`),
    )
    .replace(/<body[^>]*>/, (body) => `${body}\n${banner(options)}`)
    .replace(/<\/body>(?![\s\S]*<\/body>)/, () => `${reloadScript(options.build)}\n</body>`)
}

const cspPattern = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/

function banner({ diagnostics, root }: Readonly<ServedPageOptions>): string {
  const listed = diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')
  const errors = listed.filter((d) => d.severity === 'error').length
  const summary = `Live preview of ${root}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${listed.length - errors} ${listed.length - errors === 1 ? 'warning' : 'warnings'}`
  const colour = errors > 0 ? '#8a1c1c' : listed.length > 0 ? '#6b4e00' : '#1f5130'
  const items = listed
    .slice(0, bannerLimit)
    .map(
      (d) =>
        `<li><code>${e(`${root}/${d.file}:${d.line}:${d.column}`)}</code> <strong>${d.severity}</strong> ${e(d.message)} <span>(${e(d.name)})</span></li>`,
    )
  const more = listed.length > bannerLimit ? `<p>and ${listed.length - bannerLimit} more.</p>` : ''
  const style = `font:14px/1.4 system-ui,sans-serif;margin:0;padding:.5rem 1rem;border-bottom:3px solid ${colour};background:#fff;color:#111`
  return `<aside id="rkb-live-diagnostics" aria-label="Diagnostics" style="${style}">
${
  listed.length === 0
    ? `<p style="margin:0;color:${colour}">${e(summary)}</p>`
    : `<details${errors > 0 ? ' open' : ''}><summary style="color:${colour}">${e(summary)}</summary><ul style="margin:.25rem 0;padding-left:1.25rem;max-height:40vh;overflow:auto">${items.join('\n')}</ul>${more}</details>`
}
</aside>`
}

/** Reload on each new build; a page that connects after a rebuild reloads at once. */
function reloadScript(build: number): string {
  return `<script>(() => {
  const events = new EventSource(${JSON.stringify(eventsPath)})
  events.addEventListener('build', (event) => {
    if (Number(event.data) !== ${build}) location.reload()
  })
})()</script>`
}
