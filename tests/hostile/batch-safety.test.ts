import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {RunRefusedError} from '../../src/batch/input-output-overlap.js'
import {runBatch} from '../../src/batch/run-batch.js'
import {main} from '../../src/cli.js'
import {toClaimRows} from '../../src/emit/claim-rows.js'
import type {DocumentRecord} from '../../src/emit/document.js'
import {shippedConfig} from '../helpers/analyse.js'
import {stackLine} from './catalogue.js'
import {outputProblems, snapshot} from './output-checks.js'
import {repo} from './private-cli.js'

/*
 * Issue 9, points 1–5: an input is never written, the corpus files always describe every document in
 * the output folder, the cache folder is untrusted, and `run` and `--check` agree. Each case runs the
 * CLI in this process (one document at a time, no worker pool) on a scratch folder.
 */

let work: string
let count = 0

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'citeclaim-batch-safety-'))
})
afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

const texts: Record<string, string> = {
  'a.txt': 'Mesenchymal stem cells repair tissue [1]. They may reduce fibrosis [2].\n',
  'b.txt': 'Hematopoietic stem cells reconstitute the marrow [3].\n',
  'c.md': '# Review\n\nNeural stem cells form neurons in the adult brain [4].\n'
}

/** A fresh folder holding `in/` with three documents. */
function scratch(): string {
  const dir = join(work, `case-${++count}`)
  mkdirSync(join(dir, 'in'), {recursive: true})
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, 'in', name), text)
  return dir
}

/** Runs the CLI in this process; paths are taken as given (absolute in these tests). */
async function cli(...args: string[]): Promise<{status: number; stderr: string}> {
  const lines: string[] = []
  const status = await main([...args, '--config', join(repo, 'pipeline.config.ts'), '-j', '1', '--quiet'], (line) => lines.push(line), () => {})
  return {status, stderr: lines.map((line) => line + '\n').join('')}
}

/** The files of a folder other than the cache, with their bytes. */
function visible(dir: string): Map<string, Buffer> {
  return new Map([...snapshot(dir)].filter(([name]) => !name.startsWith('.')))
}

function idsInIndex(out: string): string[] {
  return (JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as {documents: Array<{id: string}>}).documents.map((entry) => entry.id)
}

/** `--check` exits 0 exactly when a run would change nothing outside the cache; after the run it exits 0. */
async function expectRunAndCheckAgree(dir: string, out: string): Promise<void> {
  const check = await cli('run', join(dir, 'in'), '--out', out, '--check')
  const before = visible(out)
  const run = await cli('run', join(dir, 'in'), '--out', out)
  expect(run.status, run.stderr).toBe(0)
  const after = visible(out)
  const same = before.size === after.size && [...before].every(([name, bytes]) => after.get(name)?.equals(bytes))
  expect(check.status, `check said ${check.status}, the run ${same ? 'changed nothing' : 'changed files'}\n${check.stderr}`).toBe(same ? 0 : 1)
  const again = await cli('run', join(dir, 'in'), '--out', out, '--check')
  expect(again.status, again.stderr).toBe(0)
}

