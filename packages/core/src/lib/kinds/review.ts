import { z } from 'zod'
import { flowStages } from '../flow/flow-stages.js'
import {
  acknowledgementSchema,
  countryCodeSchema,
  entityBase,
  locationSchema,
  yearSchema,
} from '../schema/common.js'
import type { KindDefinition } from './kind.js'
import { gapNames } from './kind.js'

/**
 * One figure a review reports about its search and selection: a label as the review words it, the
 * number (left out when the review does not give it: missing is never zero), and optionally the
 * stage of the PRISMA 2020 flow it belongs to (one of `flowStages`) and where it is reported.
 *
 * @example
 * ```ts
 * reportedFigureSchema.parse({ label: 'Records identified', value: 4321, stage: 'identified-database' })
 * ```
 */
export const reportedFigureSchema = z.strictObject({
  label: z.string().min(1).max(500),
  value: z.number().int().nonnegative().optional(),
  stage: z.enum(flowStages).optional(),
  source: z.string().min(1).max(500).optional(),
  provenance: locationSchema.optional(),
})

/**
 * The figures a review reports about itself, kept to compare with what is encoded: today's named
 * counts, plus `figures`, a labelled list of whatever the review reports (records identified,
 * screened, full texts assessed, documents included...).
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
  figures: z.array(reportedFigureSchema).optional(),
  provenance: z.string().optional(),
})

/**
 * What a review calls its groups, one and several: "NPT construct", "Context", "Theory area".
 *
 * @example
 * ```ts
 * groupNamesSchema.parse({ singular: 'context', plural: 'contexts' })
 * ```
 */
export const groupNamesSchema = z.strictObject({
  singular: z.string().min(1).max(100),
  plural: z.string().min(1).max(100),
})

/**
 * The review's programme theory: its name, and what its groups are called. A bare string names
 * the theory only.
 *
 * @example
 * ```ts
 * theorySchema.parse('Normalisation Process Theory')
 * theorySchema.parse({ name: 'Programme theory', groups: { singular: 'context', plural: 'contexts' } })
 * ```
 */
export const theorySchema = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
    groups: groupNamesSchema.optional(),
  }),
])

/**
 * One term of a controlled vocabulary: the label readers see and the other ways sources write
 * it (matched ignoring case, spaces, hyphens and underscores).
 *
 * @example
 * ```ts
 * vocabularyTermSchema.parse({ label: 'Nursing homes', aliases: ['care home', 'care-home'] })
 * ```
 */
export const vocabularyTermSchema = z.strictObject({
  label: z.string().min(1).max(200),
  aliases: z.array(z.string().min(1).max(200)).optional(),
  description: z.string().min(1).max(2000).optional(),
})

/**
 * The controlled vocabularies of a review: for settings, participants, designs and countries,
 * each term's id (what studies should write) with its label and aliases, so synonyms fall into
 * one term and reports show labels, not slugs.
 *
 * @example
 * ```ts
 * vocabulariesSchema.parse({
 *   participants: { carers: { label: 'Family carers', aliases: ['caregivers', 'informal carers'] } },
 * })
 * ```
 */
export const vocabulariesSchema = z.strictObject({
  settings: z.record(z.string().min(1).max(200), vocabularyTermSchema).optional(),
  participants: z.record(z.string().min(1).max(200), vocabularyTermSchema).optional(),
  designs: z.record(z.string().min(1).max(200), vocabularyTermSchema).optional(),
  countries: z.record(z.string().min(1).max(200), vocabularyTermSchema).optional(),
})

/**
 * The controlled vocabularies a review declares, once validated.
 *
 * @example
 * ```ts
 * const settings = (vocabularies: Vocabularies) => Object.keys(vocabularies.settings ?? {})
 * ```
 */
export type Vocabularies = z.infer<typeof vocabulariesSchema>

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
  issue: z.string().optional(),
  pages: z.string().optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, { message: 'Expected a DOI such as 10.1186/s12916-025-04083-1' })
    .optional(),
  url: z.url().optional(),
  license: z.string().optional(),
  published: z.string().optional(),
  registration: z.string().optional(),
  theory: theorySchema.optional(),
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
  /** Where the review reports each RAMESES item: item number (1 to 19) -> a place in the paper. */
  rameses: z
    .record(
      z.string().regex(/^([1-9]|1[0-9])$/, { message: 'Expected a RAMESES item number, 1 to 19' }),
      z.string().min(1).max(500),
    )
    .optional(),
  /** Gaps acknowledged for the whole review. */
  acknowledged: z.array(acknowledgementSchema(gapNames)).optional(),
  /** The study fields (or `tags`) the evidence gap map crosses CMOCs with. */
  gapMap: z
    .strictObject({
      dimensions: z.array(z.string().min(1).max(100)).min(1),
    })
    .optional(),
  /** Labels and aliases for study settings, participants, designs and countries. */
  vocabularies: vocabulariesSchema.optional(),
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
 * The figures a review reports about itself (papers, countries, CMOCs, a labelled list...).
 *
 * @example
 * ```ts
 * const reported: ReportedFigures = { papers: 164, cmocs: 18 }
 * ```
 */
export type ReportedFigures = z.infer<typeof reportedFiguresSchema>

/**
 * One labelled figure of a review's search and selection.
 *
 * @example
 * ```ts
 * const figure: ReportedFigure = { label: 'Full texts assessed', value: 312 }
 * ```
 */
export type ReportedFigure = z.infer<typeof reportedFigureSchema>

/** The review: `review.md` at the root of the content folder. */
export const review: KindDefinition<'review'> = {
  kind: 'review',
  folder: '',
  schema: reviewSchema,
  references: [],
  noun: { singular: 'review', plural: 'reviews' },
  gaps: [],
  label: (entity) => entity.data.title,
  title: (entity) => entity.data.title,
}
