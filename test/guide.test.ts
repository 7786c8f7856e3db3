import { readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// docs/guide.md shows the packages in use; each of its `ts` blocks is type-checked here, as a
// module of its own, against the current sources: an example that no longer compiles fails.

const root = path.resolve(import.meta.dirname, '..')
const guide = readFileSync(path.join(root, 'docs/guide.md'), 'utf8')
const blocks = [...guide.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '')

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  customConditions: ['source'],
  resolveJsonModule: true,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
}

/** Type-check each block as `docs/guide-block-<n>.ts`, a file that exists only in memory. */
function checkBlocks(): string[][] {
  const files = new Map(
    blocks.map((code, index) => [path.join(root, 'docs', `guide-block-${index + 1}.ts`), code]),
  )
  const host = ts.createCompilerHost(options)
  const { fileExists, readFile, getSourceFile } = host
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file)
  host.readFile = (file) => files.get(file) ?? readFile.call(host, file)
  host.getSourceFile = (file, language, ...rest) => {
    const code = files.get(file)
    return code === undefined
      ? getSourceFile.call(host, file, language, ...rest)
      : ts.createSourceFile(file, code, language, true)
  }
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host })
  return [...files.keys()].map((file) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  )
}

describe('docs/guide.md', () => {
  it('has code to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6)
  })

  it('type-checks every TypeScript example', () => {
    const problems = checkBlocks().flatMap((messages, index) =>
      messages.map((message) => `block ${index + 1}: ${message}`),
    )
    expect(problems).toEqual([])
  }, 60_000)
})
