import type { TraceReport } from '@realist-kb/core'

/**
 * A report exporter: a pure function from the computed trace report to text. The CLI does the
 * writing; an exporter never touches the file system or the network.
 *
 * @example
 * ```ts
 * const plain: Exporter = {
 *   name: 'plain',
 *   extension: 'txt',
 *   mediaType: 'text/plain',
 *   render: (report) => report.recommendations.map((rec) => rec.text).join('\n'),
 * }
 * ```
 */
export interface Exporter {
  /** The name used on the command line (`--format <name>`). */
  readonly name: string
  /** The usual file extension, without a dot. */
  readonly extension: string
  readonly mediaType: string
  readonly render: (report: TraceReport) => string
  /**
   * The same output as `render`, in pieces produced as they are consumed, for an output that can
   * outgrow memory (the long-format CSV): write it with `writeFileAtomic` of
   * `@realist-kb/core/node`, which streams.
   */
  readonly chunks?: (report: TraceReport) => Iterable<string>
}
