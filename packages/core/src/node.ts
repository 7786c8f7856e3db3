/**
 * Everything in `@realist-kb/core`, plus reading a knowledge base from a folder on disk.
 *
 * @module @realist-kb/core/node
 */
// Node entry: everything in the pure entry, plus loading from the file system.
export * from './index.js'
export {
  ContentFolder,
  type ContentUpdate,
  type LoadDirectoryOptions,
} from './lib/node/content-folder.js'
export { listContentFiles } from './lib/node/list-content-files.js'
export { loadDirectory } from './lib/node/load-directory.js'
