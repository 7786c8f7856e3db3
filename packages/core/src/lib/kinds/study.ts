import { z } from 'zod'
import {
  acknowledgementSchema,
  countryCodeSchema,
  entityBase,
  yearSchema,
} from '../schema/common.js'
import { evidenceEntrySchema } from './evidence.js'
import type { KindDefinition } from './kind.js'

/**
 * Study designs, kept to a fixed list so that gap maps group like with like.
 *
 * @example
 * ```ts
 * studyDesignSchema.safeParse('qualitative').success // true
 * studyDesignSchema.safeParse('interviews').success // false
 * ```
 */
export const studyDesignSchema = z.enum([
  'qualitative',
  'mixed-methods',
  'economic-evaluation',
  'quantitative',
  'trial',
  'survey',
  'cohort',
  'case-study',
  'quasi-experimental',
  'controlled-before-after',
  'pilot',
  'quality-improvement',
  'programme-evaluation',
  'participatory-action-research',
  'systematic-review',
  'narrative-review',
  'guideline',
  'consensus',
  'commentary',
  'report',
  'book',
  'other',
  'unknown',
])

/**
 * Whether a source is among the review's included papers.
 *
 * @example
 * ```ts
 * inclusionStatusSchema.options // ['included', 'excluded', 'unknown']
 * ```
 */
export const inclusionStatusSchema = z.enum(['included', 'excluded', 'unknown'])

/**
 * What a source is to the review: `evidence` (the default: a document whose findings bear on the
 * CMOCs), `theory` (substantive theory the review draws on) or `background`. Theory and background
 * sources are not evidence and raise no evidence gap.
 *
 * @example
 * ```ts
 * studyRoleSchema.options // ['evidence', 'theory', 'background']
 * ```
 */
export const studyRoleSchema = z.enum(['evidence', 'theory', 'background'])

/**
 * Bibliographic fields, as printed by the source that cites the study.
 *
 * @example
 * ```ts
 * citationSchema.parse({
 *   authors: ['Collins A', 'Sundararajan V'],
 *   etAl: true,
 *   year: 2022,
 *   title: 'Early palliative care',
 *   doi: '10.3389/fonc.2022.991843',
 * })
 * ```
 */
export const citationSchema = z.strictObject({
  authors: z.array(z.string().min(1)).min(1),
  etAl: z.boolean().optional(),
  year: yearSchema.optional(),
  title: z.string().min(1),
  journal: z.string().optional(),
  volume: z.string().optional(),
  issue: z.string().optional(),
  pages: z.string().optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, { message: 'Expected a DOI such as 10.3389/fonc.2022.991843' })
    .optional(),
  url: z.url().optional(),
  /** The PubMed identifier, digits only. */
  pmid: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, { message: 'Expected a PubMed id (digits) such as 23673115' })
    .optional(),
  publisher: z.string().optional(),
  type: z.enum(['article', 'book', 'chapter', 'report', 'webpage', 'thesis', 'other']).optional(),
  /** Subject keywords, as the record or the researcher gives them (RIS `KW`, BibTeX `keywords`). */
  keywords: z.array(z.string().min(1)).optional(),
})

/**
 * The levels a study is appraised at, on each dimension, highest first.
 *
 * @example
 * ```ts
 * appraisalLevelSchema.options // ['high', 'moderate', 'low']
 * ```
 */
export const appraisalLevelSchema = z.enum(['high', 'moderate', 'low'])

/**
 * One dimension of an appraisal: its level and the written justification that makes it a
 * judgement rather than a score (required), with optional notes.
 *
 * @example
 * ```ts
 * appraisalJudgementSchema.parse({ level: 'moderate', justification: 'Small sample, clear methods' })
 * appraisalJudgementSchema.safeParse({ level: 'high' }).success // false: no justification
 * ```
 */
export const appraisalJudgementSchema = z.strictObject({
  level: appraisalLevelSchema,
  justification: z.string().min(1).max(4000),
  notes: z.string().min(1).max(4000).optional(),
})

/**
 * The realist appraisal of a study: its relevance to the programme theory, the richness of its
 * account of mechanisms and contexts, and its rigour, each judged separately (RAMESES; Dada et
 * al. 2023), with who appraised it and when. A dimension left out is not appraised.
 *
 * @example
 * ```ts
 * appraisalSchema.parse({
 *   relevance: { level: 'high', justification: 'Same setting as the programme theory' },
 *   rigour: { level: 'low', justification: 'Methods barely reported' },
 *   by: 'Reviewer A',
 *   date: '2026-03-01',
 * })
 * ```
 */
export const appraisalSchema = z.strictObject({
  relevance: appraisalJudgementSchema.optional(),
  richness: appraisalJudgementSchema.optional(),
  rigour: appraisalJudgementSchema.optional(),
  notes: z.string().min(1).max(4000).optional(),
  by: z.string().min(1).max(200).optional(),
  /** When it was appraised, as written (`2026-03-01`). */
  date: z.string().min(1).max(50).optional(),
})

