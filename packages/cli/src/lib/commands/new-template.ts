import { stat } from 'node:fs/promises'
import path from 'node:path'
import {
  type EntityKind,
  entitiesOfKind,
  entityFilePath,
  entityKinds,
  entityTemplate,
  fileStem,
  idSchema,
  isEntityKind,
  type KnowledgeBase,
} from '@realist-kb/core'
import { loadDirectory, WriteRefusedError, writeFileAtomic } from '@realist-kb/core/node'
import type { CommandContext } from '../command.js'
import { exitCodes, UsageError } from '../io.js'
import type { NewOptions } from './new.js'

/** `realist-kb new <kind> <id>`: write a valid, commented template. */
export async function runNew({ io, values, args }: CommandContext<NewOptions>): Promise<number> {
  const { kind, id } = args
  if (kind === undefined)
    throw new UsageError(`Missing kind, expected one of ${entityKinds.join(', ')}`)
  if (!isEntityKind(kind))
    throw new UsageError(`Unexpected kind \`${kind}\`, expected one of ${entityKinds.join(', ')}`)
  if (id === undefined) throw new UsageError('Missing id, expected a kebab-case id such as cmoc-2c')
  if (!idSchema.safeParse(id).success)
    throw new UsageError(
      `Unexpected id \`${id}\`, expected a kebab-case id (lowercase letters, digits and single hyphens, at most 120 characters)`,
    )
  const dirShown = (values.dir ?? 'content').replace(/\\/g, '/')
  const dir = path.resolve(io.cwd, dirShown)
  const relative = entityFilePath(kind, id)
  const target = path.join(dir, ...relative.split('/'))

  const kb = await loadIfPresent(dir, dirShown)
  if (await exists(target))
    throw new UsageError(`Unexpected existing file \`${dirShown}/${relative}\`: nothing written`)
  if (kb) checkFree(kb, kind, id)
  const template = entityTemplate(kb?.graph, kind, id)
  if ('missing' in template) {
    const needed = template.missing
    throw new UsageError(
      `Unexpected \`new ${kind}\` before any ${needed} exists, expected a ${needed} to refer to: run \`realist-kb new ${needed} <id>\` first`,
    )
  }
  try {
    // Inside the content folder only: a kind folder that is a link out of it is refused.
    await writeFileAtomic(target, template.text, { root: dir })
  } catch (error) {
    if (!(error instanceof WriteRefusedError)) throw error
    throw new UsageError(
      error.reason === 'exists'
        ? `Unexpected existing file \`${dirShown}/${relative}\`: nothing written`
        : `${error.message}; nothing written`,
    )
  }
  io.stdout.write(`created ${dirShown}/${relative}\n`)
  for (const [needed, placeholder] of Object.entries(template.references))
    io.stdout.write(`  check: \`${needed}\` points at \`${placeholder}\`, the first ${needed}\n`)
  io.stdout.write(`  fill in the TODO fields, then run \`realist-kb validate ${dirShown}\`\n`)
  return exitCodes.ok
}

async function loadIfPresent(dir: string, shown: string): Promise<KnowledgeBase | undefined> {
  const info = await stat(dir).catch(() => undefined)
  if (info === undefined) return undefined
  if (!info.isDirectory())
    throw new UsageError(`Unexpected content folder \`${shown}\`: it is not a folder`)
  return loadDirectory(dir)
}

function checkFree(kb: KnowledgeBase, kind: EntityKind, id: string): void {
  if (kb.graph.hasNode(id)) {
    const other = kb.graph.getNodeAttributes(id)
    throw new UsageError(
      `Unexpected id \`${id}\`, already used by the ${other.kind} in ${other.file}: ids are unique across kinds`,
    )
  }
  const sameStem = kb.files.find((file) => fileStem(file) === id)
  if (sameStem) throw new UsageError(`Unexpected id \`${id}\`, already the name of ${sameStem}`)
  if (kind === 'review') {
    const review = entitiesOfKind(kb.graph, 'review')[0]
    if (review)
      throw new UsageError(
        `Unexpected second review, expected one per knowledge base (\`${review.id}\` in ${review.file})`,
      )
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined
}
