import path from 'node:path'
import { entitiesOfKind } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { describe, expect, it } from 'vitest'
import { describeEntity, renderEntityText } from '../src/index.js'

const kb = await loadDirectory(path.join(import.meta.dirname, '..', '..', '..', 'content'))

describe('describeEntity and renderEntityText, for an app that shows one entity', () => {
  it('describe a recommendation through its chain, and nothing for an unknown id', () => {
    expect(describeEntity(kb, 'no-such-entity')).toBeUndefined()
    const recommendation = entitiesOfKind(kb.graph, 'recommendation')[0]
    if (recommendation === undefined) throw new Error('the bundled review has recommendations')
    const described = describeEntity(kb, recommendation.id)
    expect(described).toMatchObject({ kind: 'recommendation', id: recommendation.id })
    expect(described?.chain.cmocs?.length).toBeGreaterThan(0)
    expect(described?.linksOut.every((link) => kb.graph.hasNode(link.id))).toBe(true)
    const text = renderEntityText(described ?? expect.fail('described'))
    expect(text.startsWith(`recommendation ${recommendation.id}  (recommendations/`)).toBe(true)
    expect(text).toContain(`\n  cmocs: ${described?.chain.cmocs?.join('; ')}\n`)
  })
})
