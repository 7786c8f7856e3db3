import fc from 'fast-check'
import { cpuTimed } from '../helpers/cpu-time.js'

/**
 * Seed and run count of every property in this folder. CI runs a fixed seed so a failure
 * reproduces; `FC_SEED` replays another seed and `FC_RUNS` asks for more runs, e.g.
 * `FC_RUNS=10000 pnpm vitest run packages/core/test/properties`.
 */
export const seed = integerFromEnv('FC_SEED') ?? 20_250_509
/** Runs per property. The default keeps the whole folder well under 15 seconds. */
export const numRuns = integerFromEnv('FC_RUNS') ?? 100

fc.configureGlobal({ seed, numRuns })

/** Timeout of one property test: vitest's default of 30 s, or more when more runs are asked. */
export const propertyTimeout = Math.max(30_000, numRuns * 50)

/**
 * Longest time one call may take before it counts as a hang. Generated inputs are small (a few
 * kilobytes), so a linear parser finishes in milliseconds; the budget is generous so that a slow
 * CI machine does not fail, while a loop or a blow-up still does.
 */
export const callBudgetMs = 2_000

/**
 * Run `work` and fail when it takes longer than {@link callBudgetMs}.
 *
 * @example
 * ```ts
 * const parsed = withinBudget(() => parseFile(file))
 * ```
 */
export function withinBudget<T>(work: () => T, budgetMs = callBudgetMs): T {
  // Processor time: on a shared machine the wall clock counts the wait for a core too.
  const { ms: elapsed, result } = cpuTimed(work)
  if (elapsed > budgetMs)
    throw new Error(`Took ${Math.round(elapsed)} ms, expected at most ${budgetMs} ms`)
  return result
}

function integerFromEnv(name: string): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return undefined
  const value = Number(raw)
  if (!Number.isSafeInteger(value)) throw new Error(`${name}=${raw}: expected an integer`)
  return value
}
