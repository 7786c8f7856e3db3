import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exitCodes, main } from '@realist-kb/cli'
import { buildTraceReport } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryIo } from '../../packages/cli/test/cli-io.js'
import { chromiumPath, hasChromium } from './chromium.js'

const root = path.resolve(import.meta.dirname, '../..')

let work: string
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'realist-kb-pdf-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

// `report --format pdf` starts its own Chromium, as a user's run does (not the tests' shared one).
describe('realist-kb report --format pdf', () => {
  it.skipIf(!hasChromium)(
    'prints the bundled review to a PDF whose pages are numbered',
    async () => {
      const out = path.join(work, 'report.pdf')
      const io = memoryIo(root)
      const code = await main(
        ['report', 'content', '--format', 'pdf', '--out', out, '--browser', chromiumPath],
        io,
      )
      expect(io.err()).toMatch(/wrote .*report\.pdf \(pdf, 22 recommendations/)
      expect(code).toBe(exitCodes.ok)
      const bytes = new Uint8Array(await readFile(out))
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-')

      // The PDF read back by PDF.js: its pages, and the footer's text on each.
      const { totalPages, text } = await extractText(await getDocumentProxy(bytes), {
        mergePages: false,
      })
      expect(totalPages).toBeGreaterThan(1)
      for (const [index, page] of text.entries()) {
        const words = page.replace(/\s+/g, ' ')
        expect(words).toContain(`Page ${index + 1} of ${totalPages}`)
        // No blank page: every page but the last carries more than its footer and a heading
        // (the programme theory's heading was once left alone on a page, its figure on the next).
        if (index < totalPages - 1)
          expect(
            words.replace(`Page ${index + 1} of ${totalPages}`, '').trim().length,
            `page ${index + 1}`,
          ).toBeGreaterThan(120)
      }
      expect(text[0]?.replace(/\s+/g, ' ')).toMatch(/Traceability report.*Summary of findings/)
      // Paper has no menu: the printed evidence map shows every characteristic, not just the first.
      const report = buildTraceReport(await loadDirectory(path.join(root, 'content')))
      expect(report.gapMap.length).toBeGreaterThan(1)
      const captions = text
        .join(' ')
        .replace(/\s+/g, ' ')
        .match(/CMOCs by [a-z ]+: number of studies/g)
      expect(captions).toHaveLength(report.gapMap.length)
      expect(text.join(' ')).toContain('Traceability report')
    },
  )

  it('exits with 2 and says what to do when there is no browser', async () => {
    const out = path.join(work, 'none.pdf')
    const io = memoryIo(root)
    const missing = path.join(work, 'no-such-chromium')
    const code = await main(
      ['report', 'content', '--format', 'pdf', '--out', out, '--browser', missing],
      io,
    )
    expect(code).toBe(exitCodes.usage)
    expect(io.err()).toBe(
      `realist-kb report: Unexpected missing browser at ${missing}, expected Chromium there: install it (Debian: apt install chromium) or name it with --browser <path> or REALIST_KB_CHROMIUM\n`,
    )
    await expect(readFile(out)).rejects.toThrow(/ENOENT/)
  })

  it('refuses to print a PDF to the terminal', async () => {
    const io = memoryIo(root)
    expect(await main(['report', 'content', '--format', 'pdf'], io)).toBe(exitCodes.usage)
    expect(io.err()).toContain(
      'Unexpected --format pdf without --out, expected a file to write it to',
    )
  })
})
