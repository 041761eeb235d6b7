import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildPrivateCli} from '../hostile/private-cli.js'

/*
 * What a run loads, seen from outside: the CLI, built from this tree into a folder of its own (another
 * test file may be rebuilding dist/ meanwhile), runs with an `--import`
 * hook that records the URL of every ES module resolved and, at exit, every CommonJS module in the
 * require cache (ajv, tinypool's dependencies, yaml are CommonJS or reached through it).
 */
const folders: string[] = []
let bin = ''
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'citeclaim-lazy-cli-'))
  folders.push(dir)
  bin = buildPrivateCli(dir).bin
}, 120_000)
const hooks = `
import {appendFileSync} from 'node:fs'
let log
export function initialize(data) { log = data.log }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  appendFileSync(log, result.url + '\\n')
  return result
}`
const recorder = (log: string): string =>
  'data:text/javascript,' +
  encodeURIComponent(`
import {register, createRequire} from 'node:module'
import {appendFileSync} from 'node:fs'
register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(hooks))}, {data: {log: ${JSON.stringify(log)}}})
process.on('exit', () => appendFileSync(${JSON.stringify(log)}, Object.keys(createRequire(${JSON.stringify(bin)}).cache).join('\\n') + '\\n'))
`)

/** The page modules of the evidence map and what they load. */
const htmlModules = /\/node_modules\/(?:hastscript|hast-util-to-html|property-information)\/|\/dist\/emit\/html\/(?:document-page|page|corpus-page|reading-view|matrix-table)\.js$/m

afterAll(() => {
  for (const folder of folders) rmSync(folder, {recursive: true, force: true})
})

/** An invented review as text, or as Markdown with a title in YAML front matter. */
const review = (i: number, markdown: boolean): string =>
  (markdown ? `---\ntitle: Review ${i}\n---\n\n# Introduction\n\n` : 'Introduction\n\n') + `Mesenchymal stem cells reduced fibrosis in mice [1].\n\n${markdown ? '# ' : ''}References\n\n1. Smith J. Cells in mice. J Test. 2020;${i}:1-2.\n`

/** A project folder with `documents` invented reviews and a config naming `outputs`; runs the CLI in it and returns what it loaded. */
function run(outputs: string[], options: {documents?: number; concurrency?: number; markdown?: boolean} = {}): {status: number | null; stderr: string; loaded: string; written: string[]} {
  const dir = mkdtempSync(join(tmpdir(), 'citeclaim-lazy-'))
  folders.push(dir)
  writeFileSync(join(dir, 'pipeline.config.ts'), `export default {outputs: ${JSON.stringify(outputs)}, concurrency: ${options.concurrency ?? 0}}\n`)
  mkdirSync(join(dir, 'input'))
  for (let i = 0; i < (options.documents ?? 1); i++) {
    writeFileSync(join(dir, 'input', `review-${i}.${options.markdown ? 'md' : 'txt'}`), review(i, options.markdown ?? false))
  }
  const log = join(dir, 'loaded.txt')
  const result = spawnSync(process.execPath, ['--import', recorder(log), bin, 'run', '--force', '--quiet'], {cwd: dir, encoding: 'utf8', env: {...process.env, CI: 'true', NO_COLOR: '1'}})
  const out = join(dir, 'output')
  return {status: result.status, stderr: result.stderr, loaded: existsSync(log) ? readFileSync(log, 'utf8') : '', written: existsSync(out) ? readdirSync(out).filter((name) => !name.startsWith('.')).sort() : []}
}

describe('a one-document run loads only what its outputs need (built CLI)', () => {
  it('without html among the outputs: no HTML module, no worker pool, no schema compiler, no Markdown, YAML or pattern parser', () => {
    // The first run with these patterns may check them (and remember that they passed); this one need not.
    run(['json', 'md'])
    const {status, stderr, loaded, written} = run(['json', 'md'])
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(written).toEqual(['claims.jsonl', 'index.json', 'review-0.json', 'review-0.md'])
    // The hook saw the run: the pipeline's own modules are there.
    expect(loaded).toMatch(/\/dist\/pipeline\.js$/m)
    expect(loaded).not.toMatch(htmlModules)
    // One document is analysed in this thread: tinypool is not even loaded.
    expect(loaded).not.toMatch(/\/node_modules\/tinypool\//)
    // A text file needs neither the Markdown parser nor, having no front matter, the YAML parser.
    expect(loaded).not.toMatch(/\/node_modules\/(?:remark-parse|micromark-core-commonmark|remark-frontmatter)\//)
    // The YAML parser is not loaded either. jiti comes through its
    // CommonJS entry, not the ES module one that makes Node parse its bundle for named exports.
    expect(loaded).not.toMatch(/\/node_modules\/yaml\//)
    expect(loaded).toMatch(/\/node_modules\/jiti\/dist\/jiti\.cjs$/m)
    expect(loaded).not.toMatch(/\/node_modules\/jiti\/lib\/jiti\.mjs$/m)
    // The config's patterns passed the checks in the run before: none is parsed again.
    expect(loaded).not.toMatch(/\/node_modules\/@eslint-community\/regexpp\/index\.m?js$/m)
    // The config is checked by the generated validator: ajv's compiler is never loaded (the
    // CommonJS modules are recorded: the validator's runtime helper is there).
    expect(loaded).toMatch(/\/node_modules\/ajv\/dist\/runtime\/ucs2length\.js$/m)
    expect(loaded).not.toMatch(/\/node_modules\/ajv\/dist\/(?:ajv|core|compile\/index)\.js$/m)
  })

  it('with html and a Markdown document: the page modules, the Markdown and YAML parsers are loaded, the page written and the document read', () => {
    // One run for what each part loads: the page code for html, the parsers for a Markdown document.
    const {status, stderr, loaded, written} = run(['json', 'html'], {markdown: true})
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(written).toEqual(['claims.jsonl', 'index.html', 'index.json', 'review-0.html', 'review-0.json'])
    expect(loaded).toMatch(/\/node_modules\/hast-util-to-html\//)
    expect(loaded).toMatch(/\/dist\/emit\/html\/document-page\.js$/m)
    expect(readFileSync(join(folders.at(-1)!, 'output', 'review-0.html'), 'utf8')).toMatch(/^<!doctype html>[^]*Mesenchymal stem cells[^]*<\/html>\n$/)
    expect(loaded).toMatch(/\/node_modules\/remark-parse\//)
    expect(loaded).toMatch(/\/node_modules\/yaml\//)
    const record = JSON.parse(readFileSync(join(folders.at(-1)!, 'output', 'review-0.json'), 'utf8')) as {document: {title?: string}; citationGroups: unknown[]}
    expect(record.document.title).toBe('Review 0')
    expect(record.citationGroups).toHaveLength(1)
  })

  it('with html and Markdown documents on worker threads: each worker prepares the page code and loads the parser before its first document', () => {
    // Both preparations in one pool: a worker missing either fails its documents (stderr, exit code, files).
    const {status, stderr, written} = run(['json', 'md', 'html'], {documents: 3, concurrency: 2, markdown: true})
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(written).toEqual(['claims.jsonl', 'index.html', 'index.json', 'review-0.html', 'review-0.json', 'review-0.md', 'review-1.html', 'review-1.json', 'review-1.md', 'review-2.html', 'review-2.json', 'review-2.md'])
  })
})
