import type { FlowStage, PrismaFlow } from '@realist-kb/core'
import { toCsv } from '../report/csv-cell.js'

/**
 * The rows of the PRISMA2020 R package's template (`inst/extdata/PRISMA.csv`; Haddaway NR,
 * Page MJ, Pritchard CC, McGuinness LA. PRISMA2020: An R package and Shiny app for producing
 * PRISMA 2020-compliant flow diagrams. Campbell Systematic Reviews 2022;18:e1230): its `data` key,
 * `node`, `box`, `description`, `boxtext`, `tooltips` and `url`, and the stage that fills `n`.
 * Title boxes (no data) keep the template's 0. Purposive searching takes the template's
 * "Organisations" row of the other-methods arm, renamed, and snowballing its "Citation searching".
 */
const templateRows: readonly (readonly [
  data: string,
  node: string,
  box: string,
  description: string,
  boxtext: string,
  tooltips: string,
  url: string,
  fill: FlowStage | 'title' | 'sources' | 'reasons' | 'other-reasons' | 'missing',
])[] = [
  [
    'NA',
    'node4',
    'prevstud',
    'Grey title box; Previous studies',
    'Previous studies',
    'Grey title box; Previous studies',
    'prevstud.html',
    'title',
  ],
  [
    'previous_studies',
    'node5',
    'box1',
    'Studies included in previous version of review',
    'Studies included in previous version of review',
    'Studies included in previous version of review',
    'previous_studies.html',
    'missing',
  ],
  [
    'previous_reports',
    'NA',
    'box1',
    'Reports of studies included in previous version of review',
    'Reports of studies included in previous version of review',
    'NA',
    'previous_reports.html',
    'missing',
  ],
  [
    'NA',
    'node6',
    'newstud',
    'Yellow title box; Identification of new studies via databases and registers',
    'Identification of new studies via databases and registers',
    'Yellow title box; Identification of new studies via databases and registers',
    'newstud.html',
    'title',
  ],
  [
    'database_results',
    'node7',
    'box2',
    'Records identified from: Databases',
    'Databases',
    'Records identified from: Databases and Registers',
    'database_results.html',
    'identified-database',
  ],
  [
    'database_specific_results',
    'NA',
    'box2',
    'Records identified from: specific databases',
    'Specific Databases',
    'NA',
    'database_results.html',
    'sources',
  ],
  [
    'register_results',
    'NA',
    'box2',
    'Records identified from: Registers',
    'Registers',
    'NA',
    'NA',
    'identified-register',
  ],
  [
    'register_specific_results',
    'NA',
    'box2',
    'Records identified from: specific registers',
    'Specific Registers',
    'NA',
    'database_results.html',
    'missing',
  ],
  [
    'NA',
    'node16',
    'othstud',
    'Grey title box; Identification of new studies via other methods',
    'Identification of new studies via other methods',
    'Grey title box; Identification of new studies via other methods',
    'othstud.html',
    'title',
  ],
  [
    'website_results',
    'node17',
    'box11',
    'Records identified from: Websites',
    'Websites',
    'Records identified from: Websites, Organisations and Citation Searching',
    'website_results.html',
    'identified-website',
  ],
  [
    'organisation_results',
    'NA',
    'box11',
    'Records identified from: Purposive searching',
    'Purposive searching',
    'NA',
    'NA',
    'identified-purposive',
  ],
  [
    'citations_results',
    'NA',
    'box11',
    'Records identified from: Citation (snowball) searching',
    'Citation searching',
    'NA',
    'NA',
    'identified-citation',
  ],
  [
    'duplicates',
    'node8',
    'box3',
    'Duplicate records',
    'Duplicate records',
    'Duplicate records',
    'duplicates.html',
    'duplicates-removed',
  ],
  [
    'excluded_automatic',
    'NA',
    'box3',
    'Records marked as ineligible by automation tools',
    'Records marked as ineligible by automation tools',
    'NA',
    'NA',
    'removed-automation',
  ],
  [
    'excluded_other',
    'NA',
    'box3',
    'Records removed for other reasons',
    'Records removed for other reasons',
    'NA',
    'NA',
    'removed-other',
  ],
  [
    'records_screened',
    'node9',
    'box4',
    'Records screened (databases and registers)',
    'Records screened',
    'Records screened (databases and registers)',
    'records_screened.html',
    'screened',
  ],
  [
    'records_excluded',
    'node10',
    'box5',
    'Records excluded (databases and registers)',
    'Records excluded',
    'Records excluded (databases and registers)',
    'records_excluded.html',
    'screened-excluded',
  ],
  [
    'dbr_sought_reports',
    'node11',
    'box6',
    'Reports sought for retrieval (databases and registers)',
    'Reports sought for retrieval',
    'Reports sought for retrieval (databases and registers)',
    'dbr_sought_reports.html',
    'sought',
  ],
  [
    'dbr_notretrieved_reports',
    'node12',
    'box7',
    'Reports not retrieved (databases and registers)',
    'Reports not retrieved',
    'Reports not retrieved (databases and registers)',
    'dbr_notretrieved_reports.html',
    'not-retrieved',
  ],
  [
    'other_sought_reports',
    'node18',
    'box12',
    'Reports sought for retrieval (other)',
    'Reports sought for retrieval',
    'Reports sought for retrieval (other)',
    'other_sought_reports.html',
    'other-sought',
  ],
  [
    'other_notretrieved_reports',
    'node19',
    'box13',
    'Reports not retrieved (other)',
    'Reports not retrieved',
    'Reports not retrieved (other)',
    'other_notretrieved_reports.html',
    'other-not-retrieved',
  ],
  [
    'dbr_assessed',
    'node13',
    'box8',
    'Reports assessed for eligibility (databases and registers)',
    'Reports assessed for eligibility',
    'Reports assessed for eligibility (databases and registers)',
    'dbr_assessed.html',
    'assessed',
  ],
  [
    'dbr_excluded',
    'node14',
    'box9',
    'Reports excluded (databases and registers): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]',
    'Reports excluded',
    'Reports excluded (databases and registers)',
    'dbrexcludedrecords.html',
    'reasons',
  ],
  [
    'other_assessed',
    'node20',
    'box14',
    'Reports assessed for eligibility (other)',
    'Reports assessed for eligibility',
    'Reports assessed for eligibility (other)',
    'other_assessed.html',
    'other-assessed',
  ],
  [
    'other_excluded',
    'node21',
    'box15',
    'Reports excluded (other): [separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]',
    'Reports excluded',
    'Reports excluded (other)',
    'other_excluded.html',
    'other-reasons',
  ],
  [
    'new_studies',
    'node15',
    'box10',
    'New studies included in review',
    'New studies included in review',
    'New studies included in review',
    'new_studies.html',
    'included',
  ],
  [
    'new_reports',
    'NA',
    'box10',
    'Reports of new included studies',
    'Reports of new included studies',
    'NA',
    'NA',
    'included-reports',
  ],
  [
    'total_studies',
    'node22',
    'box16',
    'Total studies included in review',
    'Total studies included in review',
    'Total studies included in review',
    'total_studies.html',
    'included',
  ],
  [
    'total_reports',
    'NA',
    'box16',
    'Reports of total included studies',
    'Reports of total included studies',
    'NA',
    'NA',
    'included-reports',
  ],
  [
    'identification',
    'node1',
    'identification',
    'Blue identification box',
    'Identification',
    'Blue identification box',
    'identification.html',
    'title',
  ],
  [
    'screening',
    'node2',
    'screening',
    'Blue screening box',
    'Screening',
    'Blue screening box',
    'screening.html',
    'title',
  ],
  [
    'included',
    'node3',
    'included',
    'Blue included box',
    'Included',
    'Blue included box',
    'included.html',
    'title',
  ],
]

