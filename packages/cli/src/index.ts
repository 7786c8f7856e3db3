export { type CliIo, exitCodes, UsageError } from './lib/io.js'
export { main, mainHelp } from './lib/main.js'
