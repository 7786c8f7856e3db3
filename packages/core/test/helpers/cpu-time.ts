/**
 * Run synchronous `work` and say how much processor time it used, in milliseconds: the budgets
 * of the hostile-input tests bound the work done, and on a machine shared with other jobs the
 * wall clock also counts the time spent waiting for a core (several times the work itself, at a
 * load of 15 on 2 cores). Processor time of this process counts only what it did.
 *
 * @example
 * ```ts
 * const { ms, result } = cpuTimed(() => parseFile(file))
 * expect(ms).toBeLessThan(10_000)
 * ```
 */
export function cpuTimed<T>(work: () => T): { ms: number; result: T } {
  const started = process.cpuUsage()
  const result = work()
  const { user, system } = process.cpuUsage(started)
  return { ms: (user + system) / 1000, result }
}
