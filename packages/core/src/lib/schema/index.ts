export { type AudienceData, audienceSchema } from './audience.js'
export { type CmocData, cmocSchema, mechanismSchema } from './cmoc.js'
export {
  type Basis,
  basisSchema,
  countryCodeSchema,
  idSchema,
  locationSchema,
  type ReferenceInput,
  referenceSchema,
  yearSchema,
} from './common.js'
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
export {
  type EntityKind,
  entityKinds,
  isEntityKind,
  kindFolders,
  kindOfFolder,
  schemas,
} from './kinds.js'
export { type RecommendationData, recommendationSchema } from './recommendation.js'
export {
  type ReportedFigures,
  type ReviewData,
  reportedFiguresSchema,
  reviewSchema,
} from './review.js'
export {
  type CitationData,
  citationSchema,
  type InclusionStatus,
  inclusionStatusSchema,
  type StudyData,
  type StudyDesign,
  studyDesignSchema,
  studySchema,
} from './study.js'
