import {spawnSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {schemaErrorsOf} from '../helpers/schema.js'
import {outputProblems, snapshot} from '../hostile/output-checks.js'
import {buildPrivateCli, repo} from '../hostile/private-cli.js'

/*
 * Runs the built CLI over the seed, the example reviews kept in tests/fixtures (with each kind of
 * bibliography, and with a printed reference list only) and, where this machine has them, the
 * shared examples, then validates every file it wrote against the JSON Schema shipped for it.
 */

const fixtures = join(repo, 'tests/fixtures')
const sharedExamples = '/work/shared/examples'
const seedId = '000_a1b4395412355638'

/** Inputs as [file name in the input folder, path to copy from]. */
function inputs(): Array<[string, string]> {
  const list: Array<[string, string]> = [
    [`${seedId}.txt`, join(repo, 'input', `${seedId}.txt`)],
    ['ohip-csl.txt', join(fixtures, 'ohip-nl/input.txt')],
    ['ohip-csl.csl.json', join(fixtures, 'ohip-nl/references.csl.json')],
    ['ohip-bib.txt', join(fixtures, 'ohip-nl/input.txt')],
    ['ohip-bib.bib', join(fixtures, 'ohip-nl/references.bib')],
    ['ohip-ris.txt', join(fixtures, 'ohip-nl/input.txt')],
    ['ohip-ris.ris', join(fixtures, 'ohip-nl/references.ris')],
    ['ohip-list.txt', join(fixtures, 'ohip-nl/with-reference-list.txt')],
    ['wiki-haematopoiesis.md', join(fixtures, 'wiki-haematopoiesis/input.md')]
  ]
  if (existsSync(sharedExamples)) {
    for (const name of readdirSync(sharedExamples).sort()) {
      const dir = join(sharedExamples, name)
      const document = ['input.txt', 'input.md'].find((file) => existsSync(join(dir, file)))
      if (!document) continue
      list.push([`shared-${name}${document.slice('input'.length)}`, join(dir, document)])
      if (existsSync(join(dir, 'references.csl.json'))) list.push([`shared-${name}.csl.json`, join(dir, 'references.csl.json')])
    }
  }
  return list
}

let work: string
let out: string
let documents: number
let bibliographies: number
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'citeclaim-schemas-'))
  const cli = buildPrivateCli(join(work, 'cli'))
  mkdirSync(join(work, 'in'))
  const list = inputs()
  for (const [name, from] of list) copyFileSync(from, join(work, 'in', name))
  documents = list.filter(([name]) => /\.(?:txt|md)$/.test(name)).length
  bibliographies = list.filter(([name]) => /\.(?:csl\.json|bib|ris)$/.test(name)).length
  out = join(work, 'out')
  const run = spawnSync(process.execPath, [cli.bin, 'run', 'in', '--out', 'out', '--config', cli.config, '--quiet'], {cwd: work, encoding: 'utf8'})
  expect(run.status, run.stderr).toBe(0)
}, 300_000)
afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

describe('every file citeclaim writes', () => {
  it('validates against its shipped JSON Schema: records, index.json, claims.jsonl rows, CSL-JSON, corpus caches', () => {
    const files = snapshot(out)
    // Every kind of file is there, so the validation below is not vacuous.
    expect([...files.keys()].filter((name) => /^[^/]+\.json$/.test(name) && !name.endsWith('.csl.json') && name !== 'index.json')).toHaveLength(documents)
    // One per bibliography file, and one per document with a printed list of its own, its cited
    // entries read into CSL: ohip-list.txt's under "References", and the wiki page's endnotes.
    const printedLists = ['ohip-list', 'wiki-haematopoiesis', ...(existsSync(join(sharedExamples, 'wiki-haematopoiesis/input.md')) ? ['shared-wiki-haematopoiesis'] : [])]
    expect([...files.keys()].filter((name) => name.endsWith('.references.csl.json'))).toHaveLength(bibliographies + printedLists.length)
    for (const id of printedLists) expect(files.has(`${id}.references.csl.json`), id).toBe(true)
    expect(files.has('index.json')).toBe(true)
    expect(files.get('claims.jsonl')!.toString('utf8').split('\n').length).toBeGreaterThan(documents)
    expect([...files.keys()].filter((name) => name.startsWith('.citeclaim-cache/corpus/'))).toHaveLength(documents)
    expect(outputProblems(files)).toEqual({problems: [], temps: []})
  })

  it('keeps the seed record within 6 times the size of its input', () => {
    const input = statSync(join(work, 'in', `${seedId}.txt`)).size
    const record = statSync(join(out, `${seedId}.json`)).size
    expect(record).toBeLessThanOrEqual(6 * input)
  })

  it('is told apart from the files of schemaVersion 1 by the schemas', () => {
    const v1 = join(fixtures, 'v1-output/out')
    expect(schemaErrorsOf('document', JSON.parse(readFileSync(join(v1, 'alpha.json'), 'utf8')))).not.toEqual([])
    expect(schemaErrorsOf('index', JSON.parse(readFileSync(join(v1, 'index.json'), 'utf8')))).not.toEqual([])
    expect(schemaErrorsOf('claimsRow', JSON.parse(readFileSync(join(v1, 'claims.jsonl'), 'utf8').split('\n')[0]!))).not.toEqual([])
  })
})
