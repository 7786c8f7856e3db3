import { loadFromMemory, type ParseOptions, parseFile } from '@realist-kb/core'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import {
  anyTextArbitrary,
  knowledgeBaseArbitrary,
  sourceFileArbitrary,
} from './arbitraries/inputs.js'
import { markdownBodyArbitrary } from './arbitraries/markdown.js'
import { contentFileTextArbitrary, contentPathArbitrary } from './arbitraries/yaml-ish.js'
import { propertyTimeout, withinBudget } from './fc-settings.js'

// Generated frontmatter and bodies set this flag if anything ever runs them as code.
const executed = '__realistKbExecuted'

afterAll(() => {
  expect((globalThis as Record<string, unknown>)[executed]).toBeUndefined()
})

describe('no content makes the loader throw or hang', () => {
  it(
    'parseFile: any text at any path',
    () => {
      fc.assert(
        fc.property(contentPathArbitrary, anyTextArbitrary, (path, text) => {
          const parsed = withinBudget(() => parseFile({ path, text }))
          expect(parsed.path).toBe(path)
        }),
      )
    },
    propertyTimeout,
  )

  it(
    'parseFile: YAML-ish frontmatter with markdown bodies',
    () => {
      fc.assert(
        fc.property(
          contentPathArbitrary,
          contentFileTextArbitrary(markdownBodyArbitrary),
          (path, text) => {
            const parsed = withinBudget(() => parseFile({ path, text }))
            // A file yields entities or says why not: never nothing and silence.
            if (parsed.entities.length === 0)
              expect(parsed.diagnostics.some((d) => d.severity === 'error')).toBe(true)
          },
        ),
      )
    },
    propertyTimeout,
  )

  it(
    'parseFile: any limits',
    () => {
      const limits: fc.Arbitrary<ParseOptions> = fc.record(
        { maxFileSize: fc.nat({ max: 400 }), maxLineLength: fc.nat({ max: 80 }) },
        { requiredKeys: [] },
      )
      fc.assert(
        fc.property(sourceFileArbitrary, limits, (file, options) => {
          const parsed = withinBudget(() => parseFile(file, options))
          const tooLarge = parsed.diagnostics.filter((d) => d.name === 'file-too-large')
          if (file.text.length > (options.maxFileSize ?? Number.POSITIVE_INFINITY))
            expect(tooLarge).toHaveLength(1)
        }),
      )
    },
    propertyTimeout,
  )

  it(
    'loadFromMemory: whole knowledge bases of any quality',
    () => {
      fc.assert(
        fc.property(knowledgeBaseArbitrary, (files) => {
          const kb = withinBudget(() => loadFromMemory(files))
          // The graph is consistent: every node comes from a given file, every edge joins nodes.
          const paths = new Set(files.map((file) => file.path))
          kb.graph.forEachNode((_id, entity) => {
            expect(paths.has(entity.file)).toBe(true)
          })
          kb.graph.forEachEdge((_edge, _attributes, source, target) => {
            expect(kb.graph.hasNode(source) && kb.graph.hasNode(target)).toBe(true)
          })
          for (const diagnostic of kb.diagnostics) {
            expect(diagnostic.code).toMatch(/^RKB\d{3}$/)
            expect(diagnostic.message.length).toBeGreaterThan(0)
          }
        }),
      )
    },
    propertyTimeout,
  )
})
