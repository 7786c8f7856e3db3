/**
 * The `realist-kb` command line, callable in process.
 *
 * @module @realist-kb/cli
 */
export { type CliIo, exitCodes, UsageError } from './lib/io.js'
export { main, mainHelp } from './lib/runner.js'
