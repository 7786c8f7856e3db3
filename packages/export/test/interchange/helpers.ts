import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { KnowledgeBase } from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'
import { validateXML, type XMLFileInfo } from 'xmllint-wasm'

const root = path.resolve(import.meta.dirname, '../../../..')
// The official schemas, copied unchanged with their sources and licences (schemas/*/SOURCE.txt),
// so that a clone validates offline with nothing beside it.
const formats = path.join(import.meta.dirname, 'schemas')

/** The small valid knowledge base of the core tests. */
export const validFixture = path.join(root, 'packages/core/test/fixtures/valid')
/** A knowledge base whose every text tries to break out of its format. */
export const hostileFixture = path.join(import.meta.dirname, 'fixtures/hostile')
/** The bundled review. */
export const contentDir = path.join(root, 'content')

/**
 * Load the bundled review. It is part of the repository: failing to load it fails the test
 * rather than skipping the bundled-review checks.
 */
export async function loadContent(): Promise<KnowledgeBase> {
  const kb = await loadDirectory(contentDir)
  if (kb.graph.order === 0) throw new Error(`Unexpected empty knowledge base in ${contentDir}`)
  return kb
}

const read = (file: string): XMLFileInfo => ({
  fileName: path.basename(file),
  contents: readFileSync(path.join(formats, file), 'utf8'),
})

const schemas = {
  gexf: {
    schema: read('gexf/gexf.xsd'),
    preload: [read('gexf/viz.xsd'), read('gexf/dynamics.xsd')],
  },
  graphml: {
    schema: read('graphml/yed-extension.xsd'),
    preload: [read('graphml/graphml.xsd'), read('graphml/xlink.xsd')],
  },
  qdc: { schema: read('refi-qda/Codebook.xsd'), preload: [] },
  qde: { schema: read('refi-qda/Project.xsd'), preload: [] },
} as const

/** Validate XML against the official XSD of a format; resolves to the error messages (none when valid). */
export async function xsdErrors(xml: string, format: keyof typeof schemas): Promise<string[]> {
  const { schema, preload } = schemas[format]
  const result = await validateXML({
    xml: [{ fileName: `export.${format}`, contents: xml }],
    schema: [schema],
    preload: [...preload],
  })
  return result.errors.map((error) => error.rawMessage)
}

/** Validate GEXF against the RELAX NG grammar, the normative form of the GEXF 1.3 schema. */
export async function gexfRelaxNgErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'export.gexf', contents: xml }],
    schema: [read('gexf/gexf.rng')],
    preload: [read('gexf/viz.rng'), read('gexf/dynamics.rng')],
    extension: 'relaxng',
  })
  return result.errors.map((error) => error.rawMessage)
}

// Characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE/U+FFFF): writers drop them.
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** A value as an XML export reads back: strings lose the characters XML cannot hold. */
export function xmlSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? item.replace(forbidden, '') : item,
  ) as T
}
