import { contentDirArgument, debounceOf, debounceOption, defineCommand } from '../command.js'
import { UsageError } from '../io.js'

export const serve = defineCommand({
  name: 'serve',
  summary: 'live preview of the HTML report, rebuilt on every save',
  description: `Serve the HTML report on 127.0.0.1 and rebuild it whenever a file changes: an edited file is
read and parsed again on its own, the page reloads itself, and a banner at its top lists the
current errors and warnings with their places. Only the report is served, from memory: no other
path, no file. Stop with Ctrl-C.`,
  arguments: [contentDirArgument],
  options: {
    port: {
      type: 'string',
      value: '<port>',
      help: 'listen on this port of 127.0.0.1 (default: a free port, printed at start)',
    },
    debounce: debounceOption('rebuilding'),
  },
  loads: true,
  exitCodes: '0 stopped, 2 usage error (including a port in use).',
  async run({ io, values, args, openContent }) {
    const port = values.port === undefined ? 0 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError(
        `Unexpected --port \`${values.port}\`, expected a whole number from 0 to 65535`,
      )
    const debounce = debounceOf(values.debounce)
    const [{ serveFolder }, { folder, shown }] = await Promise.all([
      import('../serve/serve-folder.js'),
      openContent(args.dir),
    ])
    return serveFolder(folder, shown, { port, debounce }, io)
  },
})
