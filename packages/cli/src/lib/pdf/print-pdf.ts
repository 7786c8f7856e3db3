import { existsSync } from 'node:fs'

/** Where the browser is looked for when neither `--browser` nor the variable names one. */
export const defaultBrowserPath = '/usr/bin/chromium'

/** The environment variable that names the browser (`--browser` wins over it). */
export const browserVariable = 'REALIST_KB_CHROMIUM'

/** No browser to print with: not at the path given, or it would not start. */
export class BrowserMissingError extends Error {
  override readonly name = 'BrowserMissingError'
}

/**
 * The flags of a headless Chromium that prints and does nothing else: no sandbox (it runs as
 * root in containers), no GPU, and none of the background traffic a browser makes on its own.
 */
export const headlessFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Page numbers at the foot of each page ("Page 3 of 12"); Chromium fills the spans in. */
const footerTemplate = `<div style="width:100%;font:9px system-ui,sans-serif;color:#444;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`

/**
 * Print a self-contained HTML page to PDF with Chromium through playwright-core (loaded only
 * here): print media, A4, backgrounds, page numbers in the footer. The page is loaded with the
 * network off; the report needs none.
 */
export async function printPdf(html: string, browserPath: string): Promise<Uint8Array> {
  if (!existsSync(browserPath))
    throw new BrowserMissingError(
      `Unexpected missing browser at ${browserPath}, expected Chromium there: install it (Debian: apt install chromium) or name it with --browser <path> or ${browserVariable}`,
    )
  const { chromium } = await import('playwright-core')
  let browser: Awaited<ReturnType<typeof chromium.launch>>
  try {
    browser = await chromium.launch({ executablePath: browserPath, args: headlessFlags })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new BrowserMissingError(
      `Unexpected browser at ${browserPath} that does not start (${reason}), expected Chromium`,
    )
  }
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: true })
    const page = await context.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
    })
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  } finally {
    await browser.close()
  }
}
