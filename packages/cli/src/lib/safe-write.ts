import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from './io.js'

/** Name of the ledger kept beside generated files: which files this tool wrote, and their hash. */
export const ledgerName = '.realist-kb-outputs.json'

interface Ledger {
  readonly version: 1
  readonly files: Record<string, string>
}

/** Options of {@link writeGeneratedFile}. */
export interface WriteGeneratedOptions {
  /** Overwrite a file this tool did not write (or that was edited since). */
  readonly force: boolean
}

/**
 * Write a generated file safely: atomically (a temporary file in the same folder, then a rename,
 * so an interrupted run leaves the previous file intact), and never over a file the tool did not
 * write unless `force`. Files the tool wrote are recorded with their hash in a ledger beside them;
 * a file whose content still matches its ledger entry may be replaced, so regenerating a report
 * works, while a file edited by hand or created by someone else is refused.
 *
 * @example
 * ```ts
 * await writeGeneratedFile('report/traceability.html', html, { force: false })
 * ```
 */
export async function writeGeneratedFile(
  target: string,
  content: string | Uint8Array,
  options: Readonly<WriteGeneratedOptions>,
): Promise<void> {
  const folder = path.dirname(target)
  const name = path.basename(target)
  await mkdir(folder, { recursive: true })
  const ledger = await readLedger(folder)
  const existing = await readFile(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (existing !== undefined && !options.force && ledger.files[name] !== hash(existing)) {
    throw new UsageError(
      `Refusing to overwrite \`${target}\`: realist-kb did not create it (or it was edited since). Use --force to replace it.`,
    )
  }
  await atomicWrite(target, content)
  await atomicWrite(
    path.join(folder, ledgerName),
    `${JSON.stringify({ version: 1, files: { ...ledger.files, [name]: hash(content) } } satisfies Ledger, null, 2)}\n`,
  )
}

/** Write through a temporary file and a rename, so readers never see a half-written file. */
export async function atomicWrite(target: string, content: string | Uint8Array): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  )
  try {
    await writeFile(temporary, content, { flag: 'wx' })
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
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
