import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {workerCount, workSizes} from '../../src/batch/worker-count.js'

const seedSized = (count: number, bibliographyBytes = 0) => Array.from({length: count}, () => ({bytes: 23_000, bibliographyBytes}))

describe('workerCount', () => {
  it('runs a small batch of small documents in one thread, a big one on every core', () => {
    expect(workerCount(2, seedSized(10))).toBe(1)
    expect(workerCount(2, seedSized(40))).toBe(1)
    expect(workerCount(2, seedSized(120))).toBe(2)
    expect(workerCount(2, seedSized(1000))).toBe(2)
    expect(workerCount(8, seedSized(1000))).toBe(8)
  })

  it('needs more work before a second worker when documents come with bibliographies (each worker warms citeproc)', () => {
    // Ten documents with a 100 KB bibliography each: one thread, not two (issue 13's case).
    expect(workerCount(2, seedSized(10, 100_000))).toBe(1)
    expect(workerCount(2, seedSized(10))).toBe(1)
    // Without bibliographies the same work is 40 documents: one thread.
    expect(workerCount(2, seedSized(40))).toBe(1)
    expect(workerCount(2, seedSized(1000, 100_000))).toBe(2)
  })

  it('counts every bibliography entry as one citeproc has still to format, so reviews citing works of their own get the cores', () => {
    // 40 reviews with 137 KB bibliographies of their own works: about 250 entries each to format,
    // about 10 s of citeproc in one thread.
    expect(workerCount(2, seedSized(40, 137_000))).toBe(2)
    expect(workerCount(4, seedSized(40, 137_000))).toBeGreaterThan(2)
    expect(workerCount(2, seedSized(120, 100_000))).toBe(2)
    // A 2 KB bibliography (a few entries) adds little.
    expect(workerCount(2, seedSized(40, 2_000))).toBe(1)
  })

  it('counts a bibliography file that documents share once, and its reading in every thread', () => {
    const library = (count: number, path = '/lib/library.csl.json') => seedSized(count, 2_800_000).map((size) => ({...size, bibliographyPath: path}))
    // 40 documents naming one 2.8 MB library (20,000 entries): the file is read and its cited entries
    // formatted once in one thread; a second thread would read it again and warm citeproc again.
    expect(workerCount(2, library(40))).toBe(1)
    // The same 40 documents each with a library of their own: that much formatting is worth the cores.
    expect(workerCount(2, library(40).map((size, index) => ({...size, bibliographyPath: `/lib/${index}.csl.json`})))).toBe(2)
    // A file named by one document is that document's own: two short notes, each with a 2.8 MB file
    // of its own, are worth two threads; naming one file, they can cite too little of it.
    const notes2 = (paths: string[]) => paths.map((path) => ({bytes: 1_000, bibliographyBytes: 2_800_000, bibliographyPath: path}))
    expect(workerCount(2, notes2(['/lib/a.csl.json', '/lib/b.csl.json']))).toBe(2)
    expect(workerCount(2, notes2(['/lib/a.csl.json', '/lib/a.csl.json']))).toBe(1)
    // Many documents naming the library: their own analysis pays for the second thread.
    expect(workerCount(2, library(1000))).toBe(2)
    // Small documents cannot cite much of a big library: what they can cite is what counts.
    const notes = (bibliographyBytes: number) => Array.from({length: 50}, () => ({bytes: 1_000, bibliographyBytes, bibliographyPath: '/lib/big.bib'}))
    expect(workerCount(4, notes(8_000_000))).toBe(1)
    // Past 8 MiB a thread does not keep the file: every document reads it, and that is worth the cores.
    expect(workerCount(4, notes(10_000_000))).toBe(4)
  })

  it('never asks for more threads than documents or cores, nor fewer than one', () => {
    expect(workerCount(4, [])).toBe(1)
    expect(workerCount(4, [{bytes: 50_000_000, bibliographyBytes: 0}])).toBe(1)
    expect(workerCount(4, seedSized(3).map((size) => ({...size, bytes: 10_000_000})))).toBe(3)
    expect(workerCount(1, seedSized(1000))).toBe(1)
  })

  it('gives one big document per core the cores', () => {
    expect(workerCount(2, [{bytes: 2_300_000, bibliographyBytes: 0}, {bytes: 2_300_000, bibliographyBytes: 0}])).toBe(2)
  })
})

describe('workSizes', () => {
  it('reads the sizes of documents and bibliographies, 0 for a missing file, and keeps the path of the bibliography', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-sizes-'))
    try {
      writeFileSync(join(dir, 'a.txt'), 'x'.repeat(123))
      writeFileSync(join(dir, 'a.bib'), 'y'.repeat(45))
      expect(await workSizes([{path: join(dir, 'a.txt'), bibliographyPath: join(dir, 'a.bib')}, {path: join(dir, 'missing.txt')}])).toEqual([
        {bytes: 123, bibliographyBytes: 45, bibliographyPath: join(dir, 'a.bib')},
        {bytes: 0, bibliographyBytes: 0}
      ])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
