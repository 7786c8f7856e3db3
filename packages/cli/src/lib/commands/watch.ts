import { contentDirArgument, defineCommand } from '../command.js'
import { UsageError } from '../io.js'

export const watch = defineCommand({
  name: 'watch',
  summary: 'validate on every change, printing what changed',
  description: `Validate a knowledge base, then keep validating it as files change: after each change, print
only the diagnostics that appeared (+) and those that were resolved (-), then the summary line.
An edited file is read and parsed again on its own; added, deleted and renamed files and folders
are picked up (a branch switch too). Stop with Ctrl-C.`,
  arguments: [contentDirArgument],
  options: {
    debounce: {
      type: 'string',
      value: '<ms>',
      help: 'wait this long after the last change before validating (default: 100)',
    },
  },
  loads: true,
  exitCodes: '0 stopped, 2 usage error.',
  async run({ io, values, args, openContent }) {
    const debounce = values.debounce === undefined ? 100 : Number(values.debounce)
    if (!Number.isInteger(debounce) || debounce < 0 || debounce > 60_000)
      throw new UsageError(
        `Unexpected --debounce \`${values.debounce}\`, expected a whole number of milliseconds from 0 to 60000`,
      )
    const [{ watchFolder }, { folder, shown }] = await Promise.all([
      import('./watch-loop.js'),
      openContent(args.dir),
    ])
    return watchFolder(folder, shown, debounce, io)
  },
})