describe('1. an input is never written', () => {
  it('refuses --out equal to the input folder (exit 2, input-output-overlap), and writes nothing', async () => {
    const dir = scratch()
    const before = snapshot(dir)
    const result = await cli('run', join(dir, 'in'), '--out', join(dir, 'in'))
    expect(result.status, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/\[input-output-overlap\]\n$/)
    expect(result.stderr).not.toMatch(stackLine)
    expect(snapshot(dir)).toEqual(before)
  })

  it('refuses a document inside --out, a folder inside --out, and --out reached through a symlink or `..`', async () => {
    const dir = scratch()
    mkdirSync(join(dir, 'in', 'sub'))
    writeFileSync(join(dir, 'in', 'sub', 'd.md'), 'Stem cells [1].\n')
    symlinkSync(join(dir, 'in'), join(dir, 'link'))
    const before = snapshot(dir)
    const cases: Array<[string, string]> = [
      [join(dir, 'in', 'c.md'), join(dir, 'in')],
      [join(dir, 'in', 'sub'), join(dir, 'in')],
      [join(dir, 'in', 'sub', 'd.md'), join(dir, 'in')],
      [join(dir, 'in'), join(dir, 'link')],
      [join(dir, 'link', 'c.md'), join(dir, 'in')],
      [join(dir, 'in'), join(dir, 'in', 'sub', '..')],
      [join(dir, 'in', 'sub'), dir]
    ]
    for (const [input, out] of cases) {
      const result = await cli('run', input, '--out', out)
      expect(result.status, `${input} → ${out}: ${result.stderr}`).toBe(2)
      expect(result.stderr).toMatch(/\[input-output-overlap\]\n$/)
    }
    expect(snapshot(dir)).toEqual(before)
  })

  it('refuses a bibliography the config names inside the output folder', async () => {
    const dir = scratch()
    const out = join(dir, 'out')
    mkdirSync(out)
    writeFileSync(join(out, 'a.references.csl.json'), '[]\n')
    const config = {...shippedConfig, bibliography: {...shippedConfig.bibliography, files: {a: join(out, 'a.references.csl.json')}}}
    await expect(runBatch({paths: [join(dir, 'in')], config, out, concurrency: 1})).rejects.toBeInstanceOf(RunRefusedError)
    expect(readFileSync(join(out, 'a.references.csl.json'), 'utf8')).toBe('[]\n')
    expect(readdirSync(out)).toEqual(['a.references.csl.json'])
  })

  it('never reads its own outputs: an output folder given as input is refused, one met inside an input folder is skipped', async () => {
    const dir = scratch()
    const out = join(dir, 'in', 'old-out')
    expect((await cli('run', join(dir, 'in'), '--out', out)).status).toBe(0)
    const annotated = readFileSync(join(out, 'c.md'))
    // Given as input: refused, as a folder and as a file.
    for (const input of [out, join(out, 'c.md')]) {
      const result = await cli('run', input, '--out', join(dir, 'elsewhere'))
      expect(result.status, result.stderr).toBe(2)
      expect(result.stderr).toMatch(/\[input-is-output\]\n$/)
    }
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false)
    // Met inside the input folder while writing elsewhere: not an input (no duplicate id with in/c.md).
    const result = await cli('run', join(dir, 'in'), '--out', join(dir, 'new-out'))
    expect(result.stderr).not.toMatch(/input-duplicate-id/)
    expect(result.status, result.stderr).toBe(0)
    expect(idsInIndex(join(dir, 'new-out'))).toEqual(['a', 'b', 'c'])
    // Also when its corpus files and cache are gone: Markdown beside its own record is an output.
    rmSync(join(out, '.citeclaim-cache'), {recursive: true})
    rmSync(join(out, 'index.json'))
    rmSync(join(out, 'claims.jsonl'))
    const again = await cli('run', join(dir, 'in'), '--out', join(dir, 'newer-out'))
    expect(again.stderr).not.toMatch(/input-duplicate-id/)
    expect(again.status, again.stderr).toBe(0)
    expect(readFileSync(join(out, 'c.md')).equals(annotated)).toBe(true)
    expect(readFileSync(join(dir, 'newer-out', 'c.md')).equals(annotated)).toBe(true)
  })
})