/**
 * The dimensions of a study's appraisal.
 *
 * @example
 * ```ts
 * appraisalDimensions.map((dimension) => study.data.appraisal?.[dimension]?.level ?? 'not appraised')
 * ```
 */
export const appraisalDimensions = ['relevance', 'richness', 'rigour'] as const

/**
 * A source document: the frontmatter of a file in `studies/`. Evidence it provides is written in
 * its `evidence:` list.
 *
 * @example
 * ```ts
 * studySchema.safeParse({
 *   kind: 'study',
 *   citation: { authors: ['Collins A'], year: 2022, title: 'Early palliative care' },
 *   design: 'qualitative',
 *   countries: ['AU'],
 *   inclusion: { status: 'included' },
 * }).success // true
 * ```
 */
export const studySchema = z.strictObject({
  ...entityBase,
  kind: z.literal('study'),
  citation: citationSchema,
  reference: z.number().int().positive().optional(),
  /** The study's own label in its review (a letter, a number, `S12`). */
  label: z.string().min(1).max(100).optional(),
  role: studyRoleSchema.optional(),
  design: studyDesignSchema.optional(),
  /** The design in the study's or review's own words, where the fixed list is too coarse. */
  designNote: z.string().min(1).max(2000).optional(),
  countries: z.array(countryCodeSchema).optional(),
  settings: z.array(z.string().min(1)).optional(),
  participants: z.array(z.string().min(1)).optional(),
  inclusion: z
    .strictObject({
      status: inclusionStatusSchema,
      basis: z.string().min(1).optional(),
    })
    .optional(),
  /** Free-text notes kept from earlier versions of the format; `appraisal` holds the judgement. */
  rigour: z.string().optional(),
  /** Free-text notes kept from earlier versions of the format; `appraisal` holds the judgement. */
  relevance: z.string().optional(),
  appraisal: appraisalSchema.optional(),
  evidence: z.array(evidenceEntrySchema).optional(),
  acknowledged: z.array(acknowledgementSchema(['uncited-study'])).optional(),
})

/**
 * One of the fixed study designs.
 *
 * @example
 * ```ts
 * const design: StudyDesign = 'mixed-methods'
 * ```
 */
export type StudyDesign = z.infer<typeof studyDesignSchema>

/**
 * Whether a source is an included paper: `included`, `excluded` or `unknown`.
 *
 * @example
 * ```ts
 * const counted = (status: InclusionStatus): boolean => status === 'included'
 * ```
 */
export type InclusionStatus = z.infer<typeof inclusionStatusSchema>

/**
 * The citation of a study, once validated.
 *
 * @example
 * ```ts
 * const firstAuthor = (citation: CitationData): string =>
 *   `${citation.authors[0]}${citation.etAl ? ' et al.' : ''}`
 * ```
 */
export type CitationData = z.infer<typeof citationSchema>

/**
 * The frontmatter of a study, once validated (with its evidence entries).
 *
 * @example
 * ```ts
 * const evidenceCount = (study: StudyData): number => study.evidence?.length ?? 0
 * ```
 */
export type StudyData = z.infer<typeof studySchema>

/**
 * What a source is to the review: `evidence`, `theory` or `background`.
 *
 * @example
 * ```ts
 * const isEvidence = (role: StudyRole | undefined): boolean => (role ?? 'evidence') === 'evidence'
 * ```
 */
export type StudyRole = z.infer<typeof studyRoleSchema>

/**
 * A level of appraisal: `high`, `moderate` or `low`.
 *
 * @example
 * ```ts
 * const atLeastModerate = (level: AppraisalLevel): boolean => level !== 'low'
 * ```
 */
export type AppraisalLevel = z.infer<typeof appraisalLevelSchema>

/**
 * A study's appraisal, once validated.
 *
 * @example
 * ```ts
 * const rigourOf = (appraisal: AppraisalData | undefined) => appraisal?.rigour?.level
 * ```
 */
export type AppraisalData = z.infer<typeof appraisalSchema>

/**
 * One dimension of a study's appraisal: `relevance`, `richness` or `rigour`.
 *
 * @example
 * ```ts
 * const dimension: AppraisalDimension = 'rigour'
 * ```
 */
export type AppraisalDimension = (typeof appraisalDimensions)[number]

/** A source document; its evidence entries are written in its file. */
export const study: KindDefinition<'study'> = {
  kind: 'study',
  folder: 'studies',
  schema: studySchema,
  references: [],
  noun: { singular: 'study', plural: 'studies' },
  gaps: ['uncited-study'],
  findGaps: (graph, entity) => {
    // Theory and background sources are cited for what they are, not as evidence.
    if ((entity.data.role ?? 'evidence') !== 'evidence') return []
    if (graph.someInEdge(entity.id, (_edge, attributes) => attributes.type === 'drawn-from'))
      return []
    return [
      {
        name: 'uncited-study',
        message: `Unexpected study \`${entity.id}\` that evidences no CMOC, expected at least one evidence entry`,
      },
    ]
  },
  label: (entity) => entity.data.label ?? entity.id,
  title: (entity) => entity.data.citation.title,
}
