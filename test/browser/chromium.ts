import { existsSync } from 'node:fs'
import { type Browser, type BrowserServer, chromium } from 'playwright-core'
import { inject } from 'vitest'
import { defaultBrowserPath, headlessFlags } from '../../packages/cli/src/lib/pdf/print-pdf.js'

declare module 'vitest' {
  interface ProvidedContext {
    /** Where the one chromium of the browser tests listens (test/browser/global-setup.ts). */
    chromiumEndpoint: string
  }
}

/** Debian's chromium, installed by .ci/run; playwright-core never downloads a browser of its own. */
export const chromiumPath = defaultBrowserPath

/** Whether browser tests can run here. In CI they must: a missing browser fails there. */
export const hasChromium = existsSync(chromiumPath) || process.env.CI === 'true'

/**
 * Launch the one headless chromium the browser tests share, with no background network traffic:
 * one browser start instead of one per test file, which a busy 2-core machine feels.
 */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({
    executablePath: chromiumPath,
    // The flags `report --format pdf` starts its own chromium with.
    args: [...headlessFlags],
  })
}

/** Connect to the shared chromium; `close()` on the result disconnects, leaving it running. */
export function connectChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'))
}
