import { createHash } from 'node:crypto'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Name of the ledger kept beside generated files: which files realist-kb wrote, and their hash. */
export const ledgerName = '.realist-kb-outputs.json'

interface Ledger {
  readonly version: 1
  readonly files: Record<string, string>
}

/**
 * Whether `target` still holds exactly what realist-kb last wrote there: then regenerating it
 * loses nothing. A file written by someone else, or edited since, is not ours.
 *
 * @example
 * ```ts
 * if (await isOwnOutput('report/traceability.html')) { ... }
 * ```
 */
export async function isOwnOutput(target: string): Promise<boolean> {
  const [ledger, content] = await Promise.all([
    readLedger(path.dirname(target)),
    readFile(target).catch(() => undefined),
  ])
  return content !== undefined && ledger.files[path.basename(target)] === hash(content)
}

/**
 * Record that realist-kb wrote `content` to `target`, in the ledger beside it (written atomically).
 *
 * @example
 * ```ts
 * await recordOutput('report/traceability.html', html)
 * ```
 */
export async function recordOutput(target: string, content: string | Uint8Array): Promise<void> {
  const folder = path.dirname(target)
  const ledger = await readLedger(folder)
  const next: Ledger = {
    version: 1,
    files: { ...ledger.files, [path.basename(target)]: hash(content) },
  }
  const file = path.join(folder, ledgerName)
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
  try {
    await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { flag: 'wx' })
    await rename(temporary, file)
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined)
  }
}

async function readLedger(folder: string): Promise<Ledger> {
  try {
    const parsed = JSON.parse(
      await readFile(path.join(folder, ledgerName), 'utf8'),
    ) as Partial<Ledger>
    return {
      version: 1,
      files: typeof parsed.files === 'object' && parsed.files !== null ? parsed.files : {},
    }
  } catch {
    return { version: 1, files: {} }
  }
}

function hash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}
