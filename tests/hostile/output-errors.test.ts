import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {runBatch} from '../../src/batch/run-batch.js'
import type {DiagnosticRecord} from '../../src/emit/document.js'
import {shippedConfig} from '../helpers/analyse.js'
import {stackLine} from './catalogue.js'
import {outputProblems, snapshot} from './output-checks.js'
import {buildPrivateCli, type PrivateCli} from './private-cli.js'

/*
 * Outputs that cannot be written, and documents whose analysis fails: a clear diagnostic, never an
 * internal error, and the other documents still written.
 */

// A document named `boom` makes analysis throw, the way a bug in a stage would (the batch imports
// the analysis module lazily, in this thread when it runs one document at a time).
vi.mock('../../src/batch/analyse-task.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/batch/analyse-task.js')>()
  return {
    ...original,
    analyseAndWrite: (...args: Parameters<typeof original.analyseAndWrite>) => {
      if (args[0].id === 'boom') throw new TypeError('Cannot read properties of undefined (reading "start")')
      return original.analyseAndWrite(...args)
    }
  }
})

let work: string
let cli: PrivateCli

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'citeclaim-output-errors-'))
  cli = buildPrivateCli(join(work, 'cli'))
})
afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

/** A fresh folder with `in/good.txt` and `in/other.txt`. */
function scratch(name: string): string {
  const dir = join(work, name)
  mkdirSync(join(dir, 'in'), {recursive: true})
  writeFileSync(join(dir, 'in', 'good.txt'), 'Mesenchymal stem cells repair tissue [1].\n')
  writeFileSync(join(dir, 'in', 'other.txt'), 'Hematopoietic stem cells reconstitute the marrow [2].\n')
  return dir
}

function runCli(dir: string, out: string): {status: number | null; stderr: string} {
  const result = spawnSync(process.execPath, [cli.bin, 'run', 'in', '--out', out, '--config', cli.config, '--quiet'], {cwd: dir, encoding: 'utf8', timeout: 300_000}) // only a hang, even on a loaded machine
  return {status: result.status, stderr: result.stderr}
}

describe('an output folder that cannot be created', () => {
  it('is one output-unwritable error with exit code 2 when the path is a file, and nothing is written', () => {
    const dir = scratch('out-is-file')
    writeFileSync(join(dir, 'out'), 'not a folder\n')
    const {status, stderr} = runCli(dir, 'out')
    expect(status, stderr).toBe(2)
    expect(stderr).toBe('out:1:1: error cannot create output folder out: a file of that name is in the way (EEXIST) [output-unwritable]\n')
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('not a folder\n')
    expect(readdirSync(dir).sort()).toEqual(['in', 'out'])
  })

  it('is one output-unwritable error with exit code 2 when a parent of the path is a file', () => {
    const dir = scratch('parent-is-file')
    writeFileSync(join(dir, 'file.txt'), 'a file\n')
    const {status, stderr} = runCli(dir, 'file.txt/out')
    expect(status, stderr).toBe(2)
    expect(stderr).toMatch(/^file\.txt\/out:1:1: error cannot create output folder file\.txt\/out: .*ENOTDIR.* \[output-unwritable\]\n$/)
    expect(stderr).not.toMatch(stackLine)
    expect(readdirSync(dir).sort()).toEqual(['file.txt', 'in'])
  })
})

describe('an output file that cannot be written', () => {
  it('is an output-write-failed error on that document; the others are written; exit code 1', () => {
    const dir = scratch('json-is-folder')
    mkdirSync(join(dir, 'out', 'good.json'), {recursive: true})
    const {status, stderr} = runCli(dir, 'out')
    expect(status, stderr).toBe(1)
    expect(stderr).toMatch(/^in\/good\.txt:1:1: error cannot write out\/good\.json: .*EISDIR.* \[output-write-failed\]$/m)
    expect(stderr).not.toMatch(/internal error/)
    expect(stderr).not.toMatch(stackLine)
    expect(statSync(join(dir, 'out', 'good.json')).isDirectory()).toBe(true)
    expect(existsSync(join(dir, 'out', 'other.json'))).toBe(true)
    expect(existsSync(join(dir, 'out', 'other.md'))).toBe(true)
    const files = snapshot(join(dir, 'out'))
    expect(outputProblems(files)).toEqual({problems: [], temps: []})
    // Not recorded: the corpus and the manifest know only the document that was written.
    const index = JSON.parse(files.get('index.json')!.toString('utf8')) as {documents: Array<{id: string}>}
    expect(index.documents.map((document) => document.id)).toEqual(['other'])
    const manifest = JSON.parse(files.get('.citeclaim-cache/manifest.json')!.toString('utf8')) as {documents: Record<string, unknown>}
    expect(Object.keys(manifest.documents)).toEqual(['other'])

    // Once the folder is out of the way, the next run writes the document.
    rmSync(join(dir, 'out', 'good.json'), {recursive: true})
    const next = runCli(dir, 'out')
    expect(next.status, next.stderr).toBe(0)
    expect(existsSync(join(dir, 'out', 'good.json'))).toBe(true)
  })
})

describe('a document whose analysis throws', () => {
  it('is an analysis-failed error on that document; the batch goes on and writes the others', async () => {
    const dir = scratch('analysis-throws')
    writeFileSync(join(dir, 'in', 'boom.txt'), 'Stem cells repair tissue [3].\n')
    const diagnostics: string[] = []
    const result = await runBatch({
      paths: ['in'],
      config: shippedConfig,
      out: join(dir, 'out'),
      cwd: dir,
      concurrency: 1,
      onDiagnostic: (file: string, diagnostic: DiagnosticRecord) => diagnostics.push(`${file} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`)
    })
    expect(diagnostics).toEqual(['in/boom.txt error analysis-failed: analysis failed: Cannot read properties of undefined (reading "start")'])
    expect(result.errors).toBe(1)
    expect(result.interrupted).toBe(false)
    expect(existsSync(join(dir, 'out', 'boom.json'))).toBe(false)
    for (const id of ['good', 'other']) expect(existsSync(join(dir, 'out', `${id}.json`)), id).toBe(true)
    const index = JSON.parse(readFileSync(join(dir, 'out', 'index.json'), 'utf8')) as {documents: Array<{id: string}>}
    expect(index.documents.map((document) => document.id)).toEqual(['good', 'other'])
  })
})
