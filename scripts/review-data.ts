import path from 'node:path'
import {
  buildTraceReport,
  type Entity,
  entitiesOfKind,
  entityKinds,
  formatDiagnostics,
  type KnowledgeBase,
} from '@realist-kb/core'
import { loadDirectory } from '@realist-kb/core/node'

/** The bundled review, relative to this folder. */
export const contentDir = path.resolve(import.meta.dirname, '../content')

/** Where the generated data of `@realist-kb/review-ipco` lives (committed, checked by a test). */
export const reviewDataFile = path.resolve(
  import.meta.dirname,
  '../packages/review-ipco/src/data/review-ipco.json',
)

/**
 * Render the data of `@realist-kb/review-ipco` from a loaded knowledge base: the trace report
 * and every entity (by kind, then in table order), as stable, diff-friendly JSON. Throws when the
 * knowledge base has errors: only validated content is published.
 *
 * @example
 * ```ts
 * const json = renderReviewData(await loadDirectory('content'))
 * ```
 */
export function renderReviewData(kb: KnowledgeBase): string {
  const errors = kb.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  if (errors.length > 0) {
    throw new Error(
      `Unexpected errors in the bundled review, expected none:\n${formatDiagnostics(errors)}`,
    )
  }
  const entities: Entity[] = entityKinds.flatMap((kind) => entitiesOfKind(kb.graph, kind))
  const data = {
    $comment: 'Generated from content/ by `pnpm build:review-data`. Do not edit.',
    report: buildTraceReport(kb),
    entities,
  }
  return `${JSON.stringify(data, null, 2)}\n`
}

/**
 * Load the bundled review and render its data.
 *
 * @example
 * ```ts
 * await writeFile(reviewDataFile, await renderBundledReviewData())
 * ```
 */
export async function renderBundledReviewData(): Promise<string> {
  return renderReviewData(await loadDirectory(contentDir))
}
