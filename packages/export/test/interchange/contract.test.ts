// One contract, run against every interchange exporter: the same input gives byte-identical
// output, the output ends with a newline, and every recommendation the format carries is there.
import type { KnowledgeBase } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import {
  programmeTheoryDiagram,
  toCodebook,
  traceDiagram,
  writeBibtexStudies,
  writeCodebook,
  writeCslJson,
  writeDot,
  writeGexf,
  writeGraphml,
  writeKnowledgeBaseJson,
  writeMermaid,
  writeQdpx,
  writeRisStudies,
} from '@realist-kb/export'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { hostileFixture, loadContent, validFixture } from './helpers.js'

interface Contract {
  readonly write: (kb: KnowledgeBase) => string
  /** The entity kinds whose every id appears in the output. */
  readonly carries: readonly ('recommendation' | 'cmoc' | 'study')[]
  /** How the output names an id it carries (default: as a quoted string). */
  readonly names?: (id: string) => string
}

const exporters: Record<string, Contract> = {
  gexf: { write: writeGexf, carries: ['recommendation', 'cmoc', 'study'] },
  graphml: { write: writeGraphml, carries: ['recommendation', 'cmoc', 'study'] },
  json: { write: writeKnowledgeBaseJson, carries: ['recommendation', 'cmoc', 'study'] },
  'mermaid (programme theory)': {
    write: (kb) => writeMermaid(programmeTheoryDiagram(kb)),
    carries: [],
  },
  'dot (programme theory)': {
    write: (kb) => writeDot(programmeTheoryDiagram(kb)),
    carries: ['recommendation', 'cmoc'],
  },
  'dot (first trace)': {
    write: (kb) => {
      const first = kb.graph
        .filterNodes((_id, entity) => entity.kind === 'recommendation')
        .sort()[0]
      const diagram = first === undefined ? undefined : traceDiagram(kb, first)
      return diagram ? writeDot(diagram) : '\n'
    },
    carries: [],
  },
  qdc: { write: (kb) => writeCodebook(toCodebook(kb)), carries: [] },
  // The archive's files as text, in archive order: the project, then each study's source.
  qdpx: {
    write: (kb) =>
      Object.entries(unzipSync(writeQdpx(kb)))
        .map(([name, bytes]) => `${name}\n${strFromU8(bytes)}`)
        .join(''),
    carries: [],
  },
  'csl-json': { write: writeCslJson, carries: ['study'] },
  ris: { write: writeRisStudies, carries: ['study'], names: (id) => `\r\nID  - ${id}\r\n` },
  bibtex: { write: writeBibtexStudies, carries: ['study'], names: (id) => `{${id},\n` },
}

// Each source loads afresh on every call, so that determinism is checked across two loads.
const sources: [string, () => Promise<KnowledgeBase | undefined>][] = [
  ['valid', () => loadDirectory(validFixture)],
  ['hostile', () => loadDirectory(hostileFixture)],
  ...((await loadContent())
    ? ([['bundled review', loadContent]] as [string, () => Promise<KnowledgeBase | undefined>][])
    : []),
]

describe.each(Object.entries(exporters))('the %s exporter', (_name, contract) => {
  it.each(sources)(
    'is deterministic and complete on the %s knowledge base',
    async (_source, load) => {
      const kb = await load()
      const again = await load()
      if (!kb || !again) throw new Error('the knowledge base did not load')
      const output = contract.write(kb)
      expect(contract.write(again)).toBe(output)
      expect(output.endsWith('\n')).toBe(true)
      kb.graph.forEachNode((id, entity) => {
        if ((contract.carries as readonly string[]).includes(entity.kind))
          expect(output).toContain(contract.names?.(id) ?? `"${id}"`)
      })
    },
  )
})
