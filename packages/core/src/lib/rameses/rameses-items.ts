/**
 * The source of the RAMESES publication standards for realist syntheses, cited wherever the items
 * are shown. The numbers and titles are the publication's; the descriptions are our own short
 * wording of what each item asks for.
 *
 * @example
 * ```ts
 * console.log(`Items after ${ramesesSource}`)
 * ```
 */
export const ramesesSource =
  'Wong G, Greenhalgh T, Westhorp G, Buckingham J, Pawson R. RAMESES publication standards: realist syntheses. BMC Medicine 2013;11:21. doi:10.1186/1741-7015-11-21'

/**
 * One RAMESES I item: its number, the section of a paper it belongs to, a title and what a
 * report should say.
 *
 * @example
 * ```ts
 * const line = (item: RamesesItem): string => `${item.number}. ${item.title}`
 * ```
 */
export interface RamesesItem {
  readonly number: number
  readonly section: 'Title' | 'Abstract' | 'Introduction' | 'Methods' | 'Results' | 'Discussion'
  readonly title: string
  readonly description: string
}

/**
 * The 19 items of the RAMESES publication standards for realist syntheses (see
 * {@link ramesesSource}), in their order.
 *
 * @example
 * ```ts
 * ramesesItems.find((item) => item.number === 12)?.title // 'Document flow diagram'
 * ```
 */
export const ramesesItems: readonly RamesesItem[] = [
  {
    number: 1,
    section: 'Title',
    title: 'Title',
    description: 'The title names the work as a realist synthesis or realist review.',
  },
  {
    number: 2,
    section: 'Abstract',
    title: 'Abstract',
    description:
      'A short summary of the realist question or objectives, the methods (focus, search, selection and appraisal, analysis and synthesis), the main results and what they imply.',
  },
  {
    number: 3,
    section: 'Introduction',
    title: 'Rationale for review',
    description: 'Why the review is needed and what it should add to what is already understood.',
  },
  {
    number: 4,
    section: 'Introduction',
    title: 'Objectives and focus of review',
    description: 'The objectives or questions of the review, and its focus, defined and justified.',
  },
  {
    number: 5,
    section: 'Methods',
    title: 'Changes in the review process',
    description:
      'Any change from the review process first planned, briefly described and justified.',
  },
  {
    number: 6,
    section: 'Methods',
    title: 'Rationale for using realist synthesis',
    description: 'Why realist synthesis was judged the best method for the question.',
  },
  {
    number: 7,
    section: 'Methods',
    title: 'Scoping the literature',
    description: 'Whether the literature was scoped at the start and, if so, how and why.',
  },
  {
    number: 8,
    section: 'Methods',
    title: 'Searching processes',
    description:
      'How the iterative searching was done and why; every source used, with databases, search terms, coverage and the date last searched; how any experts consulted were found.',
  },
  {
    number: 9,
    section: 'Methods',
    title: 'Selection and appraisal of documents',
    description:
      'How judgements to include or exclude data from documents were made (on relevance and rigour), with reasons.',
  },
  {
    number: 10,
    section: 'Methods',
    title: 'Data extraction',
    description: 'Which data were extracted from the included documents, and why those.',
  },
  {
    number: 11,
    section: 'Methods',
    title: 'Analysis and synthesis processes',
    description: 'The analysis and synthesis in detail: what was analysed and how.',
  },
  {
    number: 12,
    section: 'Results',
    title: 'Document flow diagram',
    description:
      'How many documents were assessed for eligibility and included, the reasons for exclusion at each stage, and where documents came from (databases, reference lists...).',
  },
  {
    number: 13,
    section: 'Results',
    title: 'Document characteristics',
    description:
      'The characteristics of the included documents (for example design, setting, country).',
  },
  {
    number: 14,
    section: 'Results',
    title: 'Main findings',
    description: 'The key findings, with attention to building and testing theory.',
  },
  {
    number: 15,
    section: 'Discussion',
    title: 'Summary of findings',
    description:
      'The main findings summarised in the light of the objectives, questions, focus and intended audiences.',
  },
  {
    number: 16,
    section: 'Discussion',
    title: 'Strengths, limitations and future research directions',
    description:
      'Strengths and limitations across the steps of the review and the strength of the evidence behind its explanations; where further work is needed.',
  },
  {
    number: 17,
    section: 'Discussion',
    title: 'Comparison with existing literature',
    description:
      'Where it applies, how the findings compare with other work (for example other reviews) on the topic.',
  },
  {
    number: 18,
    section: 'Discussion',
    title: 'Conclusion and recommendations',
    description:
      'The main implications, set against other relevant work, and where fitting, recommendations for policy and practice.',
  },
  {
    number: 19,
    section: 'Discussion',
    title: 'Funding',
    description:
      'Who funded the review, what the funder did, and any conflicts of interest of the reviewers.',
  },
]
