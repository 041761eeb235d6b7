import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {replaceFileSync, tempFileOwner, tempPathFor} from '../../src/replace-file.js'

const dir = mkdtempSync(join(tmpdir(), 'citeclaim-replace-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('replacing a file atomically', () => {
  it('names temp files so that their writer can be told (what the sweeper of killed runs reads)', () => {
    const temp = basename(tempPathFor(join(dir, 'store.jsonl')))
    expect(temp.startsWith('.store.jsonl.')).toBe(true)
    expect(tempFileOwner(temp)).toBe(process.pid)
    for (const name of ['store.jsonl', '.store.jsonl.tmp', `.store.jsonl.${process.pid}.tmp`, `.x.0.0123abcd.tmp`, `.x.12.0123abcg.tmp`]) expect(tempFileOwner(name)).toBeUndefined()
  })

  it('replaces the content, with the mode asked for, and leaves no temp file', () => {
    const path = join(dir, 'a.txt')
    replaceFileSync(path, 'old\n')
    replaceFileSync(path, 'new\n', 0o600)
    expect(readFileSync(path, 'utf8')).toBe('new\n')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir).filter((name) => tempFileOwner(name) !== undefined)).toEqual([])
  })

  it('leaves the target as it was and no temp file when the rename fails', () => {
    const path = join(dir, 'folder')
    mkdirSync(join(path, 'inside'), {recursive: true})
    expect(() => replaceFileSync(path, 'x')).toThrow()
    expect(statSync(path).isDirectory()).toBe(true)
    expect(readdirSync(dir).filter((name) => tempFileOwner(name) !== undefined)).toEqual([])
  })
})
