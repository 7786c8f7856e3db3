import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'

const axePath = path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js')

interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly unknown[]
}

/**
 * Run axe-core on the page (or on the parts `include` selects) and list its serious and critical
 * violations as `rule: help (elements)`; an accessible page gives `[]`.
 *
 * axe is asked for violations only. It still runs every rule on every element, but it no longer
 * builds a selector and an HTML excerpt for each element that passes: on the bundled review's
 * page that was more than half of its time.
 */
export async function seriousViolations(
  page: Page,
  include?: readonly string[],
): Promise<string[]> {
  await page.addScriptTag({ content: await readFile(axePath, 'utf8') })
  const violations = await page.evaluate(async (selectors) => {
    const { axe } = window as unknown as {
      axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> }
    }
    const context = selectors === undefined ? document : { include: selectors.map((s) => [s]) }
    return (await axe.run(context, { resultTypes: ['violations'] })).violations
  }, include)
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)
}
