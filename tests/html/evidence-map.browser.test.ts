import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runBatch} from '../../src/batch/run-batch.js'
import type {DocumentRecord} from '../../src/emit/document.js'
import {shippedConfig} from '../helpers/analyse.js'
import {chromiumRuns, launchChromium} from '../helpers/chromium.js'

/*
 * Issue 14: the evidence map in a real browser (Debian's chromium through playwright-core). The seed
 * is run through the batch into a temporary folder; its pages are opened from file:// and used as a
 * reader would: select matrix cells by mouse and keyboard, switch the columns, filter, follow and
 * hover citations. What the page lists is checked against the JSON record; axe-core finds no serious
 * or critical violation; no console error (a CSP hash that does not match is one).
 */

const root = fileURLToPath(new URL('../..', import.meta.url))
const seedId = '000_a1b4395412355638'
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

describe.runIf(chromiumRuns())('the evidence map in chromium', () => {
  let work: string
  let out: string
  let browser: Browser
  let record: DocumentRecord
  const errors: string[] = []

  beforeAll(async () => {
    // The seed, and a review with a CSL-JSON bibliography (titles, authors, years, DOIs).
    work = mkdtempSync(join(tmpdir(), 'citeclaim-html-'))
    out = join(work, 'out')
    mkdirSync(join(work, 'input'))
    copyFileSync(join(root, 'input', `${seedId}.txt`), join(work, 'input', `${seedId}.txt`))
    copyFileSync(join(root, 'tests/fixtures/ohip-nl/input.txt'), join(work, 'input', 'ohip.txt'))
    copyFileSync(join(root, 'tests/fixtures/ohip-nl/references.csl.json'), join(work, 'input', 'ohip.csl.json'))
    const result = await runBatch({paths: ['input'], config: shippedConfig, out, cwd: work, concurrency: 1})
    expect(result.errors).toBe(0)
    record = JSON.parse(readFileSync(join(out, `${seedId}.json`), 'utf8')) as DocumentRecord
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    rmSync(work, {recursive: true, force: true})
  })

  /** A new page on `file`, its console errors and page errors collected into `errors`. */
  async function open(file: string, options: {javaScriptEnabled?: boolean} = {}): Promise<Page> {
    const context = await browser.newContext({javaScriptEnabled: options.javaScriptEnabled ?? true})
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${file}: ${message.text()}`)
    })
    page.on('pageerror', (error) => errors.push(`${file}: ${error.message}`))
    await page.goto(pathToFileURL(join(out, file)).href)
    return page
  }

  /** Ids of the claims the list shows now. */
  const shownClaims = (page: Page): Promise<string[]> =>
    page.$$eval('ol.claims > li:not([hidden]) a[href^="#claim-"]', (links) => links.map((link) => link.getAttribute('href')!.slice('#claim-'.length)))

  const claimIds = (keep: (claim: DocumentRecord['claims'][number]) => boolean): string[] => record.claims.filter(keep).map((claim) => claim.id)

  /** The matrix link of `type` × column `value` ('' = all claims) in the table of `axis`. */
  async function cellLink(page: Page, axis: 'category' | 'evidence', type: string, value: string) {
    const table = page.locator(`table[data-matrix-axis="${axis}"]`)
    const headers = await table.locator('thead th').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-value')))
    const column = headers.indexOf(value)
    expect(column).toBeGreaterThan(0)
    return table.locator(`tbody tr[data-type="${type}"] > *`).nth(column).locator('a')
  }

  it('selecting a cell with the mouse lists exactly its claims, as the JSON record has them', async () => {
    const page = await open(`${seedId}.html`)
    const expected = claimIds((claim) => claim.entityTypes.includes('MSC') && claim.category === 'mechanism')
    expect(expected.length).toBeGreaterThan(1)
    await (await cellLink(page, 'category', 'MSC', 'mechanism')).click()
    expect(await shownClaims(page)).toEqual(expected)
    await expect.poll(() => page.locator('#claims-status').textContent()).toBe(`${expected.length} claims of MSC × mechanism`)
    // Each listed claim shows its types with their attribution, category, evidence and hedging.
    const first = record.claims.find((claim) => claim.id === expected[0])!
    const meta = await page.locator('ol.claims > li:not([hidden]) small').first().textContent()
    expect(meta).toContain(`MSC, ${first.attribution['MSC']}`)
    expect(meta).toContain(`Category: ${first.category}`)
    expect(meta).toContain(`Evidence: ${first.evidence}`)
    expect(meta).toContain(first.hedged ? 'Hedged' : 'Not hedged')
    // "All claims" of a type.
    await (await cellLink(page, 'category', 'HSC', '')).click()
    expect(await shownClaims(page)).toEqual(claimIds((claim) => claim.entityTypes.includes('HSC')))
    await page.getByRole('button', {name: 'Show all claims'}).click()
    expect(await shownClaims(page)).toEqual(record.claims.map((claim) => claim.id))
  })

  it('cells are reached and selected with the keyboard (Tab, arrow keys, Enter)', async () => {
    const page = await open(`${seedId}.html`)
    const link = await cellLink(page, 'category', 'MSC', 'efficacy')
    await link.focus()
    await page.keyboard.press('ArrowDown')
    // The next row's cell in that column (ESC × efficacy) has claims, so it takes the focus.
    const focused = await page.evaluate(() => {
      const cell = document.activeElement!.closest('td')!
      return {type: cell.parentElement!.getAttribute('data-type'), column: cell.cellIndex}
    })
    expect(focused.type).toBe('ESC')
    await page.keyboard.press('Enter')
    expect(await shownClaims(page)).toEqual(claimIds((claim) => claim.entityTypes.includes('ESC') && claim.category === 'efficacy'))
  })

  it('switches the columns to evidence level and selects by evidence', async () => {
    const page = await open(`${seedId}.html`)
    await expect.poll(() => page.locator('table[data-matrix-axis="evidence"]').isVisible()).toBe(false)
    await page.getByLabel('Evidence level', {exact: true}).first().check()
    expect(await page.locator('table[data-matrix-axis="evidence"]').isVisible()).toBe(true)
    expect(await page.locator('table[data-matrix-axis="category"]').isVisible()).toBe(false)
    await (await cellLink(page, 'evidence', 'MSC', 'preclinical')).click()
    const expected = claimIds((claim) => claim.entityTypes.includes('MSC') && claim.evidence === 'preclinical')
    expect(expected.length).toBeGreaterThan(0)
    expect(await shownClaims(page)).toEqual(expected)
  })

  it('filters the claims by evidence level and hedging', async () => {
    const page = await open(`${seedId}.html`)
    await page.locator('#filter-evidence').selectOption('preclinical')
    expect(await shownClaims(page)).toEqual(claimIds((claim) => claim.evidence === 'preclinical'))
    await page.locator('#filter-hedged').selectOption('true')
    const expected = claimIds((claim) => claim.evidence === 'preclinical' && claim.hedged)
    expect(await shownClaims(page)).toEqual(expected)
    await page.locator('#filter-evidence').selectOption('')
    expect(await shownClaims(page)).toEqual(claimIds((claim) => claim.hedged))
    // A filter narrows a selected cell too.
    await (await cellLink(page, 'category', 'MSC', '')).click()
    expect(await shownClaims(page)).toEqual(claimIds((claim) => claim.entityTypes.includes('MSC') && claim.hedged))
  })

  it('a citation shows its reference on hover and on focus, and leads to it', async () => {
    const page = await open(`${seedId}.html`)
    const claim = record.claims.find((each) => each.citations.length > 0)!
    const number = claim.citations[0]!
    const citation = page.locator(`ol.claims > li a[href="#ref-${number}"]`).first()
    const reference = (await page.locator(`#ref-${number}`).textContent())!
    expect(reference).toContain(String(number))
    const tip = page.locator('#cite-tip')
    await citation.hover()
    await expect.poll(() => tip.isVisible()).toBe(true)
    expect(await tip.textContent()).toBe(reference)
    expect(await citation.getAttribute('aria-describedby')).toBe('cite-tip')
    await page.mouse.move(0, 0)
    await expect.poll(() => tip.isVisible()).toBe(false)
    await citation.focus()
    await expect.poll(() => tip.isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => tip.isVisible()).toBe(false)
    await citation.click()
    expect(new URL(page.url()).hash).toBe(`#ref-${number}`)
    expect(await page.locator(':target').getAttribute('id')).toBe(`ref-${number}`)
    // In the reading view too: the claim's sentence is highlighted, its citations linked.
    expect(await page.locator(`#text mark#claim-${claim.id} a[href="#ref-${number}"]`).count()).toBeGreaterThan(0)
  })

  it('the reference a citation shows has its title, authors, year and DOI link from the bibliography', async () => {
    const ohip = JSON.parse(readFileSync(join(out, 'ohip.json'), 'utf8')) as DocumentRecord
    const reference = ohip.references.find((each) => typeof each.csl?.['DOI'] === 'string' && each.sentenceIds.length > 0)!
    const csl = reference.csl as unknown as {title: string; DOI: string; author: Array<{family: string}>; issued: {'date-parts': number[][]}}
    const page = await open('ohip.html')
    await page.locator(`#text a[href="#ref-${reference.number}"]`).first().hover()
    const tip = page.locator('#cite-tip')
    await expect.poll(() => tip.isVisible()).toBe(true)
    const text = (await tip.textContent())!
    expect(text).toContain(csl.title)
    expect(text).toContain(csl.author[0]!.family)
    expect(text).toContain(String(csl.issued['date-parts'][0]![0]))
    expect(await tip.locator('a').getAttribute('href')).toBe(`https://doi.org/${csl.DOI}`)
  })

  it('reads without JavaScript: both tables and every claim are there', async () => {
    const page = await open(`${seedId}.html`, {javaScriptEnabled: false})
    expect(await page.locator('table[data-matrix-axis="category"]').isVisible()).toBe(true)
    expect(await page.locator('table[data-matrix-axis="evidence"]').isVisible()).toBe(true)
    expect(await page.locator('ol.claims > li:visible').count()).toBe(record.claims.length)
    expect(await page.locator('#text mark').count()).toBe(record.claims.length)
  })

  it('the corpus page counts every claim per type, lists the documents and links to their pages', async () => {
    const page = await open('index.html')
    const totals = await page.locator('table[data-matrix-axis="category"] tbody tr').evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-type'), Number.parseInt(row.lastElementChild!.textContent!, 10)])
    )
    const ohip = JSON.parse(readFileSync(join(out, 'ohip.json'), 'utf8')) as DocumentRecord
    const claimsOf = (type: string): number => [record, ohip].reduce((sum, each) => sum + each.claims.filter((claim) => claim.entityTypes.includes(type)).length, 0)
    expect(Object.fromEntries(totals)).toEqual(Object.fromEntries(record.entityTypes.map((type) => [type.id, claimsOf(type.id)])))
    expect(await page.locator('table.documents tbody tr').count()).toBe(2)
    await page.getByRole('link', {name: seedId}).click()
    expect(page.url().endsWith(`${seedId}.html`)).toBe(true)
    expect(await page.locator('h1').textContent()).toBe(seedId)
  })

  it('axe-core finds no serious or critical violation on either page', async () => {
    for (const file of ['index.html', `${seedId}.html`]) {
      const page = await open(file)
      // Evaluated through the DevTools protocol, which the page's CSP does not govern.
      await page.evaluate(axeSource)
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as {axe: {run: (context: Document, options: object) => Promise<{passes: unknown[]; violations: Array<{id: string; impact: string; nodes: unknown[]}>}>}}).axe
        const result = await axe.run(document, {})
        return {passes: result.passes.length, list: result.violations.map((violation) => ({id: violation.id, impact: violation.impact, nodes: violation.nodes.length}))}
      })
      expect(violations.passes, `axe ran its checks on ${file}`).toBeGreaterThan(10)
      expect(violations.list.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'), file).toEqual([])
    }
  })

  it('no page logged an error (a script or style refused by the CSP would)', () => {
    expect(errors).toEqual([])
  })
})
