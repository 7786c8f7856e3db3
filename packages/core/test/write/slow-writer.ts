// Run as a child process by signals.test.ts: writes an endless stream of 1 MiB chunks to the
// file named by the first argument, so that the test can kill it mid-write.
import { writeFileAtomic } from '@realist-kb/core/node'

const target = process.argv[2]
if (target === undefined) throw new Error('Missing target, expected a file path')

async function* chunks(): AsyncGenerator<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024).fill(120)
  for (;;) {
    yield chunk
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

await writeFileAtomic(target, chunks())
