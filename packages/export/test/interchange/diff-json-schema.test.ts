import { buildTraceReport, diffKnowledgeBases, loadFromMemory } from '@realist-kb/core'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { version1, version2 } from '../../../core/test/helpers/two-version-repo.js'
import { diffJsonSchema, renderDiffJson, renderJson, reportJsonSchema } from '../../src/index.js'

const load = (files: Record<string, string>) =>
  loadFromMemory(Object.entries(files).map(([path, text]) => ({ path, text })))

// Two versions whose diff has something in every list: entities renamed and added, links and
// judgements changed (see the helper's description of version 2).
const before = load(version1)
const after = load(version2)
const diff = diffKnowledgeBases(before, after)

describe('the diff JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
  const validate = ajv.compile(diffJsonSchema())

  it('accepts what `diff --format json` writes, with changes in every part', () => {
    const json = JSON.parse(renderDiffJson(diff, { from: 'v1', to: 'v2' })) as Record<
      string,
      unknown[]
    >
    for (const part of ['recommendations', 'cmocs', 'studies', 'acknowledgements'])
      expect(json[part]?.length, part).toBeGreaterThan(0)
    validate(json)
    expect(validate.errors ?? []).toEqual([])
    // An empty diff too.
    validate(JSON.parse(renderDiffJson(diffKnowledgeBases(after, after), { from: 'a', to: 'a' })))
    expect(validate.errors ?? []).toEqual([])
  })

  it('rejects what the format forbids, so a pass means something', () => {
    const json = JSON.parse(renderDiffJson(diff, { from: 'v1', to: 'v2' })) as Record<
      string,
      unknown
    >
    expect(validate({ ...json, surprise: true })).toBe(false)
    expect(validate({ ...json, version: 2 })).toBe(false)
    const { from: _from, ...withoutSides } = json
    expect(validate(withoutSides)).toBe(false)
    expect(validate({ ...json, cmocs: [{ id: 'cmoc-1a' }] })).toBe(false)
  })

  it("checks a report's changes by the same schema, without the two sides", () => {
    const validateReport = ajv.compile(reportJsonSchema())
    const report = { ...buildTraceReport(after), changes: { since: 'v1', diff } }
    const json = JSON.parse(renderJson(report)) as { changes: { diff: Record<string, unknown> } }
    validateReport(json)
    expect(validateReport.errors ?? []).toEqual([])
    json.changes.diff.surprise = true
    expect(validateReport(json)).toBe(false)
  })
})
