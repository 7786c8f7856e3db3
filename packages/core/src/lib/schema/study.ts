import { z } from 'zod'
import { countryCodeSchema, entityBase, yearSchema } from './common.js'
import { evidenceEntrySchema } from './evidence.js'

/** Study designs, kept to a fixed list so that gap maps group like with like. */
export const studyDesignSchema = z.enum([
  'qualitative',
  'mixed-methods',
  'economic-evaluation',
  'quantitative',
  'trial',
  'survey',
  'cohort',
  'case-study',
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

/** Whether a source is among the review's included papers. */
export const inclusionStatusSchema = z.enum(['included', 'excluded', 'unknown'])

/** Bibliographic fields, as printed by the source that cites the study. */
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
  publisher: z.string().optional(),
  type: z.enum(['article', 'book', 'chapter', 'report', 'webpage', 'thesis', 'other']).optional(),
})

/** A source document. Evidence it provides is written in its `evidence:` list. */
export const studySchema = z.strictObject({
  ...entityBase,
  kind: z.literal('study'),
  citation: citationSchema,
  reference: z.number().int().positive().optional(),
  design: studyDesignSchema.optional(),
  countries: z.array(countryCodeSchema).optional(),
  settings: z.array(z.string().min(1)).optional(),
  participants: z.array(z.string().min(1)).optional(),
  inclusion: z.strictObject({
    status: inclusionStatusSchema,
    basis: z.string().min(1).optional(),
  }),
  rigour: z.string().optional(),
  relevance: z.string().optional(),
  evidence: z.array(evidenceEntrySchema).optional(),
})

export type StudyDesign = z.infer<typeof studyDesignSchema>
export type InclusionStatus = z.infer<typeof inclusionStatusSchema>
export type CitationData = z.infer<typeof citationSchema>
export type StudyData = z.infer<typeof studySchema>
