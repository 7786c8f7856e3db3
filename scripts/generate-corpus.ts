import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { generateCorpus } from './corpus/generate.js'

/**
 * The number of studies a size names: `10k` is 10,000, `250` is 250; `undefined` otherwise.
 *
 * @example
 * ```ts
 * studiesOfSize('50k') // 50000
 * ```
 */
export function studiesOfSize(size: string): number | undefined {
  const match = /^([1-9]\d*)(k?)$/.exec(size)
  return match ? Number(match[1]) * (match[2] ? 1000 : 1) : undefined
}

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
  const studies = studiesOfSize(size)
  if (studies === undefined)
    throw new Error(`Unexpected size ${size}, expected a number of studies such as 250 or 10k`)
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
