import type { Command } from './command.js'
import { check } from './commands/check.js'
import { diff } from './commands/diff.js'
import { exportCommand } from './commands/export.js'
import { importCommand } from './commands/import.js'
import { migrate } from './commands/migrate.js'
import { newCommand } from './commands/new.js'
import { report } from './commands/report.js'
import { schema } from './commands/schema.js'
import { serve } from './commands/serve.js'
import { show } from './commands/show.js'
import { stats } from './commands/stats.js'
import { validate } from './commands/validate.js'
import { watch } from './commands/watch.js'

/**
 * Every command, in the order the top-level help lists them. A declaration loads nothing heavy:
 * each handler imports the libraries it needs when it runs.
 */
export const commands: readonly Command[] = [
  validate,
  report,
  exportCommand,
  importCommand,
  newCommand,
  show,
  stats,
  schema,
  watch,
  serve,
  migrate,
  diff,
  check,
]
