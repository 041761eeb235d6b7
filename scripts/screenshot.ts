/**
 * `npx tsx scripts/screenshot.ts [page.html] [out.png]`: a screenshot of the seed's evidence map
 * (output/<seed>.html, made by `npm start`) for the README, in headless chromium, with the matrix
 * cell of mesenchymal stem cells × mechanism selected, so the picture shows the map and its claims.
 */
import {pathToFileURL} from 'node:url'
import {resolve} from 'node:path'
import {launchChromium} from '../tests/helpers/chromium.js'

const page = resolve(process.argv[2] ?? 'output/000_a1b4395412355638.html')
const out = resolve(process.argv[3] ?? 'docs/evidence-map.png')
const browser = await launchChromium()
try {
  const tab = await browser.newPage()
  await tab.setViewportSize({width: 1200, height: 1100})
  await tab.goto(pathToFileURL(page).href)
  await tab.locator('table[data-matrix-axis="category"] tr[data-type="MSC"] td a').nth(2).click()
  await tab.evaluate(() => window.scrollTo(0, 0))
  await tab.screenshot({path: out, fullPage: false})
  process.stderr.write(`screenshot: ${out}\n`)
} finally {
  await browser.close()
}
