import path from 'node:path'
import {
  buildTraceReport,
  cmocChain,
  cmocsByConfidence,
  confidenceHints,
  IncrementalKnowledgeBase,
  leadsToCycles,
  loadFromMemory,
  parseFile,
  recommendationConfidence,
  recommendationsOnLowConfidence,
  type SourceFile,
  studiesByAppraisal,
} from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'

const fixture = path.join(import.meta.dirname, '../../export/test/fixtures/judgement')

/** A study file with one evidence entry on `cmoc-1`. */
function study(
  id: string,
  options: {
    rigour?: string
    country?: string
    setting?: string
    relation?: string
    basis?: string
  } = {},
): SourceFile {
  const lines = [
    '---',
    'kind: study',
    `citation: { authors: [Invented A], title: Invented study ${id} }`,
    `countries: [${options.country ?? 'GB'}]`,
    `settings: [${options.setting ?? 'hospital'}]`,
  ]
  if (options.rigour !== undefined)
    lines.push(`appraisal: { rigour: { level: ${options.rigour}, justification: Invented. } }`)
  lines.push(
    'evidence:',
    '  - cmocs: [cmoc-1]',
    `    relation: ${options.relation ?? 'supports'}`,
    `    basis: ${options.basis ?? 'stated'}`,
  )
  if (options.basis === 'inferred') lines.push('    rationale: Invented reading.')
  lines.push('---', '')
  return { path: `studies/${id}.md`, text: lines.join('\n') }
}

function cmoc(id: string, extra = ''): SourceFile {
  return {
    path: `cmocs/${id}.md`,
    text: `---\nkind: cmoc\ntitle: Invented ${id}\ncontext: c\nmechanism: m\noutcome: o\n${extra}---\n`,
  }
}

const review = (eligibility = ''): SourceFile => ({
  path: 'review.md',
  text: `---\nkind: review\ntitle: Invented review\nauthors: [Invented A]\nyear: 2026\n${eligibility}---\n`,
})

const highConfidence = 'confidence:\n  overall: { level: high, explanation: Invented. }\n'

describe('confidence hints', () => {
  it('adequacy: counts studies, stated and inferred links, and flags a single study', () => {
    const one = confidenceHints(
      loadFromMemory([review(), cmoc('cmoc-1'), study('s1')]).graph,
      'cmoc-1',
    )
    expect(one.adequacy).toMatchObject({
      studies: 1,
      singleStudy: true,
      basis: { stated: 1, inferred: 0 },
    })
    expect(one.adequacy.signals).toContain('a single study behind it')
    const two = confidenceHints(
      loadFromMemory([review(), cmoc('cmoc-1'), study('s1'), study('s2', { basis: 'inferred' })])
        .graph,
      'cmoc-1',
    )
    expect(two.adequacy).toMatchObject({
      studies: 2,
      singleStudy: false,
      basis: { stated: 1, inferred: 1 },
    })
    expect(two.adequacy.signals).toEqual(['1 of 2 links inferred'])
  })

  it('methodological limitations: counts the rigour of the studies behind the CMOC', () => {
    const graphOf = (rigour: string) =>
      loadFromMemory([review(), cmoc('cmoc-1'), study('s1', { rigour }), study('s2')]).graph
    const low = confidenceHints(graphOf('low'), 'cmoc-1').methodologicalLimitations
    expect(low.rigour).toEqual({ high: 0, moderate: 0, low: 1, 'not-appraised': 1 })
    expect(low.signals).toContain('1 of 2 studies of low rigour')
    const high = confidenceHints(graphOf('high'), 'cmoc-1').methodologicalLimitations
    expect(high.rigour.high).toBe(1)
    expect(high.signals).not.toContain('1 of 2 studies of low rigour')
  })

  it('relevance: compares the studies with the scope the review records', () => {
    const files = [cmoc('cmoc-1'), study('s1'), study('s2', { country: 'US', setting: 'clinic' })]
    const unscoped = confidenceHints(loadFromMemory([review(), ...files]).graph, 'cmoc-1').relevance
    expect(unscoped.outsideScope).toEqual([])
    expect(unscoped.signals).toEqual(['the review records no scope to compare with'])
    const scoped = confidenceHints(
      loadFromMemory([review('eligibility:\n  countries: [GB]\n'), ...files]).graph,
      'cmoc-1',
    ).relevance
    expect(scoped.outsideScope).toEqual(['s2'])
    expect(scoped.countries).toEqual(['GB', 'US'])
    const bySetting = confidenceHints(
      loadFromMemory([review('eligibility:\n  settings: [Clinic, hospital]\n'), ...files]).graph,
      'cmoc-1',
    ).relevance
    expect(bySetting.outsideScope).toEqual([])
  })

  it('coherence: notes refuting and refining evidence', () => {
    const supported = confidenceHints(
      loadFromMemory([review(), cmoc('cmoc-1'), study('s1'), study('s2')]).graph,
      'cmoc-1',
    ).coherence
    expect(supported.signals).toEqual([])
    const contested = confidenceHints(
      loadFromMemory([review(), cmoc('cmoc-1'), study('s1'), study('s2', { relation: 'refutes' })])
        .graph,
      'cmoc-1',
    ).coherence
    expect(contested.relations.refutes).toBe(1)
    expect(contested.signals).toEqual(['1 evidence entry refuting it'])
  })
})

