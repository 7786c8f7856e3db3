import { stat } from 'node:fs/promises'
import path from 'node:path'
import { renderStudy, yamlText } from '@realist-kb/citations/import'
import {
  type EntityKind,
  entitiesOfKind,
  entityKinds,
  fileStem,
  idSchema,
  isEntityKind,
  type KnowledgeBase,
  kindFolders,
} from '@realist-kb/core'
import { loadDirectory, WriteRefusedError, writeFileAtomic } from '@realist-kb/core/node'
import type { CommandContext } from '../command.js'
import { exitCodes, UsageError } from '../io.js'
import type { NewOptions } from './new.js'

/** The entities a template may point at, one of each kind (the first, by order then id). */
type Placeholders = Partial<Record<EntityKind, string>>

const requirements: Readonly<Record<EntityKind, readonly EntityKind[]>> = {
  review: [],
  group: [],
  cmoc: ['group'],
  study: [],
  evidence: ['study', 'cmoc'],
  recommendation: ['group', 'audience'],
  audience: [],
}

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
  const relative = kind === 'review' ? 'review.md' : `${kindFolders[kind]}/${id}.md`
  const target = path.join(dir, ...relative.split('/'))

  const kb = await loadIfPresent(dir, dirShown)
  if (await exists(target))
    throw new UsageError(`Unexpected existing file \`${dirShown}/${relative}\`: nothing written`)
  if (kb) checkFree(kb, kind, id)
  const placeholders: Placeholders = {}
  for (const needed of requirements[kind]) {
    const first = kb ? entitiesOfKind(kb.graph, needed)[0]?.id : undefined
    if (first === undefined)
      throw new UsageError(
        `Unexpected \`new ${kind}\` before any ${needed} exists, expected a ${needed} to refer to: run \`realist-kb new ${needed} <id>\` first`,
      )
    placeholders[needed] = first
  }

  try {
    // Inside the content folder only: a kind folder that is a link out of it is refused.
    await writeFileAtomic(target, templates[kind](id, placeholders), { root: dir })
  } catch (error) {
    if (!(error instanceof WriteRefusedError)) throw error
    throw new UsageError(
      error.reason === 'exists'
        ? `Unexpected existing file \`${dirShown}/${relative}\`: nothing written`
        : `${error.message}; nothing written`,
    )
  }
  io.stdout.write(`created ${dirShown}/${relative}\n`)
  for (const [needed, placeholder] of Object.entries(placeholders))
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

const todo = (text: string): string => yamlText(`TODO: ${text}`)

// One template per kind. Each validates as written: required fields hold TODO text, optional
// fields are comments, and references point at existing entities (checked by the caller).
const templates: Readonly<Record<EntityKind, (id: string, refs: Placeholders) => string>> = {
  review: (id) =>
    [
      '---',
      'kind: review',
      `id: ${id}`,
      `title: ${todo("the review's title")}`,
      `authors: [${todo('authors as printed, e.g. Bradley N')}]`,
      `year: ${new Date().getFullYear()}`,
      '# journal: Example Journal',
      '# doi: 10.1000/example.2024.1 # without https://doi.org/',
      '# registration: PROSPERO CRD00000000000',
      '# theory: Normalisation Process Theory',
      '# search:',
      '#   from: 2023-01',
      '#   to: 2023-06',
      '#   databases: [Medline, CINAHL]',
      '# eligibility:',
      '#   inclusion:',
      '#     - Publications from 2010 onwards',
      '# reported: # the figures the review reports about itself',
      '#   papers: 12',
      '#   perCountry: { GB: 8, US: 4 }',
      '---',
      '',
      'TODO: a short summary of the review, in your own words.',
      '',
    ].join('\n'),
  group: (id) =>
    [
      '---',
      'kind: group',
      `id: ${id}`,
      `name: ${todo('the group as the theory names it')}`,
      `description: ${todo('what the group covers')}`,
      '# aka: [other names]',
      '# question: the plain-language heading the review uses',
      '# order: 1 # position in reports',
      '# parent: another-group # for a sub-group',
      '# provenance: where in the source the group is described',
      '---',
      '',
      'TODO: longer notes on the group.',
      '',
    ].join('\n'),
  cmoc: (id, refs) =>
    [
      '---',
      'kind: cmoc',
      `id: ${id}`,
      '# label: CMOC1a # the label the source uses',
      `title: ${todo('a short name')}`,
      `group: ${refs.group} # TODO: check: the group this CMOC belongs to`,
      '# order: 1 # position within its group',
      `context: ${todo('the context in which the mechanism is triggered')}`,
      'mechanism:',
      `  resource: ${todo('what is offered')}`,
      `  response: ${todo('how people respond to it')}`,
      `outcome: ${todo('what results')}`,
      '# strategies: [strategies the source names with this CMOC]',
      '# related: [another-cmoc]',
      '# provenance: Results, section, paragraph',
      '---',
      '',
      'TODO: the narrative of the configuration, in your own words.',
      '',
    ].join('\n'),
  study: (id) =>
    renderStudy(
      id,
      { authors: ['TODO Author A'], year: new Date().getFullYear(), title: 'TODO: the title' },
      { body: 'TODO: notes on the study.', citationHints: true },
    ),
  evidence: (id, refs) =>
    [
      '---',
      'kind: evidence',
      `id: ${id}`,
      `study: ${refs.study} # TODO: check: the study the excerpt comes from`,
      `cmocs: [${refs.cmoc}] # TODO: check: the CMOCs it bears on`,
      'relation: supports # supports, refines or refutes',
      'parts: [mechanism] # context, mechanism, outcome',
      `point: ${todo('the finding, paraphrased')}`,
      '# quote: a verbatim quote, only where one is available',
      '# locator: p. 4',
      '# provenance: where the link is made',
      '# basis: inferred # when the link is your reading, not the source',
      '# rationale: why, when the link is inferred',
      '---',
      '',
      'TODO: longer notes on the excerpt.',
      '',
    ].join('\n'),
  recommendation: (id, refs) =>
    [
      '---',
      'kind: recommendation',
      `id: ${id}`,
      `group: ${refs.group} # TODO: check: the section it belongs to`,
      '# section: 1',
      '# order: 1',
      `text: ${todo('the recommendation as the source words it')}`,
      '# emphasis: [phrases the source emphasises]',
      `audiences: [${refs.audience}] # TODO: check: who it addresses`,
      '# cmocs: # the CMOCs it derives from',
      '#   - id: cmoc-1a',
      '#     basis: inferred # stated (default) or inferred',
      '#     rationale: why, when inferred',
      '# provenance: Table 2, section 1, row 1',
      '---',
      '',
    ].join('\n'),
  audience: (id) =>
    [
      '---',
      'kind: audience',
      `id: ${id}`,
      `name: ${todo('who the recommendations address')}`,
      '# examples:',
      '#   - as the source lists them',
      '# order: 1',
      '# provenance: Table 2, section 1',
      '---',
      '',
    ].join('\n'),
}
