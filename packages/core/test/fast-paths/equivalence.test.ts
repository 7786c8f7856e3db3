import { buildKnowledgeBase, type KnowledgeBase, parseFile } from '@realist-kb/core'
import { describe, expect, it } from 'vitest'
import { findBodyLinks, findBodyLinksWithRemark } from '../../src/lib/parse/body-links.js'
import { comparisonCorpora } from './corpora.js'

/** Everything a knowledge base holds, in a form that compares deeply. */
function snapshot(kb: KnowledgeBase): unknown {
  return {
    nodes: kb.graph.mapNodes((id, attributes) => [id, attributes]),
    edges: kb.graph.mapEdges((key, attributes, source, target) => [
      key,
      source,
      target,
      attributes,
    ]),
    diagnostics: kb.diagnostics,
  }
}

describe('fast paths give the results of the straightforward full parse', () => {
  for (const corpus of comparisonCorpora()) {
    it(`loads the ${corpus.name} identically`, () => {
      const fast = buildKnowledgeBase(corpus.files.map((file) => parseFile(file)))
      const full = buildKnowledgeBase(
        corpus.files.map((file) => parseFile(file, { fastPath: false })),
      )
      expect(fast.graph.order).toBeGreaterThan(10)
      expect(snapshot(fast)).toEqual(snapshot(full))
    })

    it(`finds the same inline links in the ${corpus.name} as a full remark parse`, () => {
      let withCode = 0
      for (const file of corpus.files) {
        if (/`\[\[/.test(file.text)) withCode++
        expect(findBodyLinks(file.text), file.path).toEqual(findBodyLinksWithRemark(file.text))
      }
      if (corpus.name.startsWith('generated')) expect(withCode).toBeGreaterThan(0) // code spans are covered
    }, 180_000)
  }

  it('treats brackets in code, links and emphasis as remark does', () => {
    const bodies = [
      'Plain [[a-1]] and [[b-2]].',
      'Code `[[x]]` and [[y]].',
      '```\n[[in-block]]\n```\n[[after]]',
      '    [[indented-code]]\n\n[[text]]',
      '[[a]](http://x) [[b]]',
      '[[a]][ref]\n\n[ref]: http://x',
      '*[[em]]* and [[x*y*]]',
      '<span>[[html]]</span> [[t]]',
      '\\[[escaped]] [[ok]]',
      '[link [[inside]]](#x)',
      '~~~\n[[tilde]]\n~~~',
      '> quote [[q]]\n- item [[i]]',
    ]
    for (const body of bodies)
      expect(findBodyLinks(body), body).toEqual(findBodyLinksWithRemark(body))
  })
})
