import path from 'node:path'
import {
  compareIds,
  coverage,
  entitiesOfKind,
  type KnowledgeBase,
  traceAll,
} from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { beforeAll, describe, expect, it } from 'vitest'

// Table 2 of Bradley et al. 2025, transcribed row by row: the audience label printed in each row
// and the first words of the recommendation. The knowledge base must match it one to one.
const table2: Record<number, [audience: string, opening: string][]> = {
  1: [
    ['Education providers and regulatory bodies', 'Integrate palliative care training'],
    ['Funders/commissioners', 'Provide appropriate funding routes'],
    ['Researchers and knowledge mobilisers', 'Encourage organisation and/or system leaders'],
    ['Organisation and system leadership', 'Take actions that promote'],
    ['Organisation and professional leaders', 'Provide clarity on professional responsibilities'],
    ['Public health agencies', 'Research and invest in public health'],
  ],
  2: [
    ['Organisation/system leaders and managers', 'Identify and support key individuals'],
    ['Organisation/system leaders and managers', 'Plan information and involvement strategies'],
    ['Organisation/system leaders and managers', 'Collaborate with oncology and palliative care'],
    ['Education providers and regulatory bodies', 'Provide and endorse training'],
  ],
  3: [
    ['Organisation/system leaders and managers', 'Ensure appropriate systems, scheduling'],
    [
      'Organisation leaders, managers, and team/service leads',
      'Encourage a collaborative working environment',
    ],
    [
      'Commissioners and leadership across different care settings',
      'Develop and resource a process',
    ],
    ['Healthcare professionals', 'Actively seek to understand'],
    ['Healthcare system information providers', 'Develop informational resources'],
    ['Healthcare professionals', 'Explicitly support the needs of carers'],
    ['Funders or commissioners, organisation and system leadership', 'Invest in community care'],
    ['Healthcare professionals', 'Recognise that people who live alone'],
  ],
  4: [
    [
      'Organisation leaders, managers, and team/service leads',
      'Develop appropriate and meaningful',
    ],
    [
      'Organisation leaders, managers, and team/service leads',
      'Facilitate and encourage collaboration',
    ],
    ['Team/service leads and healthcare professionals', 'Provide and encourage opportunities'],
    ['Healthcare professionals', 'Foster communication and reflection'],
  ],
}
const sectionGroups: Record<number, string> = {
  1: 'coherence',
  2: 'cognitive-participation',
  3: 'collective-action',
  4: 'reflexive-monitoring',
}
const cmocLabels = [
  '1a',
  '1b',
  '1c',
  '1d',
  '2a',
  '2b',
  '2c',
  '2d',
  '3a',
  '3b',
  '3c',
  '3d',
  '3e',
  '3f',
  '4a',
  '4b',
  '4c',
  '4d',
]

describe('the bundled review (content/)', () => {
  let kb: KnowledgeBase
  beforeAll(async () => {
    kb = await loadDirectory(path.resolve(import.meta.dirname, '../content'))
  })

  it('validates with zero errors', () => {
    expect(kb.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('holds 4 groups, 18 CMOCs, 22 recommendations and every audience group of Table 2', () => {
    const counts = coverage(kb).counts
    expect(counts.review).toBe(1)
    expect(counts.group).toBe(4)
    expect(
      entitiesOfKind(kb.graph, 'cmoc')
        .map((c) => c.id)
        .sort(compareIds),
    ).toEqual(cmocLabels.map((label) => `cmoc-${label}`))
    expect(counts.recommendation).toBe(22)
    const labels = new Set(
      Object.values(table2).flatMap((rows) => rows.map(([audience]) => audience)),
    )
    expect(
      entitiesOfKind(kb.graph, 'audience')
        .map((a) => a.data.name)
        .sort(),
    ).toEqual([...labels].sort())
  })

  it('matches Table 2 one to one: ids, sections, groups, audiences and wording', () => {
    const audienceNames = new Map(
      entitiesOfKind(kb.graph, 'audience').map((a) => [a.id, a.data.name]),
    )
    for (const [section, rows] of Object.entries(table2)) {
      rows.forEach(([audience, opening], index) => {
        const id = `rec-${section}-${index + 1}`
        const node = kb.graph.getNodeAttributes(id)
        expect(node.kind, id).toBe('recommendation')
        if (node.kind !== 'recommendation') return
        expect(node.data.section, id).toBe(Number(section))
        expect(node.data.group, id).toBe(sectionGroups[Number(section)])
        expect(node.data.text.startsWith(opening), `${id} starts with "${opening}"`).toBe(true)
        expect(
          (node.data.audiences ?? []).map((a) =>
            audienceNames.get(typeof a === 'string' ? a : a.id),
          ),
          id,
        ).toEqual([audience])
      })
    }
  })

  it('traces every recommendation to at least one CMOC, and every group has CMOCs', () => {
    for (const trace of traceAll(kb.graph))
      expect(trace.cmocs.length, trace.recommendation.id).toBeGreaterThan(0)
    expect(coverage(kb).groups).toEqual({ total: 4, withCmocs: 4 })
  })

  it('carries the figures the paper reports', () => {
    const review = entitiesOfKind(kb.graph, 'review')[0]
    expect(review?.data.doi).toBe('10.1186/s12916-025-04083-1')
    expect(review?.data.registration).toContain('CRD42023389791')
    expect(review?.data.reported).toMatchObject({
      papers: 164,
      countries: 33,
      cmocs: 18,
      recommendations: 22,
    })
    const perCountry = review?.data.reported?.perCountry ?? {}
    expect(Object.keys(perCountry)).toHaveLength(33)
    expect(perCountry).toMatchObject({
      US: 46,
      GB: 17,
      CA: 13,
      AU: 11,
      NO: 11,
      DE: 10,
      NL: 7,
      BE: 7,
      CH: 6,
      IT: 6,
      JP: 4,
      DK: 4,
      SE: 3,
      IR: 3,
    })
  })

  it('encodes every reference the Discussion cites (41-68) as a study, with no invented DOI', () => {
    const studies = entitiesOfKind(kb.graph, 'study')
    const references = new Set(studies.map((s) => s.data.reference))
    for (let n = 41; n <= 68; n++) expect(references.has(n), `reference ${n}`).toBe(true)
    expect(studies.filter((s) => s.data.citation.doi !== undefined)).toEqual([])
    for (const study of studies) expect(study.data.inclusion?.basis, study.id).toBeTruthy()
  })

  it('explains every remaining warning in content/README.md', async () => {
    const { readFile } = await import('node:fs/promises')
    const readme = await readFile(path.resolve(import.meta.dirname, '../content/README.md'), 'utf8')
    for (const warning of kb.diagnostics.filter((d) => d.severity === 'warning')) {
      const id = warning.entity ?? ''
      // The page names a CMOC by its label (CMOC3e) and a study as "Surname Year" (Hui 2015).
      const names = [
        id,
        id.replace(/^cmoc-/, 'CMOC'),
        id.replace(
          /^([a-z])([a-z-]*)-(\d{4})$/,
          (_m, first: string, rest: string, year: string) =>
            `${first.toUpperCase()}${rest} ${year}`,
        ),
      ]
      expect(
        names.some((name) => readme.includes(name)),
        `${warning.name} for ${id}`,
      ).toBe(true)
    }
  })
})