describe('judgement diagnostics', () => {
  const disagreements = (files: SourceFile[]) =>
    loadFromMemory(files).diagnostics.filter((d) => d.name === 'confidence-disagrees-with-data')

  it('warns when high confidence rests on one inferred link, not when the data carry it', () => {
    const thin = disagreements([
      review(),
      cmoc('cmoc-1', highConfidence),
      study('s1', { basis: 'inferred' }),
    ])
    expect(thin.map((d) => [d.code, d.entity, d.severity])).toEqual([
      ['RKB401', 'cmoc-1', 'warning'],
    ])
    expect(thin[0]?.message).toContain('a single study')
    expect(
      disagreements([review(), cmoc('cmoc-1', highConfidence), study('s1'), study('s2')]),
    ).toEqual([])
    expect(
      disagreements([
        review(),
        cmoc('cmoc-1', highConfidence),
        study('s1', { basis: 'inferred' }),
        study('s2', { basis: 'inferred' }),
      ])[0]?.message,
    ).toContain('inferred links only')
  })

  it('warns when no concern about limitations meets only low-rigour studies', () => {
    const judged =
      'confidence:\n  methodologicalLimitations: { concern: no-or-very-minor, explanation: Invented. }\n'
    const files = (rigour: string) => [
      review(),
      cmoc('cmoc-1', judged),
      study('s1', { rigour }),
      study('s2', { rigour }),
    ]
    expect(disagreements(files('low'))).toHaveLength(1)
    expect(disagreements(files('moderate'))).toEqual([])
  })

  it('requires an explanation once a level is given', () => {
    const kb = loadFromMemory([
      review(),
      cmoc('cmoc-1', 'confidence:\n  adequacy: { concern: minor }\n'),
      study('s1'),
    ])
    expect(kb.diagnostics.map((d) => d.name)).toContain('invalid-field')
  })

  it('rechecks a judgement when an edit elsewhere changes the data behind it', () => {
    const judged =
      'confidence:\n  methodologicalLimitations: { concern: no-or-very-minor, explanation: Invented. }\n'
    const files = [review(), cmoc('cmoc-1', judged), study('s1', { rigour: 'high' })]
    const live = new IncrementalKnowledgeBase(files.map((file) => parseFile(file)))
    const names = () =>
      live.knowledgeBase.diagnostics
        .filter((d) => d.name === 'confidence-disagrees-with-data')
        .map((d) => d.entity)
    expect(names()).toEqual([])
    live.update(parseFile(study('s1', { rigour: 'low' })))
    expect(names()).toEqual(['cmoc-1'])
    live.update(parseFile(cmoc('cmoc-2', 'leadsTo: [cmoc-1]\n')))
    expect(live.knowledgeBase.diagnostics.map((d) => d.name)).not.toContain('leads-to-cycle')
    live.update(parseFile(cmoc('cmoc-1', `${judged}leadsTo: [cmoc-2]\n`)))
    expect(live.knowledgeBase.diagnostics.map((d) => d.name)).toContain('leads-to-cycle')
  })

  it('lists a cycle of leadsTo links, and none once it is broken', () => {
    const loop = loadFromMemory([
      review(),
      cmoc('cmoc-1', 'leadsTo: [cmoc-2]\n'),
      cmoc('cmoc-2', 'leadsTo: [cmoc-3]\n'),
      cmoc('cmoc-3', 'leadsTo: [cmoc-1]\n'),
    ])
    expect(leadsToCycles(loop.graph)).toEqual([['cmoc-1', 'cmoc-2', 'cmoc-3']])
    const cycle = loop.diagnostics.filter((d) => d.name === 'leads-to-cycle')
    expect(cycle.map((d) => d.message)).toEqual([
      'Unexpected cycle of `leadsTo` links `cmoc-1` -> `cmoc-2` -> `cmoc-3` -> `cmoc-1`, expected a chain that ends',
    ])
    const chain = loadFromMemory([
      review(),
      cmoc('cmoc-1', 'leadsTo: [cmoc-2]\n'),
      cmoc('cmoc-2', 'leadsTo: [cmoc-3]\n'),
      cmoc('cmoc-3'),
    ])
    expect(leadsToCycles(chain.graph)).toEqual([])
    expect(chain.diagnostics.filter((d) => d.name === 'leads-to-cycle')).toEqual([])
  })
})

