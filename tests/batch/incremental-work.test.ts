import {appendFileSync, existsSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import type {CorpusDocument} from '../../src/batch/corpus.js'
import {writeCorpusUnlessUnchanged} from '../../src/batch/corpus-unchanged.js'
import {readStamps, stampsPath, type CorpusRecord} from '../../src/batch/file-stamps.js'
import {shippedConfig} from '../helpers/analyse.js'
import {makeProject, run, type Project} from './corpus-fixture.js'

// Counts how often the corpus files are rebuilt (every rebuild goes through `writeCorpusInOrder`) and
// the corpus page drawn, without changing what either does.
const calls = vi.hoisted(() => ({corpus: 0, page: 0, sized: 0}))
// Records the source of every input read.
const reads = vi.hoisted(() => [] as string[])
vi.mock('../../src/batch/read-input.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/batch/read-input.js')>()
  return {...original, readInput: (input: Parameters<typeof original.readInput>[0]) => (reads.push(input.source), original.readInput(input))}
})
vi.mock('../../src/batch/corpus.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/batch/corpus.js')>()
  return {...original, writeCorpusInOrder: (...args: Parameters<typeof original.writeCorpusInOrder>) => (calls.corpus++, original.writeCorpusInOrder(...args))}
})
// Counts the inputs whose size is looked up to size the worker pool.
vi.mock('../../src/batch/worker-count.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/batch/worker-count.js')>()
  return {...original, workSizes: (documents: Parameters<typeof original.workSizes>[0]) => ((calls.sized += documents.length), original.workSizes(documents))}
})
vi.mock('../../src/emit/html/corpus-page.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/emit/html/corpus-page.js')>()
  class CountedCorpusPage extends original.CorpusPage {
    override html(): string {
      calls.page++
      return super.html()
    }
  }
  return {...original, CorpusPage: CountedCorpusPage}
})

const projects: Project[] = []
beforeEach(() => {
  calls.corpus = 0
  calls.page = 0
  calls.sized = 0
  reads.length = 0
})
afterEach(() => {
  for (const made of projects.splice(0)) rmSync(made.root, {recursive: true, force: true})
})

/** A project run once with the shipped config (all four outputs, the corpus page among them). */
async function ranOnce(): Promise<Project> {
  const p = makeProject(2)
  projects.push(p)
  await run(p)
  return p
}

/** Dates the stamps file later than every output: they are vouched for (git's racy-timestamp rule). */
function dateStamps(p: Project): void {
  const later = Date.now() / 1000 + 5
  utimesSync(stampsPath(p.out), later, later)
}

const corpusNames = ['index.json', 'claims.jsonl', 'index.html']
const identity = (p: Project): string[] => corpusNames.map((name) => {
  const info = statSync(join(p.out, name), {bigint: true})
  return `${name} ${info.ino} ${info.mtimeNs}`
})

describe('work of an incremental run with the corpus page on', () => {
  it('an unchanged rerun analyses nothing, hashes no output, looks at no input size, and neither rebuilds nor rewrites a corpus file', async () => {
    const p = await ranOnce()
    expect(calls).toMatchObject({corpus: 1, page: 1})
    dateStamps(p)
    const before = identity(p)
    calls.corpus = calls.page = calls.sized = 0
    const rerun = await run(p, {concurrency: 0})
    expect(rerun).toMatchObject({documents: 5, analysed: 0, skipped: 5, changed: [], hashed: 0, workers: 0})
    expect(calls).toEqual({corpus: 0, page: 0, sized: 0})
    expect(identity(p)).toEqual(before)
    expect((await readStamps(p.out)).corpus?.page).toMatch(/^[0-9a-f]{64}$/)
  })

  it('a one-changed rerun analyses exactly that document, in this thread, and rebuilds the corpus files once', async () => {
    const p = await ranOnce()
    dateStamps(p)
    const page = readFileSync(join(p.out, 'index.html'), 'utf8')
    calls.corpus = calls.page = calls.sized = 0
    appendFileSync(join(p.input, 'seed-1.txt'), '\nMesenchymal stem cells reduced fibrosis in mice [1].\n')
    const rerun = await run(p, {concurrency: 0})
    expect(rerun).toMatchObject({analysed: 1, skipped: 4, workers: 0, hashed: 0})
    // The pool is sized by the one document that needs work.
    expect(calls.sized).toBe(1)
    expect(rerun.changed).toEqual(expect.arrayContaining([join(p.out, 'seed-1.json'), join(p.out, 'index.json'), join(p.out, 'claims.jsonl'), join(p.out, 'index.html')]))
    expect(calls).toMatchObject({corpus: 1, page: 1})
    expect(readFileSync(join(p.out, 'index.html'), 'utf8')).not.toBe(page)
    // and the next run, with nothing changed, leaves the new page alone
    dateStamps(p)
    calls.corpus = calls.page = 0
    expect(await run(p)).toMatchObject({analysed: 0, changed: [], hashed: 0})
    expect(calls).toMatchObject({corpus: 0, page: 0})
  })

  it('reads a new document once, and each unchanged one once to see that it is unchanged', async () => {
    const p = await ranOnce()
    dateStamps(p)
    writeFileSync(join(p.input, 'tiny-new.txt'), 'Induced pluripotent stem cells formed teratomas in mice [1].\n')
    reads.length = 0
    expect(await run(p)).toMatchObject({documents: 6, analysed: 1, skipped: 5})
    const sources = reads.map((source) => source.split('/').at(-1)).sort()
    expect(sources).toHaveLength(6)
    expect(new Set(sources).size).toBe(6)
    expect(sources).toContain('tiny-new.txt')
  })

  it('rewrites a corpus page that was deleted or edited, and nothing else', async () => {
    const p = await ranOnce()
    const path = join(p.out, 'index.html')
    const page = readFileSync(path, 'utf8')
    for (const damage of [() => unlinkSync(path), () => writeFileSync(path, page.replace('<body', '<body data-edited'))]) {
      dateStamps(p)
      damage()
      calls.corpus = calls.page = 0
      const rerun = await run(p)
      expect(rerun).toMatchObject({analysed: 0, skipped: 5, changed: [path]})
      expect(calls).toMatchObject({corpus: 1, page: 1})
      expect(existsSync(path) && readFileSync(path, 'utf8')).toBe(page)
    }
  })

  it('deletes the corpus page it wrote once the outputs no longer name html, and leaves one edited since', async () => {
    const withoutHtml = {...shippedConfig, outputs: shippedConfig.outputs.filter((name) => name !== 'html')}
    for (const edited of [false, true]) {
      const p = await ranOnce()
      const path = join(p.out, 'index.html')
      if (edited) writeFileSync(path, readFileSync(path, 'utf8').replace('<body', '<body data-edited'))
      const rerun = await run(p, {config: withoutHtml})
      expect(rerun.removed.includes(path)).toBe(!edited)
      expect(existsSync(path)).toBe(edited)
      expect(existsSync(join(p.out, 'seed-1.html'))).toBe(false)
      // No longer recorded: a later run with html writes it again, and one without leaves it.
      expect((await run(p, {config: withoutHtml})).removed).toEqual([])
    }
  })

  it('a check compares the corpus page byte for byte, whatever the stamps say', async () => {
    const p = await ranOnce()
    const path = join(p.out, 'index.html')
    dateStamps(p)
    writeFileSync(path, readFileSync(path, 'utf8').replace('<body', '<body data-edited'))
    const check = await run(p, {check: true})
    expect(check.changed).toEqual([path])
  })
})

