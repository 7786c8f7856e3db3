import path from 'node:path'
import { withLockFile } from './lock.js'
import { readRegularFile } from './read-regular.js'

/** Name of the ledger kept beside written outputs: which files realist-kb wrote, with their hash. */
export const ledgerName = '.realist-kb-outputs.json'
/** The lock held while the ledger is read, changed and written back. */
export const ledgerLockName = `${ledgerName}.lock`

/** A ledger larger than this is not one realist-kb wrote: it is read as empty. */
const ledgerLimit = 16 * 1024 * 1024

interface Ledger {
  readonly version: 1
  readonly files: Readonly<Record<string, string>>
}

/** The hash recorded for `name` in the ledger of `folder`, if any. */
export async function recordedHash(folder: string, name: string): Promise<string | undefined> {
  const files = (await readLedger(folder)).files
  return Object.hasOwn(files, name) ? files[name] : undefined
}

/**
 * Record `hash` for `name` in the ledger of `folder`, under the ledger's lock so that runs
 * writing to the same folder at once lose no entry. `replace` writes the new ledger atomically.
 */
export async function recordInLedger(
  folder: string,
  name: string,
  hash: string,
  replace: (file: string, text: string) => Promise<void>,
): Promise<void> {
  await withLockFile(path.join(folder, ledgerLockName), async () => {
    const ledger = await readLedger(folder)
    const next: Ledger = { version: 1, files: { ...ledger.files, [name]: hash } }
    await replace(path.join(folder, ledgerName), `${JSON.stringify(next, null, 2)}\n`)
  })
}

async function readLedger(folder: string): Promise<Ledger> {
  const bytes = await readRegularFile(path.join(folder, ledgerName), ledgerLimit)
  try {
    const parsed = JSON.parse(bytes?.toString('utf8') ?? '{}') as { files?: unknown }
    const files: Record<string, string> = Object.create(null)
    if (typeof parsed.files === 'object' && parsed.files !== null)
      for (const [name, hash] of Object.entries(parsed.files))
        if (typeof hash === 'string') files[name] = hash
    return { version: 1, files }
  } catch {
    return { version: 1, files: {} }
  }
}
