/**
 * The stages of a PRISMA 2020 flow diagram that a reported figure can belong to (the `stage` of
 * a figure in `review.md`). "Records" come from searches; "reports" are the documents sought,
 * assessed and included. The `other-` stages are the arm of other methods (websites, purposive and
 * citation or snowball searching), as PRISMA 2020 draws it beside databases and registers.
 *
 * @example
 * ```ts
 * flowStages.includes('screened') // true
 * ```
 */
export const flowStages = [
  'identified-database',
  'identified-register',
  'identified-website',
  'identified-purposive',
  'identified-citation',
  'duplicates-removed',
  'removed-automation',
  'removed-other',
  'screened',
  'screened-excluded',
  'sought',
  'not-retrieved',
  'assessed',
  'assessed-excluded',
  'other-sought',
  'other-not-retrieved',
  'other-assessed',
  'other-excluded',
  'included',
  'included-reports',
] as const

/**
 * One stage of the flow (see {@link flowStages}).
 *
 * @example
 * ```ts
 * const stage: FlowStage = 'assessed-excluded'
 * ```
 */
export type FlowStage = (typeof flowStages)[number]

/**
 * What each stage counts, in the words the flow diagram and the docs use.
 *
 * @example
 * ```ts
 * flowStageDescriptions.screened // 'Records screened (titles and abstracts)'
 * ```
 */
export const flowStageDescriptions: { readonly [S in FlowStage]: string } = {
  'identified-database':
    'Records identified from databases (one figure per database, with its `source`, or a total)',
  'identified-register': 'Records identified from registers',
  'identified-website': 'Records identified from websites',
  'identified-purposive': 'Documents identified by purposive searching',
  'identified-citation': 'Documents identified by citation (snowball) searching',
  'duplicates-removed': 'Duplicate records removed before screening',
  'removed-automation': 'Records marked as ineligible by automation tools',
  'removed-other': 'Records removed for other reasons before screening',
  screened: 'Records screened (titles and abstracts)',
  'screened-excluded': 'Records excluded at screening',
  sought: 'Reports sought for retrieval',
  'not-retrieved': 'Reports not retrieved',
  assessed: 'Reports (full texts) assessed for eligibility',
  'assessed-excluded': 'Reports excluded, one figure per reason (the label is the reason)',
  'other-sought': 'Reports sought for retrieval (other methods)',
  'other-not-retrieved': 'Reports not retrieved (other methods)',
  'other-assessed': 'Reports assessed for eligibility (other methods)',
  'other-excluded': 'Reports excluded (other methods), one figure per reason',
  included: 'Studies (documents) included in the review',
  'included-reports': 'Reports of the included studies',
}
