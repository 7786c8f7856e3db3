import { type CatalogueEntry, catalogue } from '@realist-kb/core'

/**
 * Render docs/diagnostics.md from the diagnostic catalogue, the single source of codes.
 * `pnpm docs:diagnostics` writes it; a test fails when the committed page is stale.
 */
export function renderDiagnosticsDoc(): string {
  const entries = Object.entries(catalogue) as [string, CatalogueEntry][]
  const rows = entries.map(
    ([name, entry]) =>
      `| [${entry.code}](#${anchor(entry.code, name)}) | \`${name}\` | ${entry.severity} | ${entry.title} |`,
  )
  const sections = entries.map(
    ([name, entry]) =>
      `### ${entry.code} ${name}\n\n${entry.title}. Severity: **${entry.severity}**.\n\nWhat to do: ${entry.hint}\n`,
  )
  return `# Diagnostics

Every problem realist-kb finds is reported with its file, line and column, a severity, a stable
code and alias, a message ("Unexpected X, expected Y") and a hint. Codes and aliases are
permanent: a code is never reused or renumbered. Errors make \`realist-kb validate\` exit 1;
warnings point at evidence gaps and leave the exit code at 0.

This page is generated from \`packages/core/src/lib/diagnostics/catalogue.ts\` by
\`pnpm docs:diagnostics\`.

| code | alias | severity | meaning |
|---|---|---|---|
${rows.join('\n')}

${sections.join('\n')}`
}

function anchor(code: string, name: string): string {
  return `${code.toLowerCase()}-${name}`
}
