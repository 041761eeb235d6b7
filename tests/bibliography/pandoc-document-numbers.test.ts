import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import type {ResolvedConfig} from '../../src/config/types.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'
import {runsWith} from '../helpers/requires.js'
import {collect, pandocCites, plain, type PandocNode} from '../helpers/pandoc-ast.js'

// pandoc --citeproc numbers references by first citation. A document that cites [10] first must come
// back with its own numbers, and with one reference list (pandoc's), through the emitted CSL-JSON
// (built from the text's own reference list: no bibliography file) and the document-numbers style.
const withPandoc = runsWith('pandoc', 'apt-get install -y pandoc')
const style = (name: string): string => fileURLToPath(new URL(`../../styles/${name}.csl`, import.meta.url))
const config: ResolvedConfig = {...shippedConfig, citations: {...shippedConfig.citations, markdownStyle: 'pandoc'}, markdown: {...shippedConfig.markdown, references: 'none'}}

const entries = [
  'Arvid K, Bolt M. Lanterns of the deep shelf. J Imag Fish. 2011;42(3):117–25.',
  'Okafor N. Tidal pools and their keepers. Mar Notes. 2019;7:9–12.',
  'Quill R, Hale W. Counting the uncounted. Rev Sums. 2004;88:91–4.',
  'Marr T. Is the shelf deep enough? Abyss Lett. 2015;3:1–4.',
  'Vell P, Ostrander J. Salt marsh clocks. Coast Time. 2008;15:200–11.',
  'Iwu C. Reef acoustics at dusk. Sound Sea. 2017;2:33–40.',
  'Lind P. Glass eels in winter. Eel Q. 2001;9:5–8.',
  'Tamm J. The patience of barnacles. Shell Lett. 1999;12:70–2.',
  'Ngata H. Kelp forests and storms. Kelp Rev. 2021;1:1–10.',
  'Zorn E. Ice edges and plankton. Polar Notes. 2013;30:300–9.'
]
const titles = ['Lanterns of the deep shelf', 'Tidal pools and their keepers', 'Counting the uncounted', 'Is the shelf deep enough?', 'Salt marsh clocks', 'Reef acoustics at dusk', 'Glass eels in winter', 'The patience of barnacles', 'Kelp forests and storms', 'Ice edges and plankton']
const text = [
  'Introduction',
  '',
  'Deep shelves were first mapped by lantern surveys [10]. Counting them took decades [3].',
  '',
  'Tidal pools and shelves were compared later [1, 5], and pools again on their own [2].',
  '',
  'Other habitats followed [4, 6-9].',
  '',
  'References',
  '',
  ...entries.map((entry, index) => `${index + 1}. ${entry}`),
  ''
].join('\n')

/** The entries of pandoc's reference list: id (pandoc's `ref-` before the item's `ref-<n>` taken off) and text. */
function listed(ast: unknown): Array<{id: string; text: string}> {
  const refs = collect(ast, 'Div').find((node) => (node.c as [[string]])[0][0] === 'refs')
  if (!refs) return []
  return (refs.c as [unknown, PandocNode[]])[1].filter((node) => node.t === 'Div').map((node) => ({id: (node.c as [[string]])[0][0].replace(/^ref-/, ''), text: plain((node.c as [unknown, unknown])[1])}))
}

