import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'

/** Debian's chromium, which .ci/run installs (playwright-core downloads no browser). */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** No network, no background services, no first-run UI: a browser that only opens our files. */
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** A headless chromium with a fresh profile; `close` ends it and deletes the profile. */
export async function launchChromium(): Promise<{context: BrowserContext; close: () => Promise<void>}> {
  const profile = mkdtempSync(join(tmpdir(), 'citeclaim-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {executablePath: chromiumPath, headless: true, args, viewport: {width: 1280, height: 900}})
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, {recursive: true, force: true})
    }
  }
}
