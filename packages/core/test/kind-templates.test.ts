import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  type EntityKind,
  entityKinds,
  entityTemplate,
  isEntityKind,
  kindJsonSchema,
  loadFromMemory,
  parseFile,
} from '@realist-kb/core'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = path.join(import.meta.dirname, '../../..')
const reviews = [
  path.join(root, 'content'),
  ...['contexts', 'no-links', 'no-groups'].map((shape) =>
    path.join(root, 'packages/export/test/fixtures/shapes', shape),
  ),
]

// Kinds in an order where each one's references already exist when it is created.
const order: readonly [EntityKind, string][] = [
  ['review', 'my-review'],
  ['group', 'coherence'],
  ['audience', 'public'],
  ['study', 'doe-2024'],
  ['cmoc', 'cmoc-1a'],
  ['recommendation', 'rec-1-1'],
  ['evidence', 'doe-2024-quote'],
]

// The gaps a base made of templates has on purpose: the links to evidence and a recommendation's
// CMOCs are left for the researcher to write (the templates show them as comments).
const deliberateGaps = [
  'single-study-cmoc',
  'cmoc-without-evidence',
  'uncited-study',
  'recommendation-without-cmoc',
]

describe('kind templates', () => {
  it('covers every kind', () => {
    expect(order.map(([kind]) => kind).sort()).toEqual([...entityKinds].sort())
  })

  it('gives templates that load with no error, only the gaps a new base has', () => {
    const files: { path: string; text: string }[] = []
    for (const [kind, id] of order) {
      const template = entityTemplate(loadFromMemory(files).graph, kind, id)
      if ('missing' in template) throw new Error(`${kind} needs a ${template.missing}`)
      files.push({ path: template.path, text: template.text })
      const kb = loadFromMemory(files)
      expect(kb.graph.getNodeAttributes(id).kind).toBe(kind)
      expect([kind, kb.diagnostics.filter((d) => d.severity === 'error')]).toEqual([kind, []])
    }
    const warnings = loadFromMemory(files).diagnostics.filter((d) => d.severity === 'warning')
    expect(warnings.filter((d) => !deliberateGaps.includes(d.name))).toEqual([])
    expect(warnings.length).toBeGreaterThan(0)
  })

  it('shows optional fields as comments that validate once uncommented', () => {
    const files: { path: string; text: string }[] = []
    for (const [kind, id] of order) {
      const template = entityTemplate(loadFromMemory(files).graph, kind, id)
      if ('missing' in template) throw new Error(`${kind} needs a ${template.missing}`)
      files.push({ path: template.path, text: template.text })
      // The study's comments are prose around the choices (its designs); the others are fields.
      if (kind === 'study') continue
      const [, frontmatter = '', body = ''] =
        /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(template.text) ?? []
      const uncommented = frontmatter.replace(/^# /gm, '')
      expect(uncommented).not.toContain('\n#')
      const { diagnostics } = parseFile({
        path: template.path,
        text: `---\n${uncommented}---\n${body}`,
      })
      expect([kind, diagnostics.filter((d) => d.severity === 'error')]).toEqual([kind, []])
    }
  })

  it('names the kind a template needs first', () => {
    expect(entityTemplate(undefined, 'evidence', 'doe-2024-e1')).toEqual({ missing: 'study' })
    // Groups and audiences are optional: without one, the reference is left as a comment.
    const alone = entityTemplate(undefined, 'recommendation', 'rec-1')
    if ('missing' in alone) throw new Error('a recommendation needs nothing')
    expect(alone.references).toEqual({})
    expect(loadFromMemory([alone]).diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(entityTemplate(undefined, 'audience', 'public')).toMatchObject({
      path: 'audiences/public.md',
      references: {},
    })
  })
})

describe('kind JSON Schemas', () => {
  // Formats (`uri`) are left to the loader: ajv would only warn that it lacks them.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
  const validators = Object.fromEntries(
    entityKinds.map((kind) => [kind, ajv.compile(kindJsonSchema(kind))]),
  ) as Record<EntityKind, ReturnType<typeof ajv.compile>>

  async function frontmatters(dir: string): Promise<[string, Record<string, unknown>][]> {
    const out: [string, Record<string, unknown>][] = []
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md') || entry.name === 'README.md') continue
      const file = path.join(entry.parentPath, entry.name)
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(await readFile(file, 'utf8'))
      if (match?.[1] !== undefined) out.push([path.relative(root, file), parse(match[1])])
    }
    return out
  }

  it('accept every file of the bundled review and of the other review shapes', async () => {
    const seen = new Set<string>()
    for (const dir of reviews) {
      for (const [file, data] of await frontmatters(dir)) {
        const kind = data.kind
        if (typeof kind !== 'string' || !isEntityKind(kind)) throw new Error(`${file}: no kind`)
        seen.add(kind)
        const validate = validators[kind]
        expect([file, validate(data), validate.errors ?? null]).toEqual([file, true, null])
      }
    }
    expect([...seen].sort()).toEqual(entityKinds.filter((kind) => kind !== 'evidence').sort())
  })

  it('accept every template', () => {
    const files: { path: string; text: string }[] = []
    for (const [kind, id] of order) {
      const template = entityTemplate(loadFromMemory(files).graph, kind, id)
      if ('missing' in template) throw new Error(`${kind} needs a ${template.missing}`)
      files.push({ path: template.path, text: template.text })
      const data = parse(/^---\n([\s\S]*?)\n---/.exec(template.text)?.[1] ?? '')
      expect([kind, validators[kind](data), validators[kind].errors ?? null]).toEqual([
        kind,
        true,
        null,
      ])
    }
  })

  it('reject a misspelt field, a wrong type and a missing required field', async () => {
    const cmoc = (await frontmatters(path.join(root, 'content/cmocs')))[0]?.[1] ?? {}
    const study = (await frontmatters(path.join(root, 'content/studies')))[0]?.[1] ?? {}
    expect(validators.cmoc(cmoc)).toBe(true)
    expect(validators.cmoc({ ...cmoc, relatd: ['cmoc-1a'] })).toBe(false)
    expect(validators.cmoc({ ...cmoc, kind: 'study' })).toBe(false)
    const { title: _title, ...untitled } = cmoc
    expect(validators.cmoc(untitled)).toBe(false)
    const citation = study.citation as Record<string, unknown>
    expect(validators.study({ ...study, citation: { ...citation, year: '2022' } })).toBe(false)
    expect(validators.study({ ...study, countries: ['Britain'] })).toBe(false)
    expect(validators.evidence({ kind: 'evidence', study: 'doe-2024', relation: 'support' })).toBe(
      false,
    )
  })

  it('carries an id, a title and where the files live', () => {
    expect(kindJsonSchema('study')).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: 'study.schema.json',
      title: 'realist-kb study',
      description:
        'Frontmatter of a `kind: study` file (studies/*.md). See docs/content-format.md.',
    })
    expect(kindJsonSchema('review', { comment: 'mark' }).$comment).toBe('mark')
    expect('$comment' in kindJsonSchema('review')).toBe(false)
  })
})