describe.runIf(withPandoc)('pandoc round trip of a document citing out of order, without a bibliography file', () => {
  const analysed = analyseText(text, {source: 'shelf.txt', config})
  const csl = analysed.output.files.find((file) => file.suffix === '.references.csl.json')
  let dir = ''
  const render = (args: string[]): SpawnSyncReturns<string> =>
    spawnSync('pandoc', ['shelf.md', '--from', 'markdown', '--to', 'json', '--citeproc', '--bibliography', 'shelf.references.csl.json', ...args], {cwd: dir, encoding: 'utf8'})
  let numbered: SpawnSyncReturns<string>
  let firstCited: SpawnSyncReturns<string>
  let authorYear: SpawnSyncReturns<string>

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'citeclaim-pandoc-numbers-'))
    writeFileSync(join(dir, 'shelf.md'), analysed.markdown)
    writeFileSync(join(dir, 'shelf.references.csl.json'), csl?.content ?? '[]')
    numbered = render(['--csl', style('vancouver-document-numbers')])
    firstCited = render(['--csl', style('vancouver')])
    // pandoc's default style is author–date (Chicago): the same document rendered author–year.
    authorYear = render([])
  })

  it('writes CSL items from the text\'s own list, with the document\'s numbers, and no References section of its own', () => {
    expect(csl).toBeDefined()
    const items = JSON.parse(csl!.content) as Array<{id: string; title: string; 'citation-number': number; 'citation-label': string}>
    expect(items.map((item) => item['citation-number'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(items.map((item) => item['citation-label'])).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'])
    expect(items.map((item) => item.title)).toEqual(titles)
    expect(analysed.markdown).not.toMatch(/^## References/m)
    expect(analysed.markdown).toContain('[@ref-10]')
  })

  it('keeps every number of the document in the rendered citations', () => {
    expect(numbered.status, numbered.stderr).toBe(0)
    expect(numbered.stderr).toBe('')
    expect(pandocCites(JSON.parse(numbered.stdout)).map((cite) => cite.rendered)).toEqual(['(10)', '(3)', '(1,5)', '(2)', '(4,6,7,8,9)'])
  })

  it('lists every reference once, in the document\'s order, with its number and title', () => {
    const entries = listed(JSON.parse(numbered.stdout))
    expect(entries.map((entry) => entry.id)).toEqual(titles.map((_, index) => `ref-${index + 1}`))
    entries.forEach((entry, index) => {
      expect(entry.text.startsWith(`${index + 1}.`), entry.text).toBe(true)
      expect(entry.text).toContain(titles[index])
    })
    expect(collect(JSON.parse(numbered.stdout), 'Header').map((node) => plain((node.c as unknown[])[2]))).not.toContain('References')
  })

  it('shows why: the plain Vancouver style renumbers by first citation', () => {
    expect(firstCited.status, firstCited.stderr).toBe(0)
    expect(pandocCites(JSON.parse(firstCited.stdout))[0]!.rendered).toBe('(1)')
  })

  it('renders the same document in an author–year style, with the authors and years of its list', () => {
    expect(authorYear.status, authorYear.stderr).toBe(0)
    const rendered = pandocCites(JSON.parse(authorYear.stdout)).map((cite) => cite.rendered)
    expect(rendered.slice(0, 4)).toEqual(['(Zorn 2013)', '(Quill and Hale 2004)', '(Arvid and Bolt 2011; Vell and Ostrander 2008)', '(Okafor 2019)'])
    const entries = listed(JSON.parse(authorYear.stdout))
    expect(entries).toHaveLength(10)
    // Chicago writes titles in title case ("Lanterns of the Deep Shelf").
    for (const title of titles) expect(entries.some((entry) => entry.text.toLowerCase().includes(title.toLowerCase())), title).toBe(true)
    expect(rendered.join(' ')).not.toMatch(/\?/)
  })
})

describe.runIf(withPandoc)('pandoc round trip of a document citing out of order, with a bibliography file', () => {
  // The same references as CSL-JSON with author–year ids: numbered by their position in the file.
  const items = entries.map((entry, index) => {
    const [family] = entry.split(' ')
    return {id: `${family!.toLowerCase()}${2000 + index}`, type: 'article-journal', title: titles[index], author: [{family, given: 'A'}], issued: {'date-parts': [[2000 + index]]}}
  })
  const body = text.slice(0, text.indexOf('References'))
  const analysed = analyseText(body, {source: 'shelf.txt', config, bibliography: {source: 'shelf.csl.json', text: JSON.stringify(items)}})
  let run: SpawnSyncReturns<string>

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-pandoc-numbers-bib-'))
    writeFileSync(join(dir, 'shelf.md'), analysed.markdown)
    writeFileSync(join(dir, 'shelf.references.csl.json'), analysed.output.files.find((file) => file.suffix === '.references.csl.json')!.content)
    run = spawnSync('pandoc', ['shelf.md', '--from', 'markdown', '--to', 'json', '--citeproc', '--bibliography', 'shelf.references.csl.json', '--csl', style('vancouver-document-numbers')], {cwd: dir, encoding: 'utf8'})
  })

  it('keeps every number and title of the document', () => {
    expect(run.status, run.stderr).toBe(0)
    const ast = JSON.parse(run.stdout) as unknown
    expect(pandocCites(ast).map((cite) => cite.rendered)).toEqual(['(10)', '(3)', '(1,5)', '(2)', '(4,6,7,8,9)'])
    const listedEntries = listed(ast)
    expect(listedEntries.map((entry) => entry.id)).toEqual(titles.map((_, index) => `ref-${index + 1}`))
    listedEntries.forEach((entry, index) => {
      expect(entry.text.startsWith(`${index + 1}.`), entry.text).toBe(true)
      expect(entry.text).toContain(titles[index])
    })
  })
})

describe.runIf(withPandoc)('pandoc round trip of a Markdown document citing by key (an author–year document)', () => {
  const bibliography = JSON.stringify([
    {id: 'brandt2011', type: 'article-journal', title: 'Lanterns of the deep shelf', author: [{family: 'Brandt', given: 'Q'}], issued: {'date-parts': [[2011]]}},
    {id: 'okafor2009', type: 'article-journal', title: 'Tidal pools and their keepers', author: [{family: 'Okafor', given: 'N'}], issued: {'date-parts': [[2009]]}},
    {id: 'lind2001', type: 'article-journal', title: 'Glass eels in winter', author: [{family: 'Lind', given: 'P'}], issued: {'date-parts': [[2001]]}}
  ])
  const source = '# Shelves\n\nDeep shelves were mapped first [see @lind2001, p. 3; @brandt2011].\n\n@okafor2009 compared them with tidal pools, as she had before [-@okafor2009].\n'
  const analysed = analyseText(source, {source: 'shelf.md', config, bibliography: {source: 'shelf.csl.json', text: bibliography}})
  let run: SpawnSyncReturns<string>

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-pandoc-keys-'))
    writeFileSync(join(dir, 'shelf.md'), analysed.markdown)
    writeFileSync(join(dir, 'shelf.references.csl.json'), analysed.output.files.find((file) => file.suffix === '.references.csl.json')!.content)
    run = spawnSync('pandoc', ['shelf.md', '--from', 'markdown', '--to', 'json', '--citeproc', '--bibliography', 'shelf.references.csl.json'], {cwd: dir, encoding: 'utf8'})
  })

  it('renders each citation in the form the input wrote it: prefix, locator, in-text, author left out', () => {
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).toBe('')
    expect(pandocCites(JSON.parse(run.stdout)).map((cite) => cite.rendered)).toEqual(['(see Lind 2001, 3; Brandt 2011)', 'Okafor (2009)', '(2009)'])
  })

  it('lists the three works once, with their titles', () => {
    const entries = listed(JSON.parse(run.stdout))
    expect(entries.map((entry) => entry.id).sort()).toEqual(['ref-1', 'ref-2', 'ref-3'])
    for (const title of ['Lanterns of the Deep Shelf', 'Tidal Pools and Their Keepers', 'Glass Eels in Winter']) expect(entries.some((entry) => entry.text.includes(title)), title).toBe(true)
  })
})
