/**
 * Everything in `@realist-kb/core`, plus reading a knowledge base from a folder on disk.
 *
 * @module @realist-kb/core/node
 */
// Node entry: everything in the pure entry, plus loading from the file system.
export * from './folder.js'
export * from './index.js'
