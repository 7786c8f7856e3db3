import { z } from 'zod'
import {
  acknowledgementSchema,
  countryCodeSchema,
  entityBase,
  yearSchema,
} from '../schema/common.js'
import { evidenceEntrySchema } from './evidence.js'
import type { KindDefinition } from './kind.js'
import { renderStudy } from './study-file.js'

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
  authors: z
    .array(z.string().min(1))
    .min(1)
    .meta({ description: 'Authors as printed.', examples: [['Collins A', 'Sundararajan V']] }),
  etAl: z
    .boolean()
    .optional()
    .meta({ description: 'True when the printed list ends in "et al.".', examples: [true] }),
  year: yearSchema.optional().meta({ description: 'Year of publication.', examples: [2022] }),
  title: z
    .string()
    .min(1)
    .meta({ description: 'The title.', examples: ['Early palliative care'] }),
  journal: citationText('The journal.', 'Front Oncol'),
  volume: citationText('The volume.', '12'),
  issue: citationText('The journal issue.', '3'),
  pages: citationText('The pages or article number.', '991843'),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, { message: 'Expected a DOI such as 10.3389/fonc.2022.991843' })
    .optional()
    .meta({
      description: 'The DOI, without `https://doi.org/`.',
      examples: ['10.3389/fonc.2022.991843'],
    }),
  url: z.url().optional().meta({ description: 'Where it can be read.' }),
  pmid: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, { message: 'Expected a PubMed id (digits) such as 23673115' })
    .optional()
    .meta({ description: 'The PubMed identifier, digits only.', examples: ['23673115'] }),
  publisher: citationText('The publisher.', 'NICE'),
  type: z
    .enum(['article', 'book', 'chapter', 'report', 'webpage', 'thesis', 'other'])
    .optional()
    .meta({ description: 'The kind of document.', examples: ['article'] }),
  keywords: z
    .array(z.string().min(1))
    .optional()
    .meta({
      description:
        'Subject keywords, as the record or the researcher gives them (RIS `KW`, BibTeX `keywords`).',
      examples: [['palliative care']],
    }),
})

/** An optional text field of a citation. */
function citationText(description: string, example: string) {
  return z
    .string()
    .optional()
    .meta({ description, examples: [example] })
}

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
  level: appraisalLevelSchema.meta({ description: 'The level.', examples: ['moderate'] }),
  justification: z
    .string()
    .min(1)
    .max(4000)
    .meta({
      description: 'Why: the judgement, written.',
      examples: ['Small sample, clear methods'],
    }),
  notes: z.string().min(1).max(4000).optional().meta({ description: 'Notes.' }),
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
  relevance: appraisalJudgementSchema
    .optional()
    .meta({ description: 'Relevance to the programme theory.' }),
  richness: appraisalJudgementSchema
    .optional()
    .meta({ description: 'Richness of its account of contexts and mechanisms.' }),
  rigour: appraisalJudgementSchema
    .optional()
    .meta({ description: 'Rigour of the methods that produced the data.' }),
  notes: z
    .string()
    .min(1)
    .max(4000)
    .optional()
    .meta({ description: 'Notes on the whole appraisal.' }),
  by: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Who appraised it.', examples: ['Reviewer A'] }),
  date: z
    .string()
    .min(1)
    .max(50)
    .optional()
    .meta({ description: 'When it was appraised, as written.', examples: ['2026-03-01'] }),
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
  citation: citationSchema.meta({ description: 'Bibliographic fields, as printed by the review.' }),
  reference: z
    .number()
    .int()
    .positive()
    .optional()
    .meta({ description: "Its number in the review's reference list.", examples: [42] }),
  label: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({
      description: "The study's own label in its review (a letter, a number).",
      examples: ['S12'],
    }),
  role: studyRoleSchema.optional().meta({
    description:
      'What it is to the review; `theory` and `background` sources raise no evidence gap.',
    examples: ['theory'],
  }),
  design: studyDesignSchema.optional().meta({
    description: 'Its design, only where the source or review says so (see Designs).',
    examples: ['qualitative'],
  }),
  designNote: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .meta({
      description: "The design in the study's or review's own words, where the list is too coarse.",
      examples: ['Stepped-wedge cluster trial'],
    }),
  countries: z
    .array(countryCodeSchema)
    .optional()
    .meta({
      description: 'Countries, as ISO 3166-1 alpha-2 codes, only where supported.',
      examples: [['GB']],
    }),
  settings: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Care settings.', examples: [['outpatient', 'home']] }),
  participants: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Who took part.', examples: [['patients', 'caregivers']] }),
  inclusion: z
    .strictObject({
      status: inclusionStatusSchema.meta({
        description: "Whether it is among the review's included papers.",
        examples: ['included'],
      }),
      basis: z
        .string()
        .min(1)
        .optional()
        .meta({ description: 'Why.', examples: ['Listed in Additional file 2'] }),
    })
    .optional()
    .meta({ description: 'Whether the review included it.' }),
  rigour: z.string().optional().meta({
    description:
      'Free-text notes kept from earlier versions of the format; `appraisal` holds the judgement.',
  }),
  relevance: z.string().optional().meta({
    description:
      'Free-text notes kept from earlier versions of the format; `appraisal` holds the judgement.',
  }),
  appraisal: appraisalSchema
    .optional()
    .meta({ description: 'The realist appraisal; a dimension left out is not appraised.' }),
  evidence: z
    .array(evidenceEntrySchema)
    .optional()
    .meta({ description: 'Its evidence entries (see Evidence entries).' }),
  acknowledged: z
    .array(acknowledgementSchema(['uncited-study']))
    .optional()
    .meta({ description: 'Gaps acknowledged on this study, with the reason: reported as info.' }),
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

/**
 * Whether a study is a source of evidence: theory and background sources are cited for what they
 * are, not as evidence, so they are neither expected to evidence a CMOC nor counted as studies
 * that could.
 */
export function isEvidenceSource(study: Pick<StudyData, 'role'>): boolean {
  return (study.role ?? 'evidence') === 'evidence'
}

/** A source document; its evidence entries are written in its file. */
export const study: KindDefinition<'study'> = {
  kind: 'study',
  folder: 'studies',
  schema: studySchema,
  references: [],
  noun: { singular: 'study', plural: 'studies' },
  gaps: ['uncited-study'],
  findGaps: (graph, entity) => {
    if (!isEvidenceSource(entity.data)) return []
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
  template: {
    needs: [],
    uses: [],
    render: (id) =>
      renderStudy(
        id,
        { authors: ['TODO Author A'], year: new Date().getFullYear(), title: 'TODO: the title' },
        { body: 'TODO: notes on the study.', citationHints: true },
      ),
  },
}
