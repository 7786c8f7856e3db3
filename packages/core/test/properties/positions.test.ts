import { loadFromMemory, parseFile } from '@realist-kb/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyTextArbitrary, knowledgeBaseArbitrary } from './arbitraries/inputs.js'
import { markdownBodyArbitrary } from './arbitraries/markdown.js'
import { contentFileTextArbitrary, contentPathArbitrary } from './arbitraries/yaml-ish.js'
import { propertyTimeout } from './fc-settings.js'
import { outsideItsFile } from './positions.js'

describe('every diagnostic lies inside its file', () => {
  it(
    'parseFile: YAML-ish frontmatter, markdown bodies, any text',
    () => {
      fc.assert(
        fc.property(
          contentPathArbitrary,
          fc.oneof(contentFileTextArbitrary(markdownBodyArbitrary), anyTextArbitrary),
          (path, text) => {
            const files = [{ path, text }]
            const parsed = parseFile({ path, text })
            expect(parsed.diagnostics.map((d) => outsideItsFile(d, files)).filter(Boolean)).toEqual(
              [],
            )
            // Links keep places too, and those are inside the file as well.
            for (const entity of parsed.entities)
              for (const link of entity.links)
                expect(outsideItsFile(link.place, files)).toBeUndefined()
          },
        ),
      )
    },
    propertyTimeout,
  )

  it(
    'loadFromMemory: reference, duplicate and gap diagnostics too',
    () => {
      fc.assert(
        fc.property(knowledgeBaseArbitrary, (files) => {
          const kb = loadFromMemory(files)
          expect(kb.diagnostics.map((d) => outsideItsFile(d, files)).filter(Boolean)).toEqual([])
        }),
      )
    },
    propertyTimeout,
  )
})
