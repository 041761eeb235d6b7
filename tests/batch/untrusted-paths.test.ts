import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {sha256OfFile} from '../../src/batch/read-output-file.js'
import {cacheFoldersAreReal, prepareCacheFolders} from '../../src/batch/cache-folder.js'
import {isOutputFolder, isWithin, ownOutputTest, realLocation} from '../../src/batch/input-output-overlap.js'
import {isManifestEntry} from '../../src/batch/manifest.js'
import {knownSuffixes, reservedIds} from '../../src/batch/output-documents.js'

/* The rules that keep a run inside its output folder, each on invented files. */

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'citeclaim-untrusted-'))
})
afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true})
})

const hash = 'a'.repeat(64)
const entry = (files: Record<string, string>, extra: object = {}): unknown => ({source: 'in/x.txt', key: hash, files, diagnostics: [], ...extra})
const valid = (id: string, value: unknown): boolean => isManifestEntry(id, value, knownSuffixes(), reservedIds)

describe('manifest entries', () => {
  it('accept exactly what citeclaim writes', () => {
    expect(valid('x', entry({'x.json': hash, 'x.md': hash, 'x.references.csl.json': hash}, {corpus: hash}))).toBe(true)
    expect(valid('x', entry({}, {diagnostics: [{file: 'in/x.txt', severity: 'warning', code: 'input-empty', message: 'empty', start: {line: 1, column: 1, offset: 0}}]}))).toBe(true)
  })

  it('refuse file names that are paths or not an output of that id', () => {
    for (const name of ['../victim.txt', '/etc/passwd', 'x.json/../../v', 'y.json', 'x.txt', 'x.json.bak', '', '..']) expect(valid('x', entry({[name]: hash})), name).toBe(false)
  })

  it('refuse ids that are not document ids, and hashes that are not sha256', () => {
    for (const id of ['../x', 'a/b', '', '.', '__proto__', '-x', 'index']) expect(valid(id, entry({})), id).toBe(false)
    expect(valid('x', entry({'x.json': 'abc'}))).toBe(false)
    expect(valid('x', {...(entry({}) as object), key: 'K'})).toBe(false)
    expect(valid('x', entry({}, {corpus: '../x'}))).toBe(false)
    expect(valid('x', entry({}, {diagnostics: [{file: 'f', severity: 'fatal', code: 'c', message: 'm', start: null}]}))).toBe(false)
    expect(valid('x', entry({}, {diagnostics: 'none'}))).toBe(false)
  })
})

