/**
 * Loading a content folder and reporting on it, without the rest of the library: for programs
 * that start often, such as a command line. A load restored from the cache imports no parser;
 * everything here is also in `@realist-kb/core/node`.
 *
 * @module @realist-kb/core/folder
 */
export {
  ContentFolder,
  type ContentUpdate,
  type LoadDirectoryOptions,
} from './lib/node/content-folder.js'
export { listContentFiles } from './lib/node/list-content-files.js'
export { loadDirectory } from './lib/node/load-directory.js'
export {
  type DiagnosticDiff,
  type DiffFormatOptions,
  diagnosticLine,
  diffDiagnostics,
  formatDiff,
} from './lib/reporter/diagnostic-diff.js'
export {
  type FormatDiagnosticsOptions,
  formatDiagnostics,
  summaryLine,
} from './lib/reporter/format-diagnostics.js'
export { type VisibleControlsOptions, visibleControls } from './lib/reporter/visible-controls.js'
