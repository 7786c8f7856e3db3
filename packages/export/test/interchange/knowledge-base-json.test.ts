import { loadDirectory } from '@realist-kb/core/node'
import {
  type KnowledgeBaseJson,
  toKnowledgeBaseJson,
  writeKnowledgeBaseJson,
} from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { hostileFixture, loadContent, validFixture } from './helpers.js'

const content = await loadContent()

describe('knowledge-base JSON', () => {
  it('holds every entity and every link, with places', async () => {
    const kb = await loadDirectory(validFixture)
    const json = JSON.parse(writeKnowledgeBaseJson(kb)) as KnowledgeBaseJson
    expect(json.formatVersion).toBe(1)
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
        expect(entity).toEqual(expected)
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
