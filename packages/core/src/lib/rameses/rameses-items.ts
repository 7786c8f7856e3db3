/**
 * The source of the RAMESES publication standards for realist syntheses, cited wherever the items
 * are shown. The titles and descriptions below are our own short wording of its 19 items.
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
    description: 'The title says the work is a realist synthesis or review.',
  },
  {
    number: 2,
    section: 'Abstract',
    title: 'Abstract',
    description: 'A structured summary: background, objectives, methods, results, conclusions.',
  },
  {
    number: 3,
    section: 'Introduction',
    title: 'Rationale for review',
    description: 'Why the review is needed, against what is already known.',
  },
  {
    number: 4,
    section: 'Introduction',
    title: 'Objectives and focus of review',
    description: 'The objectives and questions of the review, and its focus.',
  },
  {
    number: 5,
    section: 'Methods',
    title: 'Changes in the review process',
    description: 'Any change from the protocol or the plan, and why it was made.',
  },
  {
    number: 6,
    section: 'Methods',
    title: 'Rationale for using realist synthesis',
    description: 'Why a realist approach suits the question.',
  },
  {
    number: 7,
    section: 'Methods',
    title: 'Scoping the literature',
    description: 'How the literature was first explored, and why.',
  },
  {
    number: 8,
    section: 'Methods',
    title: 'Searching processes',
    description:
      'The sources searched, the strategy and the dates, with reasons; further searches as the theory grew.',
  },
  {
    number: 9,
    section: 'Methods',
    title: 'Selection and appraisal of documents',
    description: 'How documents were judged for inclusion: relevance and rigour.',
  },
  {
    number: 10,
    section: 'Methods',
    title: 'Data extraction',
    description: 'What data were taken from documents, and why.',
  },
  {
    number: 11,
    section: 'Methods',
    title: 'Analysis and synthesis processes',
    description: 'How the data were analysed and synthesised into the programme theory.',
  },
  {
    number: 12,
    section: 'Results',
    title: 'Document flow diagram',
    description:
      'The documents found, screened, assessed, excluded and included, ideally as a flow diagram.',
  },
  {
    number: 13,
    section: 'Results',
    title: 'Document characteristics',
    description: 'What the included documents are: designs, settings, countries.',
  },
  {
    number: 14,
    section: 'Results',
    title: 'Main findings',
    description:
      'The findings as context-mechanism-outcome configurations and the programme theory.',
  },
  {
    number: 15,
    section: 'Discussion',
    title: 'Summary of findings',
    description: 'The main findings summarised, with their strength and contribution.',
  },
  {
    number: 16,
    section: 'Discussion',
    title: 'Strengths, limitations and future research directions',
    description: 'What the review does well and less well, and what research should come next.',
  },
  {
    number: 17,
    section: 'Discussion',
    title: 'Comparison with existing literature',
    description: 'How the findings sit with other work.',
  },
  {
    number: 18,
    section: 'Discussion',
    title: 'Conclusion and recommendations',
    description: 'Implications and recommendations, and for whom.',
  },
  {
    number: 19,
    section: 'Discussion',
    title: 'Funding',
    description: 'The funding of the review and the role of the funder.',
  },
]
