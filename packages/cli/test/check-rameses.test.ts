import path from 'node:path'
import { main } from '@realist-kb/cli'
import { describe, expect, it } from 'vitest'
import { memoryIo } from './cli-io.js'

const root = path.join(import.meta.dirname, '../../..')

describe('realist-kb check rameses', () => {
  it('prints the checklist of the bundled review; a failed automatic check exits 1', async () => {
    const io = memoryIo(root)
    expect(await main(['check', 'rameses', 'content'], io)).toBe(1)
    expect(io.out()).toContain(
      ' 8. Searching processes\n    reported at: not stated\n    check: passed',
    )
    expect(io.out()).toContain(
      '12. Document flow diagram\n    reported at: not stated\n    check: failed',
    )
  })

  it('gives the same checklist as versioned JSON', async () => {
    const io = memoryIo(root)
    await main(['check', 'rameses', 'content', '--format', 'json'], io)
    const json = JSON.parse(io.out())
    expect(json.version).toBe(1)
    expect(json.rows).toHaveLength(19)
    expect(json.failed).toEqual([12])
  })

  it('names the standard it checks, or exits 2', async () => {
    const io = memoryIo(root)
    expect(await main(['check', 'consort', 'content'], io)).toBe(2)
    expect(io.err()).toContain('Unexpected standard `consort`, expected one of rameses')
  })
})
