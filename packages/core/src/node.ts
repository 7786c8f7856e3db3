/**
 * Everything in `@realist-kb/core`, plus reading a knowledge base from a folder on disk.
 *
 * @module @realist-kb/core/node
 */
// Node entry: everything in the pure entry, plus loading from and writing to the file system.
export * from './folder.js'
export * from './index.js'
export { loadVersion } from './lib/node/git/load-version.js'
export {
  GitRevisionError,
  loadGitRevision,
  readGitRevision,
} from './lib/node/git/read-git-revision.js'
export {
  type MigrateDirectoryOptions,
  type MigrateDirectoryResult,
  migrateDirectory,
} from './lib/node/migrate-directory.js'
export {
  checkWriteTarget,
  type WriteChunk,
  type WriteContent,
  type WriteFileOptions,
  writeFileAtomic,
} from './lib/node/write/write-file-atomic.js'
export { type WriteRefusal, WriteRefusedError } from './lib/node/write/write-refused-error.js'
export {
  type FormatMigrationOptions,
  formatMigration,
} from './lib/reporter/format-migration.js'