describe('2. the corpus files describe every document in the output folder', () => {
  it('a path that does not exist is input-missing, exit 2, and nothing is written', async () => {
    const dir = scratch()
    const out = join(dir, 'out')
    expect((await cli('run', join(dir, 'in'), '--out', out)).status).toBe(0)
    const before = snapshot(out)
    const result = await cli('run', join(dir, 'inn'), '--out', out)
    expect(result.status, result.stderr).toBe(2)
    expect(result.stderr).toMatch(/\[input-missing\]\n$/)
    expect(snapshot(out)).toEqual(before)
    // One missing path among good ones: the same.
    expect((await cli('run', join(dir, 'in', 'a.txt'), join(dir, 'in', 'nope.txt'), '--out', out)).status).toBe(2)
    expect(snapshot(out)).toEqual(before)
    // And into a folder that does not exist yet: it is not even made.
    expect((await cli('run', join(dir, 'inn'), '--out', join(dir, 'fresh'))).status).toBe(2)
    expect(existsSync(join(dir, 'fresh'))).toBe(false)
  })

  it('a run over one file, or a subset, leaves the corpus files describing every document', async () => {
    const dir = scratch()
    const out = join(dir, 'out')
    expect((await cli('run', join(dir, 'in'), '--out', out)).status).toBe(0)
    const whole = visible(out)
    for (const paths of [[join(dir, 'in', 'a.txt')], [join(dir, 'in', 'c.md'), join(dir, 'in', 'b.txt')]]) {
      const result = await cli('run', ...paths, '--out', out)
      expect(result.status, result.stderr).toBe(0)
      expect(visible(out)).toEqual(whole)
      // Also when a document of the subset changes: the others stay in the corpus.
    }
    writeFileSync(join(dir, 'in', 'a.txt'), texts['a.txt'] + 'Stem cells may help [5].\n')
    expect((await cli('run', join(dir, 'in', 'a.txt'), '--out', out)).status).toBe(0)
    expect(idsInIndex(out)).toEqual(['a', 'b', 'c'])
    const claims = readFileSync(join(out, 'claims.jsonl'), 'utf8').split('\n').filter((line) => line !== '').map((line) => (JSON.parse(line) as {documentId: string}).documentId)
    expect(new Set(claims)).toEqual(new Set(['a', 'b', 'c']))
    // A fresh full run gives the same bytes.
    expect((await cli('run', join(dir, 'in'), '--out', join(dir, 'full'))).status).toBe(0)
    expect(visible(out)).toEqual(visible(join(dir, 'full')))
  })

  it('merge refuses a folder that does not exist (exit 2, nothing written) and keeps the documents already in --out', async () => {
    const dir = scratch()
    const out = join(dir, 'out')
    expect((await cli('run', join(dir, 'in'), '--out', out)).status).toBe(0)
    const before = snapshot(out)
    const missing = await cli('merge', join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', out)
    expect(missing.status, missing.stderr).toBe(2)
    expect(missing.stderr).toMatch(/\[merge-unreadable\]\n$/)
    expect(snapshot(out)).toEqual(before)
    // A shard holding one document merged into a full folder: the corpus still has all three.
    expect((await cli('run', join(dir, 'in', 'b.txt'), '--out', join(dir, 'shard'))).status).toBe(0)
    expect((await cli('merge', join(dir, 'shard'), '--out', out)).status).toBe(0)
    expect(idsInIndex(out)).toEqual(['a', 'b', 'c'])
    expect(visible(out)).toEqual(new Map([...before].filter(([name]) => !name.startsWith('.'))))
  })
})

describe('3. the cache is untrusted', () => {
  /** A folder with a finished run in `out`, and a victim file beside it. */
  async function ranOnce(): Promise<{dir: string; out: string; victim: string}> {
    const dir = scratch()
    const out = join(dir, 'out')
    expect((await cli('run', join(dir, 'in'), '--out', out)).status).toBe(0)
    const victim = join(dir, 'victim.txt')
    writeFileSync(victim, 'not citeclaim’s\n')
    return {dir, out, victim}
  }
  const manifestOf = (out: string): {manifestVersion: number; documents: Record<string, {source: string; files: Record<string, string>}>} =>
    JSON.parse(readFileSync(join(out, '.citeclaim-cache', 'manifest.json'), 'utf8'))

  it('deletes nothing outside --out whatever file names or ids the manifest holds', async () => {
    const names = (victim: string): string[] => ['../victim.txt', victim, 'a/../../victim.txt', '..', '.', '']
    for (const field of ['files', 'id'] as const) {
      for (const name of names('VICTIM')) {
        const {dir, out, victim} = await ranOnce()
        const manifest = manifestOf(out)
        const evil = name === 'VICTIM' ? victim : name
        if (field === 'files') manifest.documents.b!.files[evil] = manifest.documents.b!.files['b.json']!
        else manifest.documents[evil === '' ? '../victim' : evil.replace(/\.txt$/, '')] = manifest.documents.b!
        writeFileSync(join(out, '.citeclaim-cache', 'manifest.json'), JSON.stringify(manifest))
        // b's input is gone: the run deletes what it believes b had.
        rmSync(join(dir, 'in', 'b.txt'))
        const result = await cli('run', join(dir, 'in'), '--out', out)
        expect(result.status, result.stderr).toBe(0)
        expect(readFileSync(victim, 'utf8'), `${field} ${JSON.stringify(evil)}`).toBe('not citeclaim’s\n')
        expect(existsSync(join(dir, 'in', 'a.txt'))).toBe(true)
        expect(idsInIndex(out)).toEqual(['a', 'c'])
        expect(outputProblems(snapshot(out)).problems).toEqual([])
      }
    }
  })

  it('writes and deletes nothing through a symlinked cache folder, corpus folder or manifest', async () => {
    for (const link of ['.citeclaim-cache', '.citeclaim-cache/corpus', '.citeclaim-cache/manifest.json', '.citeclaim-cache/corpus/a.jsonl']) {
      const {dir, out} = await ranOnce()
      const target = join(dir, 'elsewhere')
      // The target holds a copy of what the link replaces, so a run reading through it finds a cache.
      execFileSync('cp', ['-R', join(out, link), target])
      rmSync(join(out, link), {recursive: true})
      symlinkSync(target, join(out, link))
      writeFileSync(join(dir, 'in', 'a.txt'), texts['a.txt'] + 'Changed [6].\n')
      const beforeFile = lstatSync(target).isFile() ? readFileSync(target) : undefined
      const before = beforeFile ? undefined : snapshot(target)
      const result = await cli('run', join(dir, 'in'), '--out', out)
      expect(result.status, `${link}: ${result.stderr}`).toBe(0)
      if (beforeFile) expect(readFileSync(target).equals(beforeFile), link).toBe(true)
      else expect(snapshot(target), link).toEqual(before)
      expect(lstatSync(join(out, '.citeclaim-cache')).isDirectory(), link).toBe(true)
      expect(lstatSync(join(out, '.citeclaim-cache', 'corpus')).isDirectory(), link).toBe(true)
      await expectRunAndCheckAgree(dir, out)
      expect(visible(out)).toEqual(visible(await fresh(dir)))
    }
  })

  it('a corrupted corpus cache whose head still matches is not used: run and --check agree', async () => {
    const {dir, out} = await ranOnce()
    const path = join(out, '.citeclaim-cache', 'corpus', 'a.jsonl')
    const lines = readFileSync(path, 'utf8').split('\n')
    // Same head, claims changed; then: same head, claims dropped; then: a line of garbage.
    for (const body of [lines.slice(1).join('\n').replace(/"hedged":(true|false)/g, (_, value: string) => `"hedged":${value === 'true' ? 'false' : 'true'}`), '', '{"documentId":"a","id":"c99"}\n']) {
      writeFileSync(path, lines[0] + '\n' + body)
      const result = await cli('run', join(dir, 'in'), '--out', out)
      expect(result.status, result.stderr).toBe(0)
      expect(visible(out)).toEqual(visible(await fresh(dir)))
      await expectRunAndCheckAgree(dir, out)
    }
  })

  it('output files and cache files that are symlinks, FIFOs or garbage: no hang, no write through, run and --check agree', async () => {
    const tamper: Array<(out: string, outside: string) => void> = [
      (out, outside) => {
        rmSync(join(out, 'a.json'))
        symlinkSync(outside, join(out, 'a.json'))
      },
      (out) => {
        rmSync(join(out, 'index.json'))
        symlinkSync('/dev/zero', join(out, 'index.json'))
      },
      (out) => {
        rmSync(join(out, 'b.md'))
        execFileSync('mkfifo', [join(out, 'b.md')])
      },
      (out) => {
        // An output that is a link to its own input: replaced, the input untouched.
        rmSync(join(out, 'c.md'))
        symlinkSync(join(out, '..', 'in', 'c.md'), join(out, 'c.md'))
      },
      (out) => {
        rmSync(join(out, '.citeclaim-cache', 'corpus', 'c.jsonl'))
        execFileSync('mkfifo', [join(out, '.citeclaim-cache', 'corpus', 'c.jsonl')])
      },
      (out) => writeFileSync(join(out, '.citeclaim-cache', 'manifest.json'), '{"manifestVersion":1,"documents":{"a":{"source":1}}}'),
      (out) => {
        rmSync(join(out, '.citeclaim-cache', 'manifest.json'))
        execFileSync('mkfifo', [join(out, '.citeclaim-cache', 'manifest.json')])
      },
      (out) => {
        rmSync(join(out, '.citeclaim-cache', 'manifest.json'))
        mkdirSync(join(out, '.citeclaim-cache', 'manifest.json', 'inner'), {recursive: true})
      },
      (out) => {
        // A manifest whose prototype-bending id names another document's files.
        const manifest = JSON.parse(readFileSync(join(out, '.citeclaim-cache', 'manifest.json'), 'utf8')) as {documents: Record<string, unknown>}
        writeFileSync(join(out, '.citeclaim-cache', 'manifest.json'), JSON.stringify({manifestVersion: 1, documents: {...manifest.documents, ['__proto__']: manifest.documents.a}}))
      },
      (out) => writeFileSync(join(out, '.citeclaim-cache', 'manifest.json'), readFileSync(join(out, '.citeclaim-cache', 'manifest.json'), 'utf8').replace(/"[0-9a-f]{64}"/, '"0000"'))
    ]
    for (const [index, change] of tamper.entries()) {
      const {dir, out, victim} = await ranOnce()
      change(out, victim)
      const result = await cli('run', join(dir, 'in'), '--out', out)
      expect(result.status, `case ${index}: ${result.stderr}`).toBe(0)
      expect(readFileSync(victim, 'utf8')).toBe('not citeclaim’s\n')
      for (const [name, text] of Object.entries(texts)) expect(readFileSync(join(dir, 'in', name), 'utf8'), `case ${index}: ${name}`).toBe(text)
      expect(visible(out), `case ${index}`).toEqual(visible(await fresh(dir)))
      for (const name of readdirSync(out)) expect(lstatSync(join(out, name)).isSymbolicLink(), name).toBe(false)
      await expectRunAndCheckAgree(dir, out)
    }
  })

  /** The outputs of an uninterrupted run over `dir/in` into a new folder. */
  async function fresh(dir: string): Promise<string> {
    const out = join(dir, `fresh-${++count}`)
    const result = await cli('run', join(dir, 'in'), '--out', out)
    expect(result.status, result.stderr).toBe(0)
    return out
  }
})

describe('5. an interrupted run', () => {
  async function interrupted(dir: string, out: string, after: number): Promise<void> {
    const controller = new AbortController()
    let done = 0
    const result = await runBatch({
      paths: [join(dir, 'in')],
      config: shippedConfig,
      out,
      concurrency: 1,
      signal: controller.signal,
      onStart: () => {
        if (after === 0) controller.abort()
      },
      onDocument: () => {
        if (++done === after) controller.abort()
      }
    })
    expect(result.interrupted).toBe(true)
  }

  /** The ids of the document records in `out`, and those `index.json` and `claims.jsonl` list. */
  function described(out: string): {records: string[]; index: string[]; claims: string[]; expectedClaims: string[]} {
    const records = readdirSync(out).filter((name) => /^[a-z]\.json$/.test(name)).map((name) => name.slice(0, -5)).sort()
    const claims = readFileSync(join(out, 'claims.jsonl'), 'utf8').split('\n').filter((line) => line !== '')
    const expectedClaims = records.flatMap((id) => toClaimRows(JSON.parse(readFileSync(join(out, id + '.json'), 'utf8')) as DocumentRecord).map((row) => JSON.stringify(row)))
    return {records, index: idsInIndex(out), claims, expectedClaims}
  }

  it('a fresh run stopped after one document has corpus files that describe the documents written', async () => {
    const dir = scratch()
    const out = join(dir, 'out')
    await interrupted(dir, out, 1)
    const {records, index, claims, expectedClaims} = described(out)
    // The documents in flight when the run was stopped (a and b; which finishes first depends on the
    // file system), never one started after it.
    expect(records.length).toBeGreaterThan(0)
    expect(records.filter((id) => id !== 'a' && id !== 'b')).toEqual([])
    expect(index).toEqual(records)
    expect(claims).toEqual(expectedClaims)
    expect(claims.length).toBeGreaterThan(0)
  })

  it('a run stopped before any document, or part way, over changed inputs: the corpus files describe the folder', async () => {
    const dir = scratch()
    const out = join(dir, 'out')
    expect((await cli('run', join(dir, 'in'), '--out', out)).status).toBe(0)
    const whole = visible(out)
    await interrupted(dir, out, 0)
    expect(visible(out)).toEqual(whole)
    // a changes and d is new; stopped after one document: d is not there yet.
    writeFileSync(join(dir, 'in', 'a.txt'), texts['a.txt'] + 'Changed [6].\n')
    writeFileSync(join(dir, 'in', 'd.txt'), 'Cardiac stem cells [7].\n')
    await interrupted(dir, out, 1)
    const {records, index, claims, expectedClaims} = described(out)
    expect(records).toEqual(['a', 'b', 'c'])
    expect(index).toEqual(records)
    expect(claims).toEqual(expectedClaims)
    // a may or may not have been rewritten before the stop (an unchanged document can be through
    // first); either way its index entry is that of the record in the folder.
    const entry = (JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as {documents: Array<{id: string; sha256: string}>}).documents[0]!
    const record = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')) as {document: {sha256: string}}
    expect(entry.sha256).toBe(record.document.sha256)
    expect([createHash('sha256').update(readFileSync(join(dir, 'in', 'a.txt'))).digest('hex'), createHash('sha256').update(texts['a.txt']!).digest('hex')]).toContain(entry.sha256)
  })
})
