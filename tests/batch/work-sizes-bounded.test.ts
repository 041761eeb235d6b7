import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'

/** stat calls started and not yet settled, and the most there were at once. */
const calls = vi.hoisted(() => ({inFlight: 0, most: 0, total: 0}))

// Every stat `workSizes` makes goes through this wrapper, which counts the calls in flight.
vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs/promises')>()
  const stat = (async (...args: Parameters<typeof original.stat>) => {
    calls.inFlight++
    calls.total++
    calls.most = Math.max(calls.most, calls.inFlight)
    try {
      return await original.stat(...args)
    } finally {
      calls.inFlight--
    }
  }) as typeof original.stat
  return {...original, stat, default: {...original, stat}}
})

const {statsAtOnce, workSizes} = await import('../../src/batch/worker-count.js')

describe('workSizes on a large batch', () => {
  let dir: string
  const count = 600
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'citeclaim-work-sizes-'))
    for (let n = 0; n < count; n++) {
      writeFileSync(join(dir, `doc-${n}.txt`), 'x'.repeat(n))
      if (n % 3 === 0) writeFileSync(join(dir, `doc-${n}.bib`), 'y'.repeat(2 * n))
    }
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it(`stats at most ${statsAtOnce} documents' files at once, and gives every size in the documents' order`, async () => {
    const documents = Array.from({length: count}, (_, n) => ({path: join(dir, `doc-${n}.txt`), ...(n % 3 === 0 ? {bibliographyPath: join(dir, `doc-${n}.bib`)} : {})}))
    const sizes = await workSizes(documents)
    // All at once, the 600 documents' 800 stat calls would all be in flight together: memory that
    // grows with the batch (10,000 documents held 35 MB).
    expect(calls.total).toBe(count + count / 3)
    expect(calls.most).toBeGreaterThan(1)
    expect(calls.most).toBeLessThanOrEqual(statsAtOnce)
    expect(sizes).toEqual(documents.map((document, n) => ({bytes: n, bibliographyBytes: document.bibliographyPath ? 2 * n : 0, ...(document.bibliographyPath ? {bibliographyPath: document.bibliographyPath} : {})})))
  })
})
