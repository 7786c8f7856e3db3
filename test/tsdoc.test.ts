import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Every export of every package entry carries TSDoc with an `@example`: the API reference
// (`pnpm docs:api`) is generated from these comments, so an export without one is undocumented.

const root = path.resolve(import.meta.dirname, '..')

/** Package entries, as their `exports` maps name them, with their source files. */
const entries: Record<string, string> = {
  '@realist-kb/core': 'packages/core/src/index.ts',
  '@realist-kb/core/node': 'packages/core/src/node.ts',
  '@realist-kb/core/folder': 'packages/core/src/folder.ts',
  '@realist-kb/citations': 'packages/citations/src/index.ts',
  '@realist-kb/citations/import': 'packages/citations/src/import.ts',
  '@realist-kb/export': 'packages/export/src/index.ts',
  '@realist-kb/cli': 'packages/cli/src/index.ts',
  '@realist-kb/review-ipco': 'packages/review-ipco/src/index.ts',
}

interface ExportDoc {
  readonly entry: string
  readonly name: string
  /** Where the export is declared, relative to the repository. */
  readonly file: string
  readonly documented: boolean
  readonly example: boolean
}

function exportDocs(): ExportDoc[] {
  const program = ts.createProgram({
    rootNames: Object.values(entries).map((file) => path.join(root, file)),
    options: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ['source'],
      resolveJsonModule: true,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
  })
  const checker = program.getTypeChecker()
  const docs: ExportDoc[] = []
  for (const [entry, file] of Object.entries(entries)) {
    const source = program.getSourceFile(path.join(root, file))
    const moduleSymbol = source && checker.getSymbolAtLocation(source)
    if (!moduleSymbol) throw new Error(`Unexpected unreadable entry ${file}`)
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      const declaration = symbol.declarations?.[0]
      const tags = symbol.getJsDocTags(checker)
      docs.push({
        entry,
        name: exported.name,
        file: declaration
          ? path.relative(root, declaration.getSourceFile().fileName)
          : '(no declaration)',
        documented: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== '',
        example: tags.some((tag) => tag.name === 'example'),
      })
    }
  }
  return docs
}

describe('TSDoc of the public API', () => {
  const docs = exportDocs()

  it('finds the exports of every entry', () => {
    for (const entry of Object.keys(entries)) {
      expect(docs.filter((doc) => doc.entry === entry).length).toBeGreaterThan(0)
    }
  })

  it('documents every export with a comment and an @example', () => {
    const missing = docs
      .filter((doc) => !doc.documented || !doc.example)
      .map(
        (doc) =>
          `${doc.entry} ${doc.name} (${doc.file}): ${doc.documented ? '' : 'no comment; '}${doc.example ? '' : 'no @example'}`,
      )
    expect(missing).toEqual([])
  })
})
