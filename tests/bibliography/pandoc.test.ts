import {spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import type {ResolvedConfig} from '../../src/config/types.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'
import {runsWith} from '../helpers/requires.js'
import {collect, pandocCites, plain, type PandocNode} from '../helpers/pandoc-ast.js'

// Runs Debian's pandoc on the annotated Markdown. Without pandoc on the PATH these tests are skipped,
// saying why; with CI set they run anyway and fail, since CI installs pandoc (.ci/run).
const withPandoc = runsWith('pandoc', 'apt-get install -y pandoc')
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/ohip-nl/${name}`, import.meta.url), 'utf8')
const vancouver = fileURLToPath(new URL('../../styles/vancouver.csl', import.meta.url))
const config: ResolvedConfig = {...shippedConfig, citations: {...shippedConfig.citations, markdownStyle: 'pandoc'}}
const titles = new Map((JSON.parse(fixture('example.csl.json')) as Array<{id: string; title: string}>).map((item) => [item.id, item.title]))

/** `(7–12)`, `(18,19)`, `(1,3–5)` → the numbers they stand for. */
function expand(rendered: string): number[] {
  const inner = /^\((.*)\)$/.exec(rendered.trim())?.[1] ?? ''
  return inner.split(',').flatMap((part) => {
    const [from, to] = part.split(/[–-]/).map((n) => Number(n.trim()))
    return Array.from({length: (to ?? from!) - from! + 1}, (_, index) => from! + index)
  })
}

const normalize = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[‘’']/g, "'").replace(/[^a-z0-9']+/g, ' ').trim()

describe.runIf(withPandoc)('pandoc round trip of the annotated Markdown (pandoc citation style)', () => {
  let record: ReturnType<typeof analyseText>['record']
  let markdown: string
  let run: SpawnSyncReturns<string>

  beforeAll(() => {
    const analysed = analyseText(fixture('input.txt'), {source: 'ohip.txt', config, bibliography: {source: 'ohip.csl.json', text: fixture('example.csl.json')}})
    record = analysed.record
    markdown = analysed.markdown
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-pandoc-'))
    writeFileSync(join(dir, 'ohip.md'), markdown)
    writeFileSync(join(dir, 'ohip.references.csl.json'), analysed.output.files.find((file) => file.suffix === '.references.csl.json')!.content)
    run = spawnSync('pandoc', ['ohip.md', '--from', 'markdown', '--to', 'json', '--citeproc', '--bibliography', 'ohip.references.csl.json', '--csl', vancouver], {cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  })

  it('runs pandoc (installed by .ci/run; install it with `apt-get install -y pandoc`)', () => {
    expect(run.error?.message ?? '', 'pandoc could not be run: is it installed?').toBe('')
    expect(run.status, run.stderr).toBe(0)
    expect(run.stderr).not.toMatch(/not found/i)
  })

  it('reads every citation group of the Markdown as a pandoc citation of the same references, in the same order', () => {
    const ast = JSON.parse(run.stdout) as {blocks: unknown}
    const cites = pandocCites(ast.blocks)
    const written = [...markdown.matchAll(/\[(@ref-\d+(?:; @ref-\d+)*)\]/g)].map((match) => match[1]!.split('; ').map((key) => key.slice(1)))
    expect(cites.map((cite) => cite.ids)).toEqual(written)
    // The body's groups come first, in document order, each with its own numbers.
    const body = record.citationGroups.filter((group) => group.valid)
    expect(body).toHaveLength(34)
    expect(cites.slice(0, body.length).map((cite) => cite.ids)).toEqual(body.map((group) => group.numbers.map((n) => `ref-${n}`)))
  })

  it('renders each citation with the same numbers as the document (Vancouver numbers by first citation)', () => {
    const ast = JSON.parse(run.stdout) as {blocks: unknown}
    for (const node of collect(ast.blocks, 'Cite')) {
      const [citations, rendered] = node.c as [Array<{citationId: string}>, unknown]
      const numbers = citations.map((citation) => Number(citation.citationId.replace('ref-', ''))).sort((a, b) => a - b)
      expect(expand(plain(rendered)), plain(rendered)).toEqual(numbers)
    }
  })

  it('lists the same references, numbered and titled as in the document', () => {
    const ast = JSON.parse(run.stdout) as {blocks: unknown}
    const refs = collect(ast.blocks, 'Div').find((node) => (node.c as [[string]])[0][0] === 'refs')
    expect(refs).toBeDefined()
    const entries = ((refs!.c as [unknown, PandocNode[]])[1]).filter((node) => node.t === 'Div')
    const listed = entries.map((node) => {
      const id = (node.c as [[string]])[0][0].replace(/^ref-/, '')
      return {id, text: plain((node.c as [unknown, unknown])[1])}
    })
    expect(listed).toHaveLength(31)
    expect(listed.map((entry) => entry.id)).toEqual(record.references.map((reference) => `ref-${reference.number}`))
    for (const entry of listed) {
      const number = Number(entry.id.replace('ref-', ''))
      expect(entry.text.trim().startsWith(`${number}.`), entry.text).toBe(true)
      expect(normalize(entry.text)).toContain(normalize(titles.get(entry.id)!))
    }
  })
})
