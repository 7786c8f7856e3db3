import path from 'node:path'
import { main } from '@realist-kb/cli'
import { describe, expect, it } from 'vitest'
import type { ShowJson } from '../src/lib/commands/show.js'
import type { StatsJson } from '../src/lib/commands/stats.js'
import { memoryIo } from './cli-io.js'

// The fictional judgement review of the export package's report fixtures.
const fixtures = path.resolve(import.meta.dirname, '../../export/test/fixtures')

describe('judgements on the command line', () => {
  it('stats counts CMOCs by confidence, studies by rigour, weak recommendations and cycles', async () => {
    const io = memoryIo(fixtures)
    expect(await main(['stats', 'judgement', '--format', 'json'], io)).toBe(0)
    const stats = JSON.parse(io.out()) as StatsJson
    expect(stats.judgement.cmocsByConfidence['very-low']).toEqual(['cmoc-d'])
    expect(stats.judgement.studiesByRigour.low).toEqual(['gamma-2019'])
    expect(stats.judgement.recommendationsOnLowConfidence).toEqual(['rec-2'])
    expect(stats.judgement.leadsToCycles).toEqual([['cmoc-x', 'cmoc-y']])
  })

  it('report weights the gap map by appraisal on request, and refuses a malformed weighting', async () => {
    const io = memoryIo(fixtures)
    const args = ['report', 'judgement', '--format', 'json', '--gap-map-at-least', 'rigour=high']
    expect(await main(args, io)).toBe(0)
    const report = JSON.parse(io.out()) as { gapMapWeighting: unknown; studies: unknown[] }
    expect(report.gapMapWeighting).toEqual({ dimension: 'rigour', atLeast: 'high' })
    const bad = memoryIo(fixtures)
    expect(await main(['report', 'judgement', '--gap-map-at-least', 'rigour'], bad)).toBe(2)
  })

  it('show gives a CMOC its confidence and chain, a recommendation its lowest confidence', async () => {
    const cmoc = memoryIo(fixtures)
    expect(await main(['show', 'cmoc-b', 'judgement', '--format', 'json'], cmoc)).toBe(0)
    const shown = JSON.parse(cmoc.out()) as ShowJson
    expect(shown.chain.confidence).toEqual(['moderate'])
    expect(shown.chain['led to from']).toEqual(['cmoc-a'])
    expect(shown.chain['leads to']).toEqual(['cmoc-c'])
    const rec = memoryIo(fixtures)
    expect(await main(['show', 'rec-2', 'judgement'], rec)).toBe(0)
    expect(rec.out()).toContain('confidence: lowest: very-low; 1 low; 1 very-low')
    const study = memoryIo(fixtures)
    expect(await main(['show', 'delta-2022', 'judgement'], study)).toBe(0)
    expect(study.out()).toContain('appraisal: relevance: not-appraised')
  })
})
