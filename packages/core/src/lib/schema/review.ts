import { z } from 'zod'
import { countryCodeSchema, entityBase, yearSchema } from './common.js'

/** The figures a review reports about itself, kept to compare with what is encoded. */
export const reportedFiguresSchema = z.strictObject({
  papers: z.number().int().nonnegative().optional(),
  countries: z.number().int().nonnegative().optional(),
  perCountry: z.record(countryCodeSchema, z.number().int().nonnegative()).optional(),
  constructs: z.number().int().nonnegative().optional(),
  cmocs: z.number().int().nonnegative().optional(),
  recommendations: z.number().int().nonnegative().optional(),
  provenance: z.string().optional(),
})

/** The review itself: one per knowledge base. */
export const reviewSchema = z.strictObject({
  ...entityBase,
  kind: z.literal('review'),
  title: z.string().min(1),
  authors: z.array(z.string().min(1)).min(1),
  year: yearSchema,
  journal: z.string().optional(),
  volume: z.string().optional(),
  pages: z.string().optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, { message: 'Expected a DOI such as 10.1186/s12916-025-04083-1' })
    .optional(),
  url: z.url().optional(),
  license: z.string().optional(),
  published: z.string().optional(),
  registration: z.string().optional(),
  theory: z.string().optional(),
  standards: z.string().optional(),
  search: z
    .strictObject({
      from: z.string().optional(),
      to: z.string().optional(),
      databases: z.array(z.string().min(1)).optional(),
      notes: z.array(z.string()).optional(),
    })
    .optional(),
  eligibility: z.record(z.string(), z.array(z.string().min(1))).optional(),
  reported: reportedFiguresSchema.optional(),
})

export type ReviewData = z.infer<typeof reviewSchema>
export type ReportedFigures = z.infer<typeof reportedFiguresSchema>
