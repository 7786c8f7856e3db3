/**
 * The integrated palliative care and oncology realist synthesis (Bradley et al., BMC Medicine
 * 2025) as validated, typed data, with accessors and the trace of every recommendation.
 *
 * @module @realist-kb/review-ipco
 */
export {
  audiences,
  cmocs,
  data,
  entities,
  evidence,
  groups,
  type ReviewIpcoData,
  recommendations,
  report,
  review,
  studies,
} from './lib/data.js'
export {
  getAudience,
  getCmoc,
  getEntity,
  getEvidence,
  getGroup,
  getRecommendation,
  getStudy,
} from './lib/lookup.js'
export {
  type CmocStep,
  type EvidenceStep,
  type RecommendationChain,
  traceOf,
} from './lib/trace.js'
