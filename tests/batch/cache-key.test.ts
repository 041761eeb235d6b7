import {createHash as realCreateHash} from 'node:crypto'
import {describe, expect, it, vi} from 'vitest'

/*
 * The cache key of a document with a bibliography, as a run makes it (`BibliographyDigests`, one per
 * run): equal inputs give equal keys, any byte of the bibliography changes it, and a file shared by
 * documents is hashed once, not once per document. Hashing is counted through node:crypto, mocked to
 * tally the bytes each hash is fed.
 */
const hashed = vi.hoisted(() => ({bytes: 0}))
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>()
  return {
    ...crypto,
    createHash: (algorithm: string) => {
      const hash = crypto.createHash(algorithm)
      const update = hash.update.bind(hash)
      hash.update = ((data: string | Uint8Array) => {
        hashed.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
        return update(data)
      }) as typeof hash.update
      return hash
    }
  }
})

const {BibliographyDigests, cacheKey} = await import('../../src/batch/cache-key.js')

const library = (title: string): Uint8Array => Buffer.from(JSON.stringify(Array.from({length: 2000}, (_, index) => ({id: `w${index}`, type: 'book', title: `${title} ${index}`}))))
const keyOf = (digests: InstanceType<typeof BibliographyDigests>, source: string, bytes: Uint8Array): string =>
  cacheKey({source: 'docs/a.txt', bytes: Buffer.from('Stem cells [1].'), bibliography: {source, sha256: digests.of(source, bytes)}, settings: '{}', pipeline: '1.0.0+0123456789abcdef'})

describe('BibliographyDigests', () => {
  it('gives the sha256 of the bytes, for a file seen before and one not', () => {
    const digests = new BibliographyDigests()
    const bytes = library('Digest')
    const sha256 = realCreateHash('sha256').update(bytes).digest('hex')
    expect(digests.of('digest.csl.json', bytes)).toBe(sha256)
    expect(digests.of('digest.csl.json', Buffer.from(bytes))).toBe(sha256)
    expect(digests.of('elsewhere.csl.json', Buffer.from(bytes))).toBe(sha256)
  })

  it('hashes a file fifty documents share once, and compares the others to it', () => {
    const digests = new BibliographyDigests()
    const bytes = library('Shared')
    hashed.bytes = 0
    const keys = new Set(Array.from({length: 50}, () => keyOf(digests, 'shared.csl.json', Buffer.from(bytes))))
    expect(keys.size).toBe(1)
    // The library once, plus each key's small parts (well under one more library's worth).
    expect(hashed.bytes).toBeGreaterThanOrEqual(bytes.byteLength)
    expect(hashed.bytes).toBeLessThan(2 * bytes.byteLength)
  })

  it('gives another key when a byte of the file changes, even in the same buffer', () => {
    const digests = new BibliographyDigests()
    const bytes = Buffer.from(library('Changed'))
    const before = keyOf(digests, 'changed.csl.json', bytes)
    bytes[bytes.length - 3] = 0x58
    const after = keyOf(digests, 'changed.csl.json', bytes)
    expect(after).not.toBe(before)
    expect(digests.of('changed.csl.json', bytes)).toBe(realCreateHash('sha256').update(bytes).digest('hex'))
  })

  it('keeps the digests of the last two files: a third pushes the oldest out, which is then hashed again', () => {
    const digests = new BibliographyDigests()
    const [a, b, c] = [library('A'), library('B'), library('C')]
    for (const [source, bytes] of [['a.json', a], ['b.json', b], ['c.json', c]] as const) digests.of(source, bytes)
    hashed.bytes = 0
    digests.of('c.json', Buffer.from(c))
    digests.of('b.json', Buffer.from(b))
    expect(hashed.bytes).toBe(0)
    digests.of('a.json', Buffer.from(a))
    expect(hashed.bytes).toBe(a.byteLength)
  })

  it('keeps nothing from one run for the next: each run hashes a file it reads anew', () => {
    const bytes = library('Runs')
    new BibliographyDigests().of('runs.csl.json', bytes)
    hashed.bytes = 0
    new BibliographyDigests().of('runs.csl.json', Buffer.from(bytes))
    expect(hashed.bytes).toBe(bytes.byteLength)
  })
})
