import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {mergeOutputs} from '../../src/batch/merge-outputs.js'
import {runBatch, type RunOptions} from '../../src/batch/run-batch.js'
import type {DiagnosticRecord} from '../../src/emit/document.js'
import {shippedConfig} from '../helpers/analyse.js'
import {schemaErrorsOf} from '../helpers/schema.js'

/*
 * What a run does with an output folder that citeclaim 1.0.0 wrote (schemaVersion 1):
 * tests/fixtures/v1-output holds its outputs and cache for two small inputs, made by that version.
 */

const fixture = new URL('../fixtures/v1-output/', import.meta.url).pathname
const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, {recursive: true, force: true})
})

/** A copy of the fixture: `in/`, and `out/` as v1 left it, with its cache folder unless `cache` is false. */
function v1Folder(cache = true): {root: string; out: string} {
  const root = mkdtempSync(join(tmpdir(), 'citeclaim-v1-'))
  roots.push(root)
  cpSync(join(fixture, 'in'), join(root, 'in'), {recursive: true})
  cpSync(join(fixture, 'out'), join(root, 'out'), {recursive: true})
  if (cache) cpSync(join(fixture, 'cache'), join(root, 'out', '.citeclaim-cache'), {recursive: true})
  return {root, out: join(root, 'out')}
}

async function run(root: string, paths: string[], options: Partial<RunOptions> = {}) {
  const diagnostics: Array<{file: string} & DiagnosticRecord> = []
  const result = await runBatch({paths, config: shippedConfig, out: join(root, 'out'), cwd: root, concurrency: 1, onDiagnostic: (file, diagnostic) => diagnostics.push({file, ...diagnostic}), ...options})
  return {result, diagnostics}
}

const read = (path: string): string => readFileSync(path, 'utf8')
const recordVersion = (path: string): unknown => (JSON.parse(read(path)) as {schemaVersion?: unknown}).schemaVersion

/** Schema problems of the corpus files of `out`: [] when index.json and every claims.jsonl row are v2. */
function corpusProblems(out: string): string[] {
  const rows = read(join(out, 'claims.jsonl')).split('\n').slice(0, -1)
  return [...schemaErrorsOf('index', JSON.parse(read(join(out, 'index.json')))), ...rows.flatMap((row) => schemaErrorsOf('claimsRow', JSON.parse(row)))]
}

describe('an output folder of schemaVersion 1', () => {
  it('is the fixture v1 wrote: the records, index and rows of version 1', () => {
    expect(recordVersion(join(fixture, 'out/alpha.json'))).toBe(1)
    expect(corpusProblems(join(fixture, 'out'))).not.toEqual([])
  })

  for (const cache of [true, false]) {
    it(`is rewritten as version 2 by a run over its inputs (${cache ? 'with' : 'without'} v1's cache folder), not refused as someone else's files`, async () => {
      const {root, out} = v1Folder(cache)
      const {result, diagnostics} = await run(root, ['in'])
      expect(diagnostics).toEqual([])
      expect(result).toMatchObject({documents: 2, analysed: 2, skipped: 0, errors: 0})
      for (const id of ['alpha', 'beta']) {
        expect(recordVersion(join(out, `${id}.json`))).toBe(2)
        expect(schemaErrorsOf('document', JSON.parse(read(join(out, `${id}.json`))))).toEqual([])
        // The annotated Markdown has no schema version: v1's is what v2 writes.
        expect(read(join(out, `${id}.md`))).toBe(read(join(fixture, 'out', `${id}.md`)))
      }
      expect(corpusProblems(out)).toEqual([])
      expect(read(join(out, 'claims.jsonl')).split('\n')).toHaveLength(4)
    })
  }

  it('has its stale records reported and left out of the corpus by a run over other inputs: v1 corpus caches are not used', async () => {
    const {root, out} = v1Folder()
    const {result, diagnostics} = await run(root, ['in/alpha.txt'])
    expect(result).toMatchObject({documents: 1, analysed: 1, errors: 0, warnings: 1})
    expect(diagnostics).toEqual([
      {file: join(out, 'beta.json'), severity: 'warning', code: 'output-stale', message: expect.stringMatching(/is a citeclaim record of schemaVersion 1, .*run citeclaim on its input again/), start: null}
    ])
    // beta.json is left as v1 wrote it until its input is run; the corpus holds only version 2 rows.
    expect(read(join(out, 'beta.json'))).toBe(read(join(fixture, 'out/beta.json')))
    expect(corpusProblems(out)).toEqual([])
    expect((JSON.parse(read(join(out, 'index.json'))) as {documents: Array<{id: string}>}).documents.map((entry) => entry.id)).toEqual(['alpha'])
    const rewritten = await run(root, ['in'])
    expect(rewritten.diagnostics).toEqual([])
    expect(recordVersion(join(out, 'beta.json'))).toBe(2)
    expect((JSON.parse(read(join(out, 'index.json'))) as {documents: Array<{id: string}>}).documents.map((entry) => entry.id)).toEqual(['alpha', 'beta'])
  })

  it('is out of date for --check, which lists every v1 JSON file', async () => {
    const {root, out} = v1Folder()
    const {result} = await run(root, ['in'], {check: true})
    // And what v1 did not write: the CSL items of each input's own reference list, and the evidence map the shipped config writes.
    expect(result.changed.map((path) => path.slice(out.length + 1)).sort()).toEqual(['alpha.html', 'alpha.json', 'alpha.references.csl.json', 'beta.html', 'beta.json', 'beta.references.csl.json', 'claims.jsonl', 'index.html', 'index.json'])
  })

  it('is refused record by record by merge, which names each stale record and writes a corpus of version 2', async () => {
    const {root} = v1Folder()
    const problems: string[] = []
    const merged = join(root, 'merged')
    const result = await mergeOutputs({dirs: [join(root, 'out')], out: merged, onProblem: (path, message, code) => problems.push(`${path.slice(root.length + 1)} ${code} ${message}`)})
    expect(result.problems).toBe(2)
    expect(problems).toEqual(['alpha', 'beta'].map((id) => expect.stringMatching(new RegExp(`^merged/${id}\\.json merge-unreadable .*schemaVersion 1, written by an older citeclaim`))))
    expect(corpusProblems(merged)).toEqual([])
  })

  it('loses the outputs of an input that is gone, found by their v1 records when there is no manifest', async () => {
    const {root, out} = v1Folder(false)
    unlinkSync(join(root, 'in/beta.txt'))
    const {result} = await run(root, ['in'])
    expect(result.removed.map((path) => path.slice(out.length + 1)).sort()).toEqual(['beta.json', 'beta.md'])
    expect(existsSync(join(out, 'beta.json'))).toBe(false)
    expect(corpusProblems(out)).toEqual([])
  })
})