/** What R reads as a missing number: a figure the review does not report is never 0. */
const missing = 'NA'

/**
 * The flow as the CSV the PRISMA2020 R package and Shiny app read (the columns of its template:
 * data, node, box, description, boxtext, tooltips, url, n), so that a team can restyle the
 * diagram there. Figures the review does not report are `NA`; sources of records and reasons for
 * exclusion are listed as `Name, n; Name, n`.
 *
 * @example
 * ```ts
 * import { prismaFlow } from '@realist-kb/core'
 * import { writePrismaCsv } from '@realist-kb/export'
 * const csv = writePrismaCsv(prismaFlow(report.reportedFigures))
 * ```
 */
export function writePrismaCsv(flow: PrismaFlow): string {
  const count = (stage: FlowStage) => flow.boxes[stage].value ?? missing
  const list = (stage: FlowStage) => {
    const items = flow.boxes[stage].items
    return items.length === 0
      ? missing
      : items.map((item) => `${item.label}, ${item.value ?? missing}`).join('; ')
  }
  const rows = templateRows.map(([data, node, box, description, boxtext, tooltips, url, fill]) => {
    const n =
      fill === 'title'
        ? 0
        : fill === 'missing'
          ? missing
          : fill === 'sources'
            ? flow.boxes['identified-database'].items.length > 1
              ? list('identified-database')
              : missing
            : fill === 'reasons'
              ? list('assessed-excluded')
              : fill === 'other-reasons'
                ? list('other-excluded')
                : count(fill)
    return [data, node, box, description, boxtext, tooltips, url, n]
  })
  // The R package reads the file with read.csv: plain LF line ends, as in its template.
  return toCsv([
    ['data', 'node', 'box', 'description', 'boxtext', 'tooltips', 'url', 'n'],
    ...rows,
  ]).replace(/\r\n/g, '\n')
}
