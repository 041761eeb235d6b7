import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {analyseDocument} from '../../src/pipeline.js'
import {shippedConfig} from '../helpers/analyse.js'
import {chromiumRuns, launchChromium} from '../helpers/chromium.js'
import {loadCatalogue} from '../hostile/catalogue.js'

/*
 * Issue 14: the hostile catalogue, and invented inputs that try to run `window.__pwned = …` from every
 * place input text reaches the page (text, headings, Markdown links, images and raw HTML, bibliography
 * titles, authors and DOIs), rendered to HTML and opened in chromium with a trap: alert, confirm and
 * prompt set `window.__pwned`. No script may run, and no element or attribute may come from the input.
 */

const payload = 'window.__pwned = 1'
const txt = [
  `Hostile <script>${payload}</script> Review`,
  '',
  `1. Introduction <img src=x onerror="${payload}">`,
  '',
  `MSCs secrete <script>${payload}</script> cytokines [1]. They repair <svg onload="${payload}"></svg> tissue [2].`,
  `Stem cells "><script>${payload}</script> home to the liver [1, 2]. A link javascript:${payload} stays text.`,
  ''
].join('\n')
const md = [
  `# Hostile <b onclick="${payload}">Review</b>`,
  '',
  `MSCs secrete cytokines [1] <script>${payload}</script>.`,
  '',
  `<div onmouseover="${payload}">MSCs repair tissue [2].</div>`,
  '',
  `A [link](javascript:${payload}) and ![img](x" onerror="${payload}) and <iframe src="javascript:${payload}"></iframe> about HSCs [1].`,
  ''
].join('\n')
const bibliography = JSON.stringify([
  {id: 'ref-1', type: 'article-journal', title: `<img src=x onerror="${payload}">Title`, author: [{family: `<script>${payload}</script>`, given: 'A'}], issued: {'date-parts': [[2001]]}, DOI: `javascript:${payload}`},
  {id: 'ref-2', type: 'article-journal', title: 'Two', 'container-title': `"><script>${payload}</script>`, DOI: `10.1000/x"><script>${payload}</script>`}
])

describe.runIf(chromiumRuns())('hostile inputs render inert', () => {
  let dir: string
  let browser: Browser
  const pages: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'citeclaim-hostile-html-'))
    const inputs = loadCatalogue().map((entry) => ({name: entry.name, source: entry.expected.document, bytes: entry.bytes, bibliography: entry.bibliographyBytes && entry.expected.bibliography ? {source: entry.expected.bibliography, bytes: entry.bibliographyBytes} : undefined}))
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
    inputs.push({name: 'invented-txt', source: 'hostile.txt', bytes: encode(txt), bibliography: {source: 'hostile.csl.json', bytes: encode(bibliography)}})
    inputs.push({name: 'invented-md', source: 'hostile.md', bytes: encode(md), bibliography: {source: 'hostile.csl.json', bytes: encode(bibliography)}})
    for (const input of inputs) {
      const output = analyseDocument({id: 'hostile', source: input.source, bytes: input.bytes, ...(input.bibliography ? {bibliography: input.bibliography} : {})}, shippedConfig)
      const html = output.files.find((file) => file.suffix === '.html')
      if (!html) continue
      writeFileSync(join(dir, `${input.name}.html`), html.content)
      pages.push(input.name)
    }
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    rmSync(dir, {recursive: true, force: true})
  })

  /** A page with the trap set before any of its own code runs. */
  async function trapped(): Promise<{page: Page; dialogs: string[]}> {
    const page = await (await browser.newContext()).newPage()
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.addInitScript(() => {
      const pwned = (): void => void ((window as unknown as {__pwned: unknown}).__pwned = 'dialog')
      window.alert = pwned
      window.confirm = () => (pwned(), false)
      window.prompt = () => (pwned(), null)
    })
    return {page, dialogs}
  }

  it('the trap catches a script that runs', async () => {
    const {page} = await trapped()
    await page.goto('about:blank')
    await page.evaluate('alert(1)')
    expect(await page.evaluate('window.__pwned')).toBe('dialog')
  })

  it('renders every case and the invented inputs', () => {
    expect(pages).toContain('invented-txt')
    expect(pages).toContain('invented-md')
    expect(pages.length).toBeGreaterThan(10)
  })

  it('no script runs, however the page is used, and nothing live comes from the input', async () => {
    // One page for all: the trap is set again on every navigation.
    const {page, dialogs} = await trapped()
    for (const name of pages) {
      await page.goto(pathToFileURL(join(dir, `${name}.html`)).href)
      // Use the page: hover and focus a citation of every reference (its tip copies the reference's
      // nodes; other citations of the same reference show the same nodes), select every cell.
      const shown = new Set<string>()
      for (const link of await page.locator('a[href^="#ref-"]').all()) {
        const href = (await link.getAttribute('href'))!
        if (shown.has(href) || !(await link.isVisible())) continue
        shown.add(href)
        await link.hover()
        await link.focus()
      }
      for (const cell of await page.locator('table.matrix td a').all()) if (await cell.isVisible()) await cell.click()
      expect(await page.evaluate('window.__pwned'), name).toBeUndefined()
      expect(dialogs, name).toEqual([])
      const live = await page.evaluate(() => {
        const found: string[] = []
        const scripts = document.querySelectorAll('script')
        if (scripts.length !== 1 || scripts[0]!.parentElement !== document.body) found.push(`${scripts.length} script elements`)
        for (const element of document.querySelectorAll('img, iframe, object, embed, svg, video, audio, form, input:not([name="axis"]), base, link, meta[http-equiv="refresh"]')) found.push(`element ${element.tagName}`)
        for (const element of document.querySelectorAll('*')) {
          for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`)
        }
        for (const link of document.querySelectorAll('a[href]')) {
          const href = link.getAttribute('href')!
          if (!/^(?:#[\w:-]+|[A-Za-z0-9_-]+\.html|https:\/\/doi\.org\/10\.[^\s"<>]+)$/.test(href)) found.push(`link ${href}`)
        }
        return found
      })
      expect(live, name).toEqual([])
    }
    await page.context().close()
  })

  it('the payloads are shown as text', async () => {
    for (const name of ['invented-txt', 'invented-md']) {
      const {page} = await trapped()
      await page.goto(pathToFileURL(join(dir, `${name}.html`)).href)
      expect(await page.locator('#text').innerText(), name).toContain(`<script>${payload}</script>`)
      await page.context().close()
    }
  })
})
