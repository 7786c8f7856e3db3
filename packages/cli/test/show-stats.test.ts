import path from 'node:path'
import { formatVancouver, toCslItem } from '@realist-kb/citations'
import { main } from '@realist-kb/cli'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'
import type { ShowJson } from '../src/lib/commands/show.js'
import type { StatsJson } from '../src/lib/commands/stats.js'
import { memoryIo } from './cli-io.js'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const kbDir = path.join(fixtures, 'small-kb')

describe('formatted references (Vancouver), from @realist-kb/citations', () => {
  async function study(id: string) {
    const entity = (await loadDirectory(kbDir)).graph.getNodeAttributes(id)
    if (entity.kind !== 'study') throw new Error('expected a study')
    return entity
  }

  it('formats a study, its et al. and its DOI; organisations stay whole', async () => {
    expect(formatVancouver((await study('doe-2020')).data.citation)).toBe(
      'Doe J, et al. A qualitative study of integration. J Example. 2020;12:1–9. doi:10.1000/example.2020.7',
    )
    expect(formatVancouver((await study('poe-2019')).data.citation)).toBe(
      'World Health Organization. An example report on integration. World Health Organization; 2019.',
    )
    expect(formatVancouver((await study('roe-2021')).data.citation)).toBe(
      'Roe R. A second study. 2021.',
    )
  })

  it('turns `Family Initials` into CSL names', () => {
    const csl = toCslItem({
      id: 'a',
      citation: { authors: ['Curry Rogers K', 'van der Berg P', 'NHS England'], title: 'T' },
    })
    expect(csl.author).toEqual([
      { family: 'Curry Rogers', given: 'K.' },
      { family: 'Berg', given: 'P.', 'non-dropping-particle': 'van der' },
      { literal: 'NHS England' },
    ])
  })
})

describe('realist-kb show', () => {
  it('prints a study with its reference, fields, links and usage', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['show', 'doe-2020', 'small-kb'], io)).toBe(0)
    const out = io.out()
    expect(out).toMatch(/^study doe-2020 {2}\(studies\/doe-2020\.md:1\)\n/)
    expect(out).toContain(
      'Reference (Vancouver)\n  Doe J, et al. A qualitative study of integration.',
    )
    expect(out).toContain('  citation.authors: Doe J\n')
    expect(out).toContain('  countries: GB\n')
    expect(out).toMatch(/Links in\n {2}drawn-from {4}evidence doe-2020-e1 {2}stated/)
    expect(out).toContain('  evidence: doe-2020-e1 -> cmoc-1a\n')
    expect(out).toContain('  recommendations: rec-1-1\n')
  })

  it('prints a recommendation traced to its CMOCs and studies, and a CMOC with its evidence', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['show', 'rec-1-1', 'small-kb', '--format', 'json'], io)).toBe(0)
    const rec = JSON.parse(io.out()) as ShowJson
    expect(rec.chain).toEqual({
      group: ['coherence'],
      audiences: ['public'],
      cmocs: ['cmoc-1a'],
      studies: ['doe-2020', 'roe-2021'],
      confidence: ['lowest: not-assessed', '1 not-assessed'],
    })
    expect(rec.linksOut.find((link) => link.id === 'cmoc-1a')).toMatchObject({
      type: 'derived-from',
      basis: 'inferred',
      rationale: 'The wording matches CMOC1a.',
      place: 'recommendations/rec-1-1.md:9:9',
    })

    const cmocIo = memoryIo(fixtures)
    expect(await main(['show', 'cmoc-1a', 'small-kb'], cmocIo)).toBe(0)
    expect(cmocIo.out()).toContain(
      '  evidence: doe-2020-e1 (supports, doe-2020); roe-2021-e1 (refines, roe-2021)\n',
    )
    expect(cmocIo.out()).toContain('  mechanism.resource: Experiential learning.\n')
  })

  it('refuses an unknown id with a suggestion (exit 2)', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['show', 'cmoc-1x', 'small-kb'], io)).toBe(2)
    expect(io.err()).toContain('did you mean `cmoc-1a`?')
  })
})

describe('realist-kb stats', () => {
  it('counts entities, evidence per CMOC, coverage and gaps', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['stats', 'small-kb', '--format', 'json'], io)).toBe(0)
    const stats = JSON.parse(io.out()) as StatsJson
    expect(stats.counts).toEqual({
      review: 1,
      group: 2,
      cmoc: 2,
      study: 3,
      evidence: 2,
      recommendation: 2,
      audience: 1,
    })
    expect(stats.cmocs).toEqual([
      {
        id: 'cmoc-1a',
        group: 'coherence',
        evidence: 2,
        studies: 2,
        relations: { supports: 1, refines: 1, refutes: 0 },
      },
      {
        id: 'cmoc-1b',
        group: 'coherence',
        evidence: 0,
        studies: 0,
        relations: { supports: 0, refines: 0, refutes: 0 },
      },
    ])
    expect(stats.coverage.cmocs).toEqual({ total: 2, withEvidence: 1, withSeveralStudies: 1 })
    expect(stats.gaps).toEqual({
      'recommendation-without-cmoc': ['rec-1-2'],
      'recommendation-without-audience': [],
      'cmoc-without-evidence': ['cmoc-1b'],
      'single-study-cmoc': [],
      'uncited-study': ['poe-2019'],
      'group-without-cmoc': ['collective-action'],
    })
    expect([stats.errors, stats.warnings]).toEqual([0, 4])
  })

  it('prints the same as text', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['stats', 'small-kb'], io)).toBe(0)
    expect(io.out()).toMatchInlineSnapshot(`
      "small-kb: 11 files, 0 errors, 4 warnings, 0 info

      Entities
        reviews               1
        groups                2
        CMOCs                 2
        studies               3
        evidence entries      2
        recommendations       2
        audiences             1

      Coverage
        recommendations with CMOCs    1 of 2 (50%)
        CMOCs with evidence           1 of 2 (50%)
        CMOCs resting on 2+ studies   1 of 2 (50%)
        studies that evidence a CMOC  2 of 3 (67%)
        groups with CMOCs             1 of 2 (50%)
        links stated / inferred       2 / 1

      Evidence per CMOC
        cmoc-1a  2 entries from 2 studies (supports 1, refines 1, refutes 0)
        cmoc-1b  0 entries from 0 studies (supports 0, refines 0, refutes 0)

      Gaps
        recommendation-without-cmoc RKB301: 1 (rec-1-2)
        recommendation-without-audience RKB306: none
        cmoc-without-evidence RKB302: 1 (cmoc-1b)
        single-study-cmoc RKB303: none
        uncited-study RKB304: 1 (poe-2019)
        group-without-cmoc RKB305: 1 (collective-action)

      Judgement
        CMOCs by confidence: high 0, moderate 0, low 0, very-low 0, not-assessed 2
        studies by rigour: high 0, moderate 0, low 0, not-appraised 3
        recommendations resting only on low or very low confidence: none
        cycles of leadsTo links: none
      "
    `)
  })
})
