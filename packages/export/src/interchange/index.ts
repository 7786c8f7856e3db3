export {
  type Codebook,
  type CodebookCode,
  type CodebookSet,
  codeGuid,
  EmptyCodebookError,
  toCodebook,
  writeCodebook,
} from './codebook.js'
export {
  citedStudies,
  toCslJson,
  writeBibtexStudies,
  writeCslJson,
  writeRisStudies,
} from './csl-json.js'
export { diffJsonSchema } from './diff-json-schema.js'
export { writeGexf } from './gexf.js'
export { writeGraphml } from './graphml.js'
export {
  type EntityJson,
  type KnowledgeBaseJson,
  type LinkJson,
  toKnowledgeBaseJson,
  writeKnowledgeBaseJson,
} from './knowledge-base-json.js'
export { knowledgeBaseJsonSchema } from './knowledge-base-json-schema.js'
export { writeQdpx } from './qdpx.js'
export {
  type QdpxDrift,
  type QdpxDriftReason,
  type QdpxEvidence,
  type QdpxImport,
  QdpxParseError,
  readQdpx,
} from './read-qdpx.js'
export type { QdpxCodeChange } from './read-qdpx-codes.js'
export { reportJsonSchema } from './report-json-schema.js'
