import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main } from '@realist-kb/cli'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

const fixture = path.join(import.meta.dirname, 'fixtures', 'small-kb')
let kb: string
beforeEach(async () => {
  kb = path.join(await mkdtemp(path.join(tmpdir(), 'realist-kb-watch-')), 'content')
  await cp(fixture, kb, { recursive: true })
})
afterEach(async () => {
  await rm(path.dirname(kb), { recursive: true, force: true })
})

const cmocFile = (): string => path.join(kb, 'cmocs', 'cmoc-1a.md')
const dangling = (text: string): string =>
  text.replace('strategies: [education]', 'related: [cmoc-9z]')

describe('realist-kb watch', () => {
  it('prints + for a new diagnostic and - once it is fixed, then stops cleanly', async () => {
    const controller = new AbortController()
    const io = memoryIo(path.dirname(kb))
    // The command's io may carry a signal that stops it, as Ctrl-C does in a terminal.
    const watchIo = { ...io, signal: controller.signal }
    const running = main(['watch', 'content', '--debounce', '20'], watchIo)
    await waitFor(() => io.out().includes('watching content (Ctrl-C to stop)\n'), io)
    expect(io.out()).toMatch(/^content\/cmocs\/cmoc-1b\.md\n/)

    const original = await readFile(cmocFile(), 'utf8')
    await writeFile(cmocFile(), dangling(original))
    await waitFor(() => io.out().includes('+ content/cmocs/cmoc-1a.md:11:11  error'), io)
    expect(io.out()).toContain('  5 messages (1 error, 4 warnings)\n')

    await writeFile(cmocFile(), original)
    await waitFor(() => io.out().includes('- content/cmocs/cmoc-1a.md:11:11  error'), io)

    // Saved the way many editors save: a temporary file renamed over the original. Later
    // in-place writes to the new file must still be seen.
    const temporary = path.join(kb, 'cmocs', '.cmoc-1a.md.tmp')
    await writeFile(temporary, dangling(original))
    await rename(temporary, cmocFile())
    await waitFor(() => count(io.out(), '+ content/cmocs/cmoc-1a.md:11:11  error') === 2, io)
    await writeFile(cmocFile(), original)
    await waitFor(() => count(io.out(), '- content/cmocs/cmoc-1a.md:11:11  error') === 2, io)

    controller.abort()
    expect(await running).toBe(0)
    expect(io.out()).toMatch(/stopped watching\n$/)
    expect(io.err()).toBe('')
  })

  it('picks up a folder that is deleted and made again, or renamed (as a git checkout does)', async () => {
    const controller = new AbortController()
    const io = memoryIo(path.dirname(kb))
    const running = main(['watch', 'content', '--debounce', '20'], {
      ...io,
      signal: controller.signal,
    })
    await waitFor(() => io.out().includes('watching content (Ctrl-C to stop)\n'), io)
    const original = await readFile(cmocFile(), 'utf8')
    const sibling = await readFile(path.join(kb, 'cmocs', 'cmoc-1b.md'), 'utf8')

    // Deleted and at once made again under the same name (within one debounce, as a branch
    // switch does), with a broken reference.
    await rm(path.join(kb, 'cmocs'), { recursive: true })
    await mkdir(path.join(kb, 'cmocs'))
    await writeFile(path.join(kb, 'cmocs', 'cmoc-1b.md'), sibling)
    await writeFile(cmocFile(), dangling(original))
    await waitFor(() => io.out().includes('+ content/cmocs/cmoc-1a.md:11:11  error'), io)
    // The new folder is watched: a later edit inside it is seen.
    await writeFile(cmocFile(), original)
    await waitFor(() => io.out().includes('- content/cmocs/cmoc-1a.md:11:11  error'), io)

    // Renamed away and back.
    await rename(path.join(kb, 'cmocs'), path.join(kb, 'cmocs-old'))
    await waitFor(() => io.out().includes('+ content/cmocs-old/cmoc-1a.md'), io)
    await rename(path.join(kb, 'cmocs-old'), path.join(kb, 'cmocs'))
    await waitFor(() => io.out().includes('- content/cmocs-old/cmoc-1a.md'), io)
    await writeFile(cmocFile(), dangling(original))
    await waitFor(() => count(io.out(), '+ content/cmocs/cmoc-1a.md:11:11  error') === 2, io)

    controller.abort()
    expect(await running).toBe(0)
    expect(io.err()).toBe('')
  })

  it('rejects bad arguments (exit 2)', async () => {
    const io = memoryIo(path.dirname(kb))
    expect(await main(['watch', 'content', '--debounce', 'soon'], io)).toBe(2)
    expect(await main(['watch', 'missing-folder'], io)).toBe(2)
    expect(await main(['watch', 'content', 'other'], io)).toBe(2)
  })
})

function count(text: string, part: string): number {
  return text.split(part).length - 1
}

async function waitFor(
  condition: () => boolean,
  io: { out: () => string; err: () => string },
  timeout = 10_000,
): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeout)
      throw new Error(`timed out waiting for the watcher:\n${io.out()}\n${io.err()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
