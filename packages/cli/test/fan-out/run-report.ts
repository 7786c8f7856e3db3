// Run as a child process by fan-out-report.test.ts: one command of the command line, then its
// exit code and peak memory (maxRSS, KiB) as JSON on standard output.
import { main } from '@realist-kb/cli'

const [cwd, ...args] = process.argv.slice(2)
if (cwd === undefined) throw new Error('Missing working folder')
const quiet = { write: () => true }
const code = await main(args, { stdout: quiet, stderr: process.stderr, cwd })
process.stdout.write(JSON.stringify({ code, maxRss: process.resourceUsage().maxRSS }))
