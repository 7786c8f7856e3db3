/**
 * The `realist-kb` process: runs the command line on the process's arguments and streams.
 *
 * @module
 */
import { main } from './lib/runner.js'

// A reader that stops early (`realist-kb report | head`) closes the pipe: that ends the run
// quietly, as it does for other command-line tools, instead of with an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
})
