import { contentDirArgument, defineCommand, textOrJsonFormat } from '../command.js'

const migrateOptions = {
  write: { type: 'boolean', help: 'apply the plan: edit the files and move them' },
  format: textOrJsonFormat,
} as const

/** The options of `migrate`, for its handler's types. */
export type MigrateOptions = typeof migrateOptions

export const migrate = defineCommand({
  name: 'migrate',
  summary: 'rewrite a knowledge base of an earlier format (dry run without --write)',
  description: `Rewrite a knowledge base written for an earlier content format to the current one (format 2):
\`constructs/\` -> \`groups/\`, \`kind: construct\` -> \`kind: group\`, \`construct:\` -> \`group:\` on
CMOCs and recommendations, \`reported.constructs\` -> \`reported.groups\` in review.md. Only those
words change: comments, order, formatting and bodies are kept.

Without --write nothing is written: the plan is printed, each file with its changed lines.`,
  arguments: [contentDirArgument],
  options: migrateOptions,
  notes: `A file is never moved onto an existing one, and nothing is written through a link that leads
out of the folder. Running it again on a migrated folder changes nothing.`,
  exitCodes: `0 planned or written (or nothing to do), 1 the folder cannot be migrated as it
stands (nothing written), 2 usage error.`,
  run: async (context) => (await import('./migrate-files.js')).runMigrate(context),
})
