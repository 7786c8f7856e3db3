import { Random } from './random.js'

/** One generated file: its path in the content folder and its text. */
export interface CorpusFile {
  readonly path: string
  readonly text: string
}

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  readonly studies: number
  readonly seed?: number
}

const words =
  'palliative care oncology integration team referral trust community nurse clinic outcome context mechanism resource response leadership training education feedback patient family caregiver symptom hospital primary setting collaboration evaluation pathway coordination'.split(
    ' ',
  )
const designs = [
  'qualitative',
  'mixed-methods',
  'economic-evaluation',
  'survey',
  'trial',
  'case-study',
]
const countries = ['GB', 'US', 'CA', 'AU', 'NO', 'DE', 'NL', 'BE', 'CH', 'IT', 'JP', 'DK']
const settings = ['outpatient', 'inpatient', 'home', 'community', 'primary-care', 'hospice']
const participants = ['patients', 'caregivers', 'professionals', 'managers']
const groups = ['coherence', 'cognitive-participation', 'collective-action', 'reflexive-monitoring']

/**
 * A deterministic synthetic knowledge base in the content format: 4 groups, CMOCs,
 * recommendations and audiences in proportion, and `studies` study files with evidence entries,
 * markdown bodies and inline links (some inside code spans and code blocks, which are not links).
 * Used by the benchmarks and by the tests that compare fast paths with the full parse.
 *
 * @example
 * ```ts
 * const files = generateCorpus({ studies: 1000 })
 * ```
 */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  const random = new Random(options.seed ?? 20_250_509)
  const sentence = (min: number, max: number): string => {
    const text = Array.from({ length: random.int(min, max) }, () => random.pick(words)).join(' ')
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }
  const phrase = (min: number, max: number): string => sentence(min, max).slice(0, -1)
  const cmocCount = Math.max(18, Math.min(400, Math.round(options.studies / 25)))
  const cmocs = Array.from({ length: cmocCount }, (_, i) => `cmoc-${i + 1}`)
  const audiences = Array.from({ length: 20 }, (_, i) => `audience-${i + 1}`)
  const recommendations = Array.from(
    { length: Math.max(22, Math.round(cmocCount / 2)) },
    (_, i) => `rec-${i + 1}`,
  )
  const studies = Array.from(
    { length: options.studies },
    (_, i) => `study-${String(i + 1).padStart(6, '0')}`,
  )
  const files: CorpusFile[] = []

  files.push({
    path: 'review.md',
    text: `---\nkind: review\nid: synthetic-review\ntitle: A synthetic review of ${options.studies} studies\nauthors: [Generator A]\nyear: 2025\nreported:\n  papers: ${options.studies}\n  countries: ${countries.length}\n---\n\nGenerated for benchmarks.\n`,
  })
  groups.forEach((id, index) => {
    files.push({
      path: `groups/${id}.md`,
      text: `---\nkind: group\nname: ${id.replace(/-/g, ' ')}\norder: ${index + 1}\ndescription: ${sentence(8, 16)}\n---\n`,
    })
  })
  for (const id of audiences) {
    files.push({
      path: `audiences/${id}.md`,
      text: `---\nkind: audience\nname: Audience ${id.slice(9)}\nexamples: [${phrase(2, 4)}]\n---\n`,
    })
  }
  cmocs.forEach((id, index) => {
    files.push({
      path: `cmocs/${id}.md`,
      text: `---\nkind: cmoc\nlabel: CMOC${index + 1}\ntitle: ${sentence(4, 8)}\ngroup: ${groups[index % 4]}\norder: ${Math.floor(index / 4) + 1}\ncontext: ${sentence(10, 20)}\nmechanism:\n  resource: ${sentence(8, 14)}\n  response: ${sentence(8, 14)}\noutcome: ${sentence(6, 12)}\nstrategies: [${phrase(2, 3)}]\n---\n\n${sentence(30, 60)} See [[${random.pick(cmocs)}]].\n`,
    })
  })
  recommendations.forEach((id, index) => {
    const linked = random.sample(cmocs, random.int(1, 3))
    const cmocLines = linked
      .map((cmoc) =>
        random.next() < 0.3
          ? `  - id: ${cmoc}\n    basis: inferred\n    rationale: ${sentence(6, 10)}`
          : `  - ${cmoc}`,
      )
      .join('\n')
    files.push({
      path: `recommendations/${id}.md`,
      text: `---\nkind: recommendation\ngroup: ${groups[index % 4]}\nsection: ${(index % 4) + 1}\norder: ${Math.floor(index / 4) + 1}\ntext: ${sentence(12, 24)}\naudiences: [${random.sample(audiences, random.int(1, 2)).join(', ')}]\ncmocs:\n${cmocLines}\n---\n`,
    })
  })
  for (const id of studies) {
    const evidence = Array.from({ length: random.int(1, 4) }, () => {
      const linked = random.sample(cmocs, random.int(1, 2))
      const parts = random.sample(['context', 'mechanism', 'outcome'], random.int(1, 2))
      return `  - cmocs: [${linked.join(', ')}]\n    relation: ${random.pick(['supports', 'supports', 'refines', 'refutes'])}\n    parts: [${parts.join(', ')}]\n    point: ${sentence(15, 30)}\n    locator: p. ${random.int(1, 20)}\n    provenance: Results, para ${random.int(1, 9)}`
    }).join('\n')
    const paragraphs = Array.from({ length: random.int(3, 6) }, () => sentence(40, 80))
    const link = random.pick(cmocs)
    const code =
      random.next() < 0.05
        ? `\n\nIn code, \`[[${random.pick(cmocs)}]]\` is text.\n\n\`\`\`\n[[${random.pick(cmocs)}]] in a block\n\`\`\`\n`
        : ''
    const citation = `citation:\n  authors: [${random.pick(['Smith J', 'Ng K', 'Olsen T', 'Rossi M'])}, ${random.pick(['Brown A', 'Kim S', 'Meyer L'])}]\n  etAl: ${random.next() < 0.5}\n  year: ${random.int(2010, 2024)}\n  title: ${sentence(8, 16)}\n  journal: ${random.pick(['Palliat Med', 'BMC Palliat Care', 'J Pain Symptom Manage', 'Support Care Cancer'])}\n  volume: "${random.int(1, 60)}"\n  pages: "${random.int(1, 900)}-${random.int(901, 999)}"`
    const characteristics = `design: ${random.pick(designs)}\ncountries: [${random.sample(countries, random.int(1, 2)).join(', ')}]\nsettings: [${random.sample(settings, random.int(1, 2)).join(', ')}]\nparticipants: [${random.sample(participants, random.int(1, 3)).join(', ')}]\ninclusion:\n  status: ${random.pick(['included', 'included', 'unknown'])}\n  basis: ${sentence(6, 12)}`
    files.push({
      path: `studies/${id}.md`,
      text: `---\nkind: study\n${citation}\n${characteristics}\nevidence:\n${evidence}\n---\n\n${paragraphs.join('\n\n')}\n\nBears on [[${link}]].${code}\n`,
    })
  }
  return files
}
