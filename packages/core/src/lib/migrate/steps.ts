import type { MigrationStep } from './step.js'
import { constructToGroup } from './steps/construct-to-group.js'

/** Every change of the content format, oldest first. */
export const migrationSteps: readonly MigrationStep[] = [constructToGroup]
