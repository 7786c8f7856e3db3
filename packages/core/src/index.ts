/**
 * The model of a realist synthesis knowledge base: zod schemas, the markdown loader with placed
 * diagnostics, the typed graphology graph, trace queries and the trace report. Pure: no file
 * system and no Node built-ins, so it runs in a browser too.
 *
 * @module @realist-kb/core
 */
// Pure entry: no file system, no Node built-ins; safe to bundle for the browser.
export { checkGaps } from './lib/checks/gaps.js'
export { fileStem, isContentPath } from './lib/content-path.js'
export {
  type CatalogueEntry,
  catalogue,
  type DiagnosticName,
  type Severity,
} from './lib/diagnostics/catalogue.js'
export {
  compareDiagnostics,
  createDiagnostic,
  type Diagnostic,
  type DiagnosticInit,
  type Position,
} from './lib/diagnostics/diagnostic.js'
export { didYouMean } from './lib/diagnostics/did-you-mean.js'
export { diffKnowledgeBases } from './lib/diff/diff-knowledge-bases.js'
export {
  type AcknowledgementDiff,
  type BasisChange,
  type CmocConfidenceChange,
  type CmocDiff,
  type CmocLinkChange,
  type CmocPartChange,
  type DiffEntity,
  type GainedLost,
  type JudgementChange,
  type KnowledgeBaseDiff,
  knowledgeBaseDiffVersion,
  type RecommendationDiff,
  type RenamedEntity,
  type StudyDiff,
  type TextChange,
} from './lib/diff/types.js'
export {
  type FlowStage,
  flowStageDescriptions,
  flowStages,
} from './lib/flow/flow-stages.js'
export { type FlowBox, type PrismaFlow, prismaFlow, reviewFlow } from './lib/flow/prisma-flow.js'
export { buildKnowledgeBase } from './lib/graph/build-graph.js'
export { IncrementalKnowledgeBase } from './lib/graph/incremental.js'
export type {
  EdgeAttributes,
  GraphAttributes,
  KnowledgeBase,
  KnowledgeGraph,
  NodeAttributes,
} from './lib/graph/types.js'
export { loadFromMemory } from './lib/load-memory.js'
export { migrateFiles } from './lib/migrate/migrate-files.js'
export type {
  MigrateOptions,
  MigrationChange,
  MigrationEdit,
  MigrationFile,
  MigrationProblem,
  MigrationResult,
} from './lib/migrate/types.js'
export type {
  EdgeType,
  Entity,
  EntityOf,
  EvidenceData,
  Link,
  Place,
  StudyOwnData,
} from './lib/model/entity.js'
export { InvalidOptionsError } from './lib/options.js'
export { type BodyLink, findBodyLinks } from './lib/parse/body-links.js'
export { maxMarkdownDepth, tooDeepMarkdown } from './lib/parse/markdown-nesting.js'
export {
  type CostlyConstruct,
  type CostlyMarkdown,
  costlyMarkdown,
  type MarkdownWorkBudget,
  markdownWorkBudget,
} from './lib/parse/markdown-work.js'
export {
  type DeclaredId,
  type ParsedFile,
  type ParseOptions,
  parseFile,
  type SourceFile,
} from './lib/parse/parse-file.js'
export {
  type AppraisalLevelOrNot,
  appraisalLevelOf,
  meetsAppraisal,
  studiesByAppraisal,
} from './lib/query/appraisal.js'
export { type CmocChain, cmocChain, leadsToCycles } from './lib/query/chains.js'
export { groupChain } from './lib/query/cmoc-evidence.js'
export {
  type ConfidenceOrNot,
  cmocsByConfidence,
  confidenceOf,
  type RecommendationConfidence,
  recommendationConfidence,
  recommendationsOnLowConfidence,
} from './lib/query/confidence.js'
export { type ConfidenceHints, confidenceHints } from './lib/query/confidence-hints.js'
export { type Coverage, coverage, gaps } from './lib/query/coverage.js'
export {
  compareEntities,
  compareIds,
  entitiesOfKind,
  type Neighbour,
  neighbours,
  studiesOfCmoc,
} from './lib/query/neighbours.js'
export {
  type CmocStatistics,
  type JudgementStatistics,
  type KnowledgeBaseStatistics,
  statistics,
} from './lib/query/statistics.js'
export {
  countryName,
  type StudyTerms,
  studyTermsOf,
  type Term,
  type TermDimension,
  termDimensions,
} from './lib/query/terms.js'
export { inTheoryOrder } from './lib/query/theory-order.js'
export {
  type CmocTrace,
  cmocsOfGroup,
  type EvidenceTrace,
  evidenceForCmoc,
  type RecommendationTrace,
  recommendationsOfCmoc,
  type StudyUsage,
  studyUsage,
  traceAll,
  traceRecommendation,
} from './lib/query/trace.js'
export { capitalised, type Vocabulary, vocabularyOf } from './lib/query/vocabulary.js'
export {
  checkRameses,
  type RamesesCheck,
  type RamesesChecklist,
  type RamesesRow,
} from './lib/rameses/check-rameses.js'
export { type RamesesItem, ramesesItems, ramesesSource } from './lib/rameses/rameses-items.js'
export * from './lib/report/index.js'
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
export {
  type FormatStatisticsOptions,
  formatStatistics,
} from './lib/reporter/format-statistics.js'
export { type VisibleControlsOptions, visibleControls } from './lib/reporter/visible-controls.js'
export * from './lib/schema/index.js'
