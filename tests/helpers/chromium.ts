import {chromium, type Browser} from 'playwright-core'
import {runsWith} from './requires.js'

/** Debian's chromium, which .ci/run installs (playwright-core downloads no browser). */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/**
 * Whether the browser tests run: when chromium is installed, and always in CI, where a missing
 * chromium fails them instead of skipping them (as the pandoc tests do).
 */
export const chromiumRuns = (): boolean => runsWith(chromiumPath, 'apt-get install -y chromium')

/** No network, no background services, no first-run UI: a browser that only opens our files. */
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** A headless chromium; playwright gives each launch a fresh temporary profile and deletes it on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: chromiumPath, headless: true, args})
}
