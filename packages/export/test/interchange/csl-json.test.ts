import { loadDirectory } from '@realist-kb/core/node'
import { toCslJson, writeCslJson } from '@realist-kb/export'
import { describe, expect, it } from 'vitest'
import { hostileFixture, loadContent, validFixture } from './helpers.js'

const content = await loadContent()

// citation-js ships no types: load it through a specifier TypeScript does not resolve, and give it
// the two members used here.
interface CiteInstance {
  readonly data: readonly { readonly id: string; readonly title: string }[]
  format(name: 'bibliography', options: { format: 'text'; template: string }): string
}
type CiteConstructor = new (data: unknown) => CiteInstance
const citationJs = '@citation-js/core'
const { Cite } = (await import(citationJs)) as { Cite: CiteConstructor }
const cslPlugin = '@citation-js/plugin-csl'
await import(cslPlugin)

describe('CSL-JSON', () => {
  it('maps citation fields and nothing else', async () => {
    expect(toCslJson(await loadDirectory(validFixture))).toEqual([
      {
        id: 'doe-2020',
        type: 'article-journal',
        title: 'A qualitative study of integration',
        author: [{ family: 'Doe', given: 'J.' }, { literal: 'et al.' }],
        issued: { 'date-parts': [[2020]] },
        'container-title': 'J Example',
      },
      {
        id: 'roe-2021',
        type: 'document',
        title: 'A second study',
        author: [{ family: 'Roe', given: 'R.' }],
        issued: { 'date-parts': [[2021]] },
      },
    ])
  })

  it.skipIf(content === undefined)(
    'maps volume, issue, pages and type on the bundled review',
    () => {
      if (!content) return
      const items = toCslJson(content)
      expect(items).toHaveLength(
        content.graph.filterNodes((_id, entity) => entity.kind === 'study').length,
      )
      const collins = items.find((item) => item.id === 'collins-2022')
      expect(collins).toMatchObject({
        type: 'article-journal',
        author: [{ family: 'Collins', given: 'A.' }, { literal: 'et al.' }],
        'container-title': 'Front Oncol',
        volume: '12',
        page: '991843',
        issued: { 'date-parts': [[2022]] },
      })
    },
  )

  it.each([
    ['valid', validFixture],
    ['hostile', hostileFixture],
  ])(
    'reads back through citation-js, as reference managers do (%s fixture)',
    async (_name, dir) => {
      const kb = await loadDirectory(dir)
      const text = writeCslJson(kb)
      const cite = new Cite(JSON.parse(text))
      expect(cite.data.map((item) => [item.id, item.title])).toEqual(
        toCslJson(kb).map((item) => [item.id, item.title]),
      )
      const bibliography = cite.format('bibliography', { format: 'text', template: 'apa' })
      expect(typeof bibliography).toBe('string')
      expect(bibliography.length).toBeGreaterThan(0)
    },
  )

  it('formats a usable reference, "et al." as the source printed it', async () => {
    const cite = new Cite(toCslJson(await loadDirectory(validFixture)))
    expect(cite.format('bibliography', { format: 'text', template: 'vancouver' })).toContain(
      'Doe J, et al. A qualitative study of integration. J Example. 2020.',
    )
  })
})
