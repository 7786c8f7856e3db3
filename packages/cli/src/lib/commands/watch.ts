import { contentDirArgument, debounceOf, debounceOption, defineCommand } from '../command.js'

export const watch = defineCommand({
  name: 'watch',
  summary: 'validate on every change, printing what changed',
  description: `Validate a knowledge base, then keep validating it as files change: after each change, print
only the diagnostics that appeared (+) and those that were resolved (-), then the summary line.
An edited file is read and parsed again on its own; added, deleted and renamed files and folders
are picked up (a branch switch too). Stop with Ctrl-C.`,
  arguments: [contentDirArgument],
  options: {
    debounce: debounceOption('validating'),
  },
  loads: true,
  exitCodes: '0 stopped, 2 usage error.',
  async run({ io, values, args, openContent }) {
    const debounce = debounceOf(values.debounce)
    const [{ watchFolder }, { folder, shown }] = await Promise.all([
      import('./watch-loop.js'),
      openContent(args.dir),
    ])
    return watchFolder(folder, shown, debounce, io)
  },
})
