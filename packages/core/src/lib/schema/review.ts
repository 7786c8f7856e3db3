import { z } from 'zod'
import { countryCodeSchema, entityBase, yearSchema } from './common.js'

/**
 * The figures a review reports about itself, kept to compare with what is encoded.
 *
 * @example
 * ```ts
 * reportedFiguresSchema.parse({ papers: 164, countries: 33, perCountry: { US: 46, GB: 17 } })
 * ```
 */
export const reportedFiguresSchema = z.strictObject({
  papers: z.number().int().nonnegative().optional(),
  countries: z.number().int().nonnegative().optional(),
  perCountry: z.record(countryCodeSchema, z.number().int().nonnegative()).optional(),
  groups: z.number().int().nonnegative().optional(),
  cmocs: z.number().int().nonnegative().optional(),
  recommendations: z.number().int().nonnegative().optional(),
  provenance: z.string().optional(),
})

/**
 * The review itself, one per knowledge base: the frontmatter of `review.md`.
 *
 * @example
 * ```ts
 * reviewSchema.safeParse({
 *   kind: 'review',
 *   title: 'Integrated palliative care and oncology: a realist synthesis',
 *   authors: ['Bradley N'],
 *   year: 2025,
 *   doi: '10.1186/s12916-025-04083-1',
 * }).success // true
 * ```
 */
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

/**
 * The frontmatter of the review, once validated.
 *
 * @example
 * ```ts
 * const cite = (review: ReviewData): string => `${review.authors[0]} et al. ${review.year}`
 * ```
 */
export type ReviewData = z.infer<typeof reviewSchema>

/**
 * The figures a review reports about itself (papers, countries, CMOCs, ...).
 *
 * @example
 * ```ts
 * const reported: ReportedFigures = { papers: 164, cmocs: 18 }
 * ```
 */
export type ReportedFigures = z.infer<typeof reportedFiguresSchema>
