import { buildTraceReport, schemas } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import {
  type KnowledgeBaseJson,
  knowledgeBaseJsonSchema,
  renderJson,
  reportJsonSchema,
  toKnowledgeBaseJson,
  writeKnowledgeBaseJson,
} from '@realist-kb/export'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { hostileFixture, loadContent, validFixture } from './helpers.js'

const content = await loadContent()
// The fictional review with appraisals, confidence assessments and chains.
const judgementFixture = new URL('../fixtures/judgement', import.meta.url).pathname

describe('knowledge-base JSON', () => {
  it('holds every entity and every link, with places', async () => {
    const kb = await loadDirectory(validFixture)
    const json = JSON.parse(writeKnowledgeBaseJson(kb)) as KnowledgeBaseJson
    expect(json.formatVersion).toBe(2)
    expect(json.generator).toBe('realist-kb')
    expect(json.review).toBe('example-review')
    expect(json.files).toEqual([...kb.files].sort())
    expect(json.entities.map((entity) => `${entity.kind}:${entity.id}`)).toEqual([
      'review:example-review',
      'group:coherence',
      'cmoc:cmoc-1a',
      'study:doe-2020',
      'study:roe-2021',
      'evidence:doe-2020-e1',
      'evidence:roe-2021-e1',
      'recommendation:rec-1-1',
      'audience:public',
    ])
    expect(json.links).toHaveLength(kb.graph.size)
    expect(
      json.links.find((link) => link.source === 'rec-1-1' && link.type === 'derived-from'),
    ).toEqual({
      source: 'rec-1-1',
      target: 'cmoc-1a',
      type: 'derived-from',
      basis: 'inferred',
      field: 'cmocs[0]',
      rationale: 'The wording matches CMOC1a.',
      place: { file: 'recommendations/rec-1-1.md', line: 9, column: 9, endLine: 9, endColumn: 16 },
    })
    const evidence = json.entities.find((entity) => entity.id === 'doe-2020-e1')
    expect(evidence).toMatchObject({
      kind: 'evidence',
      file: 'studies/doe-2020.md',
      position: { line: 15, column: 5 },
      data: { study: 'doe-2020', relation: 'supports', parts: ['mechanism', 'outcome'] },
      body: '',
    })
    expect(evidence).not.toHaveProperty('links')
  })

  it('keeps each entity as loaded, and every link points at an entity', async () => {
    for (const kb of [await loadDirectory(hostileFixture), ...(content ? [content] : [])]) {
      const json = toKnowledgeBaseJson(kb)
      const ids = new Set(json.entities.map((entity) => entity.id))
      expect(ids.size).toBe(kb.graph.order)
      for (const entity of json.entities) {
        const { links: _links, ...expected } = kb.graph.getNodeAttributes(entity.id)
        if (expected.kind === 'evidence')
          expect(entity).toEqual({
            ...expected,
            data: { kind: 'evidence', id: expected.id, ...expected.data },
          })
        else expect(entity).toEqual(expected)
      }
      for (const link of json.links) {
        expect(ids.has(link.source) && ids.has(link.target)).toBe(true)
      }
      expect(json.diagnostics).toEqual(kb.diagnostics)
    }
  })

  it('is a plain JSON document: parsing and writing it again changes nothing', async () => {
    const text = writeKnowledgeBaseJson(await loadDirectory(hostileFixture))
    expect(`${JSON.stringify(JSON.parse(text), null, 2)}\n`).toBe(text)
  })
})

describe('the knowledge-base JSON Schema', () => {
  // Formats (`uri`) are left to the format's own checks: ajv would only warn that it lacks them.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
  const validateKb = ajv.compile(knowledgeBaseJsonSchema())
  // The schema a `kind: evidence` file is checked by (`realist-kb schema`), as a JSON Schema.
  const validateEvidence = ajv.compile(schemas.evidence.toJSONSchema({ target: 'draft-07' }))

  it.each([
    ['valid', validFixture],
    ['hostile', hostileFixture],
    ['judgement', judgementFixture],
  ])('accepts the export of the %s fixture', async (_name, dir) => {
    const json: unknown = JSON.parse(writeKnowledgeBaseJson(await loadDirectory(dir)))
    validateKb(json)
    expect(validateKb.errors ?? []).toEqual([])
  })

  it('accepts the export of the bundled review, each evidence entry by the evidence schema', () => {
    const json = JSON.parse(writeKnowledgeBaseJson(content)) as KnowledgeBaseJson
    validateKb(json)
    expect(validateKb.errors ?? []).toEqual([])
    const evidence = json.entities.filter((entity) => entity.kind === 'evidence')
    expect(evidence.length).toBeGreaterThan(20)
    const failures = evidence.flatMap((entity) =>
      validateEvidence(entity.data) ? [] : [{ id: entity.id, errors: validateEvidence.errors }],
    )
    expect(failures).toEqual([])
    expect(evidence[0]?.data).toMatchObject({ kind: 'evidence', id: evidence[0]?.id })
  })

  it('rejects what the format forbids, so a pass means something', async () => {
    const json = toKnowledgeBaseJson(await loadDirectory(validFixture))
    const evidence = json.entities.find((entity) => entity.kind === 'evidence')
    if (!evidence) throw new Error('no evidence')
    const { kind: _kind, ...withoutKind } = evidence.data
    expect(validateEvidence(withoutKind)).toBe(false)
    const broken = {
      ...json,
      entities: json.entities.map((entity) =>
        entity === evidence ? { ...entity, data: { ...entity.data, relation: 'proves' } } : entity,
      ),
    }
    expect(validateKb(broken)).toBe(false)
    expect(validateKb({ ...json, formatVersion: 3 })).toBe(false)
  })
})

describe('the report JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
  const validate = ajv.compile(reportJsonSchema())

  it.each([
    ['valid', validFixture],
    ['hostile', hostileFixture],
    ['judgement', judgementFixture],
  ])('accepts the report of the %s fixture', async (_name, dir) => {
    validate(JSON.parse(renderJson(buildTraceReport(await loadDirectory(dir)))))
    expect(validate.errors ?? []).toEqual([])
  })

  it('accepts the report of the bundled review, and rejects a field it does not define', () => {
    const report: unknown = JSON.parse(renderJson(buildTraceReport(content)))
    validate(report)
    expect(validate.errors ?? []).toEqual([])
    const extra = { ...(report as Record<string, unknown>), surprise: true }
    expect(validate(extra)).toBe(false)
    expect(validate({ ...(report as Record<string, unknown>), groups: [{ id: 'x' }] })).toBe(false)
  })
})
