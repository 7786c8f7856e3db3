// Run as a child process by ledger-concurrency.test.ts: waits for a common start time, then
// writes several reports into one folder, as several runs started at once would.
import { main } from '@realist-kb/cli'

const [cwd, runName, count, startAt] = process.argv.slice(2)
if (cwd === undefined || runName === undefined) throw new Error('Missing arguments')
const quiet = { write: () => true }
while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 2))
let worst = 0
for (let index = 0; index < Number(count); index++) {
  const args = ['report', 'content', '--format', 'md', '--out', `out/${runName}-${index}.md`]
  worst = Math.max(worst, await main(args, { stdout: quiet, stderr: process.stderr, cwd }))
}
process.exitCode = worst