describe('judgement queries on the fixture review', () => {
  it('groups CMOCs by confidence, one of each level', async () => {
    const kb = await loadDirectory(fixture)
    expect(cmocsByConfidence(kb.graph)).toEqual({
      high: ['cmoc-a'],
      moderate: ['cmoc-b'],
      low: ['cmoc-c'],
      'very-low': ['cmoc-d'],
      'not-assessed': ['cmoc-x', 'cmoc-y'],
    })
  })

  it('carries the confidence of the CMOCs to recommendations', async () => {
    const kb = await loadDirectory(fixture)
    expect(recommendationConfidence(kb.graph, 'rec-1')).toEqual({
      cmocs: ['cmoc-a', 'cmoc-b'],
      lowest: 'moderate',
      spread: { high: 1, moderate: 1, low: 0, 'very-low': 0, 'not-assessed': 0 },
      allAssessed: true,
    })
    expect(recommendationConfidence(kb.graph, 'rec-3').lowest).toBe('not-assessed')
    expect(recommendationsOnLowConfidence(kb.graph)).toEqual(['rec-2'])
  })

  it('sorts studies by appraisal and follows a chain', async () => {
    const kb = await loadDirectory(fixture)
    expect(studiesByAppraisal(kb.graph, 'rigour')).toEqual({
      high: ['alpha-2020'],
      moderate: ['beta-2021'],
      low: ['gamma-2019'],
      'not-appraised': ['delta-2022'],
    })
    expect(cmocChain(kb.graph, 'cmoc-b')).toEqual({
      upstream: ['cmoc-a'],
      cmoc: 'cmoc-b',
      downstream: ['cmoc-c'],
    })
    expect(cmocChain(kb.graph, 'cmoc-x')).toEqual({
      upstream: ['cmoc-y'],
      cmoc: 'cmoc-x',
      downstream: ['cmoc-y'],
    })
  })

  it('weights the gap map by appraisal when asked, and says so', async () => {
    const kb = await loadDirectory(fixture)
    const designRow = (report: ReturnType<typeof buildTraceReport>, cmoc: string) => {
      const table = report.gapMap.find((t) => t.dimension === 'design')
      const row = table?.rows.find((r) => r.cmoc === cmoc)
      return Object.fromEntries((table?.values ?? []).map((value, i) => [value, row?.counts[i]]))
    }
    const all = buildTraceReport(kb)
    expect(all.gapMapWeighting).toBeUndefined()
    expect(designRow(all, 'cmoc-b')).toEqual({
      'case-study': 1,
      qualitative: 1,
      report: 0,
      survey: 0,
    })
    const weighted = buildTraceReport(kb, {
      gapMapWeighting: { dimension: 'rigour', atLeast: 'moderate' },
    })
    expect(weighted.gapMapWeighting).toEqual({ dimension: 'rigour', atLeast: 'moderate' })
    // gamma-2019 (low rigour) and delta-2022 (not appraised) are left out.
    expect(designRow(weighted, 'cmoc-b')).toEqual({ qualitative: 1, survey: 0 })
  })

  it('leaves the bundled review not assessed', async () => {
    const kb = await loadDirectory(path.resolve(import.meta.dirname, '../../../content'))
    const byConfidence = cmocsByConfidence(kb.graph)
    expect(byConfidence['not-assessed'].length).toBeGreaterThan(0)
    expect(
      byConfidence.high.length +
        byConfidence.moderate.length +
        byConfidence.low.length +
        byConfidence['very-low'].length,
    ).toBe(0)
    const report = buildTraceReport(kb)
    expect(new Set(report.cmocs.map((cmoc) => cmoc.confidence.overall))).toEqual(
      new Set(['not-assessed']),
    )
    expect(
      new Set(
        report.cmocs.flatMap((cmoc) =>
          Object.values(cmoc.confidence.components).map((component) => component.concern),
        ),
      ),
    ).toEqual(new Set(['not-assessed']))
    expect(new Set(report.recommendations.map((rec) => rec.confidence.lowest))).toEqual(
      new Set(['not-assessed']),
    )
    const rigour = studiesByAppraisal(kb.graph, 'rigour')
    expect(rigour.high.length + rigour.moderate.length + rigour.low.length).toBe(0)
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })
})