const sha = (n: number): string => String(n).repeat(64).slice(0, 64)

/** Documents whose JSON files do not exist: rebuilding the corpus from them reports each as a problem. */
function documents(list: Array<[string, string]>, out: string): CorpusDocument[] {
  return list.map(([id, jsonSha256]) => ({id, jsonPath: join(out, id + '.json'), cache: {out, jsonSha256, corpusSha256: sha(9), jsonVerified: true}}))
}
async function* stream<T>(items: T[]): AsyncGenerator<T> {
  yield* items
}

describe('corpus record with the page and the pipeline version', () => {
  const record: CorpusRecord = {documents: [['a', sha(1)], ['b', sha(2)]], index: sha(3), claims: sha(4), pipeline: '1.0.0+0123456789abcdef', page: sha(5)}
  const attempt = async (previous: CorpusRecord, options: {page: boolean; pipeline: string; content?: (name: string) => boolean}): Promise<{asked: string[]; rebuilt: boolean; result?: unknown}> => {
    const asked: string[] = []
    const problems: string[] = []
    const result = await writeCorpusUnlessUnchanged('/nonexistent-out', stream(documents(previous.documents, '/nonexistent-out')), {
      previous,
      page: options.page,
      pipeline: options.pipeline,
      dryRun: true,
      hasContent: async (name, sha256) => (asked.push(`${name} ${sha256}`), options.content?.(name) ?? true),
      onProblem: (path) => void problems.push(path)
    }).catch(() => undefined)
    return {asked, rebuilt: problems.length > 0, result}
  }

  it('leaves the corpus alone when the page, too, is what was written by the same pipeline', async () => {
    const {asked, rebuilt, result} = await attempt(record, {page: true, pipeline: record.pipeline!})
    expect(rebuilt).toBe(false)
    expect(asked).toEqual([`index.json ${sha(3)}`, `claims.jsonl ${sha(4)}`, `index.html ${sha(5)}`])
    expect(result).toEqual({changed: [], record})
  })

  it('rebuilds when the page was edited, was not written last time, or another pipeline made the corpus', async () => {
    const {page: _page, ...withoutPage} = record
    const cases = [
      {previous: record, page: true, pipeline: record.pipeline!, content: (name: string) => name !== 'index.html'},
      {previous: withoutPage, page: true, pipeline: record.pipeline!},
      {previous: record, page: true, pipeline: '1.0.0+fedcba9876543210'},
      {previous: record, page: false, pipeline: '1.0.0+fedcba9876543210'}
    ]
    for (const {previous, ...options} of cases) expect((await attempt(previous, options)).rebuilt, JSON.stringify(options)).toBe(true)
  })

  it('without the page, does not ask for it and records no page', async () => {
    const {asked, rebuilt, result} = await attempt(record, {page: false, pipeline: record.pipeline!})
    expect(rebuilt).toBe(false)
    expect(asked).toEqual([`index.json ${sha(3)}`, `claims.jsonl ${sha(4)}`])
    const {page: _page, ...withoutPage} = record
    expect(result).toEqual({changed: [], record: withoutPage})
  })

  it('reads a stamps file whose corpus record has a page and a pipeline, and none with a malformed one', async () => {
    const p = makeProject(0)
    projects.push(p)
    await run(p)
    const stamps = JSON.parse(readFileSync(stampsPath(p.out), 'utf8')) as {corpus: CorpusRecord}
    expect(stamps.corpus).toMatchObject({page: expect.stringMatching(/^[0-9a-f]{64}$/), pipeline: expect.stringMatching(/\+[0-9a-f]{16}$/)})
    for (const corpus of [{...stamps.corpus, page: 'not a hash'}, {...stamps.corpus, pipeline: 'a/b'}, {...stamps.corpus, extra: 1}]) {
      writeFileSync(stampsPath(p.out), JSON.stringify({...stamps, corpus}))
      expect((await readStamps(p.out)).stamps.size, JSON.stringify(corpus)).toBe(0)
    }
  })
})
