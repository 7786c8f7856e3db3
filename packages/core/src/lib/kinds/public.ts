// The public surface of the kinds: schemas, data types and the registry.
export { type AudienceData, audienceSchema } from './audience.js'
export {
  type CmocData,
  type CmocParts,
  type ComponentAssessment,
  type ConcernLevel,
  type ConfidenceComponent,
  type ConfidenceData,
  type ConfidenceLevel,
  cmocParts,
  cmocPartsOf,
  cmocSchema,
  cmocStatusSchema,
  componentAssessmentSchema,
  concernLevelSchema,
  confidenceComponents,
  confidenceLevelSchema,
  confidenceSchema,
  mechanismSchema,
} from './cmoc.js'
export {
  type EntityTemplate,
  entityFilePath,
  entityTemplate,
} from './entity-template.js'
export {
  type CmocPart,
  cmocPartSchema,
  type EvidenceEntryData,
  type EvidenceFileData,
  evidenceEntrySchema,
  evidenceSchema,
  type Relation,
  relationSchema,
} from './evidence.js'
export { type GroupData, groupSchema } from './group.js'
export { kindDefinitions, kindFolders, kindOfFolder, referenceFields, schemas } from './index.js'
export { type KindJsonSchemaOptions, kindJsonSchema } from './json-schema.js'
export {
  type GapFinding,
  type GapName,
  gapNames,
  type KindDefinition,
  type KindTemplate,
  type ReferenceField,
  type TemplateReferences,
} from './kind.js'
export { type EntityKind, entityKinds, isEntityKind } from './names.js'
export { type RecommendationData, recommendationSchema } from './recommendation.js'
export {
  groupNamesSchema,
  type ReportedFigure,
  type ReportedFigures,
  type ReviewData,
  reportedFigureSchema,
  reportedFiguresSchema,
  reviewSchema,
  theorySchema,
  type Vocabularies,
  vocabulariesSchema,
  vocabularyTermSchema,
} from './review.js'
export {
  type AppraisalData,
  type AppraisalDimension,
  type AppraisalLevel,
  appraisalDimensions,
  appraisalJudgementSchema,
  appraisalLevelSchema,
  appraisalSchema,
  type CitationData,
  citationSchema,
  type InclusionStatus,
  inclusionStatusSchema,
  type StudyData,
  type StudyDesign,
  type StudyRole,
  studyDesignSchema,
  studyRoleSchema,
  studySchema,
} from './study.js'
export { type RenderStudyOptions, renderStudy } from './study-file.js'
export { yamlText } from './yaml-text.js'
