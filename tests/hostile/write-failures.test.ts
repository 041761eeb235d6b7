import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest'
import {main} from '../../src/cli.js'
import {stackLine} from './catalogue.js'
import {outputProblems, snapshot} from './output-checks.js'
import {repo} from './private-cli.js'

/*
 * Issue 9, point 4: a write that fails (the disk is full) on any file a run writes or deletes is an
 * `output-write-failed` error with exit code 1, never an internal error, and the files it would have
 * replaced stay whole. The file system calls of the batch fail on purpose for the file named in
 * `failing` (the target of the temp file being written, or the file being deleted).
 */

const failing: {target?: string; code: string} = {code: 'ENOSPC'}

/** The target a temp file is written for: `.<name>.<pid>.<hex>.tmp` → `<name>`. */
function targetOf(path: unknown): string {
  const name = basename(String(path))
  return /^\.(.+)\.\d+\.[0-9a-f]{8}\.tmp$/.exec(name)?.[1] ?? name
}

function fsError(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected failure, ${syscall}`), {code, syscall})
}

const hits = (path: unknown): boolean => failing.target !== undefined && targetOf(path) === failing.target

vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>()
  const open: typeof original.open = async (...args: Parameters<typeof original.open>) => {
    const handle = await original.open(...args)
    if (!hits(args[0])) return handle
    // The file opens; writing to it fails part way, as on a full disk.
    return new Proxy(handle, {
      get(target, key, receiver) {
        if (key === 'write') return async () => Promise.reject(fsError(failing.code, 'write'))
        const value = Reflect.get(target, key, receiver) as unknown
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      }
    })
  }
  const writeFile: typeof original.writeFile = async (...args: Parameters<typeof original.writeFile>) => {
    if (hits(args[0])) throw fsError(failing.code, 'write')
    return original.writeFile(...args)
  }
  const rm: typeof original.rm = async (...args: Parameters<typeof original.rm>) => {
    if (hits(args[0]) && !basename(String(args[0])).endsWith('.tmp')) throw fsError(failing.code, 'unlink')
    return original.rm(...args)
  }
  const copyFile: typeof original.copyFile = async (...args: Parameters<typeof original.copyFile>) => {
    if (hits(args[1])) throw fsError(failing.code, 'copyfile')
    return original.copyFile(...args)
  }
  const mkdir: typeof original.mkdir = (async (...args: Parameters<typeof original.mkdir>) => {
    if (hits(args[0])) throw fsError(failing.code, 'mkdir')
    return original.mkdir(...args)
  }) as typeof original.mkdir
  return {...original, default: {...original, open, writeFile, rm, copyFile, mkdir}, open, writeFile, rm, copyFile, mkdir}
})

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>()
  const writeFileSync: typeof original.writeFileSync = (...args: Parameters<typeof original.writeFileSync>) => {
    if (hits(args[0])) throw fsError(failing.code, 'write')
    return original.writeFileSync(...args)
  }
  return {...original, default: {...original, writeFileSync}, writeFileSync}
})

let work: string
let count = 0

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'citeclaim-write-failures-'))
})
afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})
afterEach(() => {
  delete failing.target
})

async function cli(...args: string[]): Promise<{status: number; stderr: string}> {
  const lines: string[] = []
  const status = await main([...args, '--config', join(repo, 'pipeline.config.ts'), '-j', '1', '--quiet'], (line) => lines.push(line), () => {})
  return {status, stderr: lines.map((line) => line + '\n').join('')}
}

/** A folder with a finished run over `in/` (a, b) in `out`. */
async function ranOnce(): Promise<{dir: string; out: string}> {
  const dir = join(work, `case-${++count}`)
  mkdirSync(join(dir, 'in'), {recursive: true})
  writeFileSync(join(dir, 'in', 'a.txt'), 'Mesenchymal stem cells repair tissue [1].\n')
  writeFileSync(join(dir, 'in', 'b.txt'), 'Hematopoietic stem cells reconstitute the marrow [2].\n')
  const out = join(dir, 'out')
  const first = await cli('run', join(dir, 'in'), '--out', out)
  expect(first.status, first.stderr).toBe(0)
  return {dir, out}
}

describe('4. a write that fails', () => {
  // Every kind of file a run writes: the corpus files, the manifest, a document's files, its corpus cache.
  for (const [target, code] of [
    ['index.json', 'ENOSPC'],
    ['claims.jsonl', 'ENOSPC'],
    ['claims.jsonl', 'EDQUOT'],
    ['index.html', 'ENOSPC'],
    ['a.html', 'EIO'],
    ['manifest.json', 'ENOSPC'],
    ['a.json', 'ENOSPC'],
    ['a.md', 'EIO'],
    ['a.jsonl', 'ENOSPC']
  ] as const) {
    it(`on ${target} (${code}) is output-write-failed with exit 1 (or nothing, for a cache file), and what was there stays whole`, async () => {
      const {dir, out} = await ranOnce()
      // a changes, so that every one of its files and the corpus files are written again.
      writeFileSync(join(dir, 'in', 'a.txt'), 'Mesenchymal stem cells repair tissue [1]. They reduce fibrosis [3].\n')
      const before = snapshot(out)
      failing.target = target
      failing.code = code
      const result = await cli('run', join(dir, 'in'), '--out', out)
      delete failing.target
      expect(result.stderr).not.toMatch(/internal error/)
      expect(result.stderr).not.toMatch(stackLine)
      const after = snapshot(out)
      const {problems, temps} = outputProblems(after)
      expect(problems).toEqual([])
      expect(temps).toEqual([])
      if (target === 'a.jsonl') {
        // Only a cache: the run goes on from the record.
        expect(result.status, result.stderr).toBe(0)
      } else {
        expect(result.status, result.stderr).toBe(1)
        expect(result.stderr).toMatch(new RegExp(`${target.replace('.', '\\.')}[^\\n]*\\[output-write-failed\\]`))
        expect(result.stderr).toContain(`(${code})`.replace('(EIO)', 'EIO'))
      }
      if (target === 'index.json' || target === 'claims.jsonl' || target === 'index.html') {
        // The corpus files are the old ones: none is replaced unless all are written.
        for (const name of ['index.json', 'claims.jsonl', 'index.html']) expect(after.get(name)!.equals(before.get(name)!), name).toBe(true)
      }
      // The next run, with room on the disk again, finishes the job; a check then finds nothing to do.
      expect((await cli('run', join(dir, 'in'), '--out', out)).status).toBe(0)
      expect((await cli('run', join(dir, 'in'), '--out', out, '--check')).status).toBe(0)
    })
  }

  it('creating the cache folder is output-write-failed with exit 1; the documents and corpus files are written', async () => {
    const dir = join(work, `case-${++count}`)
    mkdirSync(join(dir, 'in'), {recursive: true})
    writeFileSync(join(dir, 'in', 'a.txt'), 'Mesenchymal stem cells repair tissue [1].\n')
    const out = join(dir, 'out')
    failing.target = '.citeclaim-cache'
    const result = await cli('run', join(dir, 'in'), '--out', out)
    delete failing.target
    expect(result.status, result.stderr).toBe(1)
    expect(result.stderr).toMatch(/\.citeclaim-cache[^\n]*\[output-write-failed\]/)
    expect(result.stderr).not.toMatch(/internal error/)
    const files = snapshot(out)
    expect([...files.keys()].filter((name) => !name.startsWith('.'))).toEqual(['a.html', 'a.json', 'a.md', 'claims.jsonl', 'index.html', 'index.json'])
    expect(outputProblems(files).problems).toEqual([])
  })

  it('deleting the files of a removed input is output-write-failed with exit 1, not an internal error', async () => {
    const {dir, out} = await ranOnce()
    rmSync(join(dir, 'in', 'b.txt'))
    failing.target = 'b.md'
    failing.code = 'EACCES'
    const result = await cli('run', join(dir, 'in'), '--out', out)
    delete failing.target
    expect(result.status, result.stderr).toBe(1)
    expect(result.stderr).toMatch(/b\.md[^\n]*\[output-write-failed\]/)
    expect(result.stderr).not.toMatch(/internal error/)
  })

  it('merge: copying into or writing the corpus files of --out is output-write-failed with exit 1', async () => {
    const {dir, out} = await ranOnce()
    const target = join(dir, 'merged')
    for (const name of ['a.md', 'claims.jsonl']) {
      failing.target = name
      failing.code = 'ENOSPC'
      const result = await cli('merge', out, '--out', target)
      delete failing.target
      expect(result.status, result.stderr).toBe(1)
      expect(result.stderr).toMatch(new RegExp(`${name.replace('.', '\\.')}[^\\n]*\\[output-write-failed\\]`))
      expect(result.stderr).not.toMatch(/internal error/)
      expect(outputProblems(snapshot(target)).temps).toEqual([])
    }
  })
})
