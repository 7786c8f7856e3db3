import { formatMigration, migrateDirectory, WriteRefusedError } from '@realist-kb/core/node'
import type { CommandContext } from '../command.js'
import { resolveContentDir } from '../content-dir.js'
import { exitCodes, UsageError } from '../io.js'
import type { MigrateOptions } from './migrate.js'

/**
 * `realist-kb migrate [dir] [--write]`: print, or with `--write` apply, what `migrateDirectory`
 * does to the folder.
 */
export async function runMigrate({
  io,
  values,
  args,
}: CommandContext<MigrateOptions>): Promise<number> {
  const { absolute, shown } = await resolveContentDir(io.cwd, args.dir)
  const result = await migrateDirectory(absolute, { write: values.write === true }).catch(
    (error: unknown) => {
      // A move onto an existing file, or a write through a link out of the folder.
      throw error instanceof WriteRefusedError ? new UsageError(error.message) : error
    },
  )
  if (values.format === 'json') {
    const { changes, problems, written } = result
    const json = { version: 1, written, changes, problems }
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
  } else {
    io.stdout.write(formatMigration(result, { root: shown }))
  }
  return result.problems.length > 0 ? exitCodes.contentErrors : exitCodes.ok
}
