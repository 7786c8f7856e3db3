import type { FrontmatterTree, TextEdit } from './frontmatter-yaml.js'

/** One file as a step sees it. */
export interface StepInput {
  readonly path: string
  readonly text: string
  /** The frontmatter with its positions; `undefined` when it cannot be read. */
  readonly tree: FrontmatterTree | undefined
}

/** What a step does to one file: where it moves and which text it replaces. */
export interface StepOutput {
  readonly path: string
  readonly edits: readonly TextEdit[]
  /** Offsets (in the file) and wording of what keeps the step from finishing its work. */
  readonly problems: readonly { readonly offset: number; readonly message: string }[]
}

/**
 * One change of the content format, from the format before `format` to `format`. A later change
 * of the format adds a step to `migrationSteps`; steps run in order, each on the output of the
 * one before, and a step that finds nothing to do changes nothing, so a migrated base migrates to
 * itself.
 */
export interface MigrationStep {
  /** A kebab-case name, shown with each change. */
  readonly name: string
  /** The content format this step brings a file to. */
  readonly format: number
  migrate(file: StepInput): StepOutput
}