describe('paths', () => {
  it('isWithin compares whole path segments', () => {
    expect(isWithin('/a/b', '/a')).toBe(true)
    expect(isWithin('/a', '/a')).toBe(true)
    expect(isWithin('/ab', '/a')).toBe(false)
    expect(isWithin('/a', '/a/b')).toBe(false)
  })

  it('realLocation sees through a symlink even to a path that does not exist yet', async () => {
    mkdirSync(join(dir, 'real'))
    symlinkSync(join(dir, 'real'), join(dir, 'alias'))
    expect(await realLocation(join(dir, 'alias', 'not-yet', 'out'))).toBe(join(await realLocation(join(dir, 'real')), 'not-yet', 'out'))
  })

  it('tells citeclaim output from input', async () => {
    const folder = join(dir, 'folder')
    mkdirSync(folder)
    writeFileSync(join(folder, 'x.md'), '# Review\n')
    writeFileSync(join(folder, 'y.md'), '# Review\n')
    writeFileSync(join(folder, 'x.json'), '{\n  "schemaVersion": 1,\n  "document": {\n    "id": "x",\n    "source": "in/x.md"\n  }\n}\n')
    writeFileSync(join(folder, 'y.json'), '{"my": "own data"}\n')
    const isOwn = ownOutputTest(join(dir, 'elsewhere'))
    expect(await isOwn(join(folder, 'x.md'))).toBe(true)
    expect(await isOwn(join(folder, 'y.md'))).toBe(false)
    expect(await isOutputFolder(folder)).toBe(false)
    // A user's own index.json beside a claims.jsonl is not a corpus index; citeclaim's is.
    writeFileSync(join(folder, 'claims.jsonl'), '')
    writeFileSync(join(folder, 'index.json'), '{"pages": []}\n')
    expect(await isOutputFolder(folder)).toBe(false)
    writeFileSync(join(folder, 'index.json'), JSON.stringify({schemaVersion: 1, documents: []}, null, 2) + '\n')
    expect(await isOutputFolder(folder)).toBe(true)
    rmSync(join(folder, 'index.json'))
    mkdirSync(join(folder, '.citeclaim-cache'))
    expect(await isOutputFolder(folder)).toBe(true)
    expect(await ownOutputTest(join(dir, 'elsewhere'))(join(folder, 'y.md'))).toBe(true)
    // Anything inside the output folder, reached through a symlink or not.
    expect(await ownOutputTest(await realLocation(join(dir, 'real')))(join(dir, 'alias', 'z.txt'))).toBe(true)
  })

  it('tells citeclaim output from input by the records and index of either schema version, 1 or 2', async () => {
    const folder = join(dir, 'versions')
    mkdirSync(folder)
    const record = (version: number, id: string): string => `{\n  "schemaVersion": ${version},\n  "document": {\n    "id": "${id}",\n    "source": "in/${id}.md"\n  }\n}\n`
    for (const id of ['v1', 'v2', 'v3']) writeFileSync(join(folder, `${id}.md`), '# Review\n')
    writeFileSync(join(folder, 'v1.json'), record(1, 'v1'))
    writeFileSync(join(folder, 'v2.json'), record(2, 'v2'))
    writeFileSync(join(folder, 'v3.json'), record(3, 'v3'))
    const isOwn = ownOutputTest(join(dir, 'elsewhere'))
    expect(await Promise.all(['v1', 'v2', 'v3'].map((id) => isOwn(join(folder, `${id}.md`))))).toEqual([true, true, false])
    writeFileSync(join(folder, 'claims.jsonl'), '')
    for (const [version, own] of [[1, true], [2, true], [3, false]] as const) {
      writeFileSync(join(folder, 'index.json'), JSON.stringify({schemaVersion: version, documents: []}, null, 2) + '\n')
      expect(await isOutputFolder(folder)).toBe(own)
    }
  })
})

describe('reading the output folder', () => {
  it('sha256OfFile reads regular files only: not through a symlink, not a FIFO (no hang)', async () => {
    writeFileSync(join(dir, 'plain.txt'), 'text\n')
    symlinkSync(join(dir, 'plain.txt'), join(dir, 'link.txt'))
    execFileSync('mkfifo', [join(dir, 'fifo')])
    expect(await sha256OfFile(join(dir, 'plain.txt'))).toBe(createHash('sha256').update('text\n').digest('hex'))
    expect(await sha256OfFile(join(dir, 'link.txt'))).toBeUndefined()
    expect(await sha256OfFile(join(dir, 'fifo'))).toBeUndefined()
    expect(await sha256OfFile(join(dir, 'missing'))).toBeUndefined()
  })

  it('prepareCacheFolders replaces a symlinked cache folder with a real one and leaves its target alone', async () => {
    const out = join(dir, 'out')
    const target = join(dir, 'target')
    mkdirSync(join(target, 'corpus'), {recursive: true})
    writeFileSync(join(target, 'manifest.json'), '{}\n')
    mkdirSync(out)
    symlinkSync(target, join(out, '.citeclaim-cache'))
    expect(await cacheFoldersAreReal(out)).toBe(false)
    expect(await prepareCacheFolders(out)).toEqual({removed: true})
    expect(lstatSync(join(out, '.citeclaim-cache')).isDirectory()).toBe(true)
    expect(readdirSync(target).sort()).toEqual(['corpus', 'manifest.json'])
    expect(await cacheFoldersAreReal(out)).toBe(true)
    expect(await prepareCacheFolders(out)).toEqual({removed: false})
  })
})
