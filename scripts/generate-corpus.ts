import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { generateCorpus } from './corpus/generate.js'

/** Corpus sizes by name: number of study files. */
export const corpusSizes: Record<string, number> = { '1k': 1000, '10k': 10_000, '50k': 50_000 }

/**
 * Write a generated corpus to `<out>/<size>/` (removing an earlier one there) and return its path.
 *
 * @example
 * ```ts
 * const folder = await writeCorpus('10k', 'bench-corpus')
 * ```
 */
export async function writeCorpus(
  size: string,
  out: string,
): Promise<{ folder: string; files: number; bytes: number }> {
  const studies = corpusSizes[size] ?? Number(size)
  if (!Number.isInteger(studies) || studies <= 0)
    throw new Error(`Unexpected size ${size}, expected 1k, 10k, 50k or a number`)
  const folder = path.resolve(out, size)
  await rm(folder, { recursive: true, force: true })
  const files = generateCorpus({ studies })
  for (const dir of new Set(files.map((file) => path.dirname(path.join(folder, file.path)))))
    await mkdir(dir, { recursive: true })
  // Written in batches: 50,000 files at once would exhaust file descriptors.
  for (let start = 0; start < files.length; start += 256) {
    await Promise.all(
      files
        .slice(start, start + 256)
        .map((file) => writeFile(path.join(folder, file.path), file.text)),
    )
  }
  return {
    folder,
    files: files.length,
    bytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '10k' },
      out: { type: 'string', default: 'bench-corpus' },
    },
  })
  const result = await writeCorpus(values.size, values.out)
  console.log(
    `generated ${result.files} files (${(result.bytes / 1e6).toFixed(1)} MB) in ${path.relative(process.cwd(), result.folder)}`,
  )
}
