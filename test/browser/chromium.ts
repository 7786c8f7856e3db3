import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Debian's chromium, installed by .ci/run; playwright-core never downloads a browser of its own. */
export const chromiumPath = '/usr/bin/chromium'

/** Whether browser tests can run here. In CI they must: a missing browser fails there. */
export const hasChromium = existsSync(chromiumPath) || process.env.CI === 'true'

/** Launch headless chromium with no background network traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
