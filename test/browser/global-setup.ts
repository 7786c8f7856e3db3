import type { TestProject } from 'vitest/node'
import { hasChromium, launchChromiumServer } from './chromium.js'

/** Start the chromium every browser test file connects to, and stop it after them. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (!hasChromium) return
  const server = await launchChromiumServer()
  project.provide('chromiumEndpoint', server.wsEndpoint())
  return () => server.close()
}
