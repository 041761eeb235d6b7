import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import * as fs from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {readRegularFile} from '../../src/batch/read-regular-file.js'

/*
 * The second check of readRegularFile, on the opened descriptor: a path that was a regular file when
 * it was looked at and is a link or a FIFO when it is opened (swapped in between) is refused too,
 * and opening the FIFO does not wait for a writer. The swap is simulated: the path check (lstat,
 * stat) is made to see the regular file the path held before.
 */
const swapped = new Map<string, string>()
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  const before = (path: unknown): string => swapped.get(String(path)) ?? String(path)
  return {...real, lstat: (path: string) => real.lstat(before(path)), stat: (path: string) => real.stat(before(path))}
})

let work: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'citeclaim-read-regular-'))
  writeFileSync(join(work, 'regular.txt'), 'Stem cells repair tissue [1].\n')
})
afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true})
})

describe('readRegularFile after the path changed under it', () => {
  it('sees the swap simulated: the path check finds a regular file', async () => {
    symlinkSync(join(work, 'regular.txt'), join(work, 'check.txt'))
    swapped.set(join(work, 'check.txt'), join(work, 'regular.txt'))
    expect((await fs.lstat(join(work, 'check.txt'))).isFile()).toBe(true)
  })

  it('refuses a link that appeared between the check and the open (O_NOFOLLOW)', async () => {
    symlinkSync(join(work, 'regular.txt'), join(work, 'link.txt'))
    swapped.set(join(work, 'link.txt'), join(work, 'regular.txt'))
    expect(await readRegularFile(join(work, 'link.txt'), {followLinks: false})).toEqual({ok: false, reason: 'symlink'})
  })

  it.runIf(process.platform !== 'win32')('refuses a FIFO that appeared between the check and the open, without waiting for a writer (fstat)', async () => {
    execFileSync('mkfifo', [join(work, 'pipe.txt')])
    swapped.set(join(work, 'pipe.txt'), join(work, 'regular.txt'))
    for (const followLinks of [false, true]) {
      expect(await readRegularFile(join(work, 'pipe.txt'), {followLinks})).toEqual({ok: false, reason: 'not-regular', kind: 'a FIFO (named pipe)'})
    }
  })
})
