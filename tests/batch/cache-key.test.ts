import {createHash as realCreateHash} from 'node:crypto'
import {describe, expect, it, vi} from 'vitest'

/*
 * The cache key of a document with a bibliography: equal inputs give equal keys, any byte of the
 * bibliography changes it, and a file shared by documents is hashed once, not once per document.
 * Hashing is counted through node:crypto, mocked to tally the bytes each hash is fed.
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

const {bibliographyDigest, cacheKey} = await import('../../src/batch/cache-key.js')

const library = (title: string): Uint8Array => Buffer.from(JSON.stringify(Array.from({length: 2000}, (_, index) => ({id: `w${index}`, type: 'book', title: `${title} ${index}`}))))
const keyOf = (source: string, bytes: Uint8Array): string =>
  cacheKey({source: 'docs/a.txt', bytes: Buffer.from('Stem cells [1].'), bibliography: {source, bytes}, settings: '{}', pipeline: '1.0.0+0123456789abcdef'})

describe('bibliographyDigest', () => {
  it('is the sha256 of the bytes, for a file seen before and one not', () => {
    const bytes = library('Digest')
    const sha256 = realCreateHash('sha256').update(bytes).digest('hex')
    expect(bibliographyDigest('digest.csl.json', bytes)).toBe(sha256)
    expect(bibliographyDigest('digest.csl.json', Buffer.from(bytes))).toBe(sha256)
    expect(bibliographyDigest('elsewhere.csl.json', Buffer.from(bytes))).toBe(sha256)
  })

  it('hashes a file fifty documents share once, and compares the others to it', () => {
    const bytes = library('Shared')
    hashed.bytes = 0
    const keys = new Set(Array.from({length: 50}, () => keyOf('shared.csl.json', Buffer.from(bytes))))
    expect(keys.size).toBe(1)
    // The library once, plus each key's small parts (well under one more library's worth).
    expect(hashed.bytes).toBeGreaterThanOrEqual(bytes.byteLength)
    expect(hashed.bytes).toBeLessThan(2 * bytes.byteLength)
  })

  it('gives another key when a byte of the file changes, even in the same buffer', () => {
    const bytes = Buffer.from(library('Changed'))
    const before = keyOf('changed.csl.json', bytes)
    bytes[bytes.length - 3] = 0x58
    const after = keyOf('changed.csl.json', bytes)
    expect(after).not.toBe(before)
    expect(bibliographyDigest('changed.csl.json', bytes)).toBe(realCreateHash('sha256').update(bytes).digest('hex'))
  })

  it('keeps the digests of the last two files: a third pushes the oldest out, which is then hashed again', () => {
    const [a, b, c] = [library('A'), library('B'), library('C')]
    for (const [source, bytes] of [['a.json', a], ['b.json', b], ['c.json', c]] as const) bibliographyDigest(source, bytes)
    hashed.bytes = 0
    bibliographyDigest('c.json', Buffer.from(c))
    bibliographyDigest('b.json', Buffer.from(b))
    expect(hashed.bytes).toBe(0)
    bibliographyDigest('a.json', Buffer.from(a))
    expect(hashed.bytes).toBe(a.byteLength)
  })
})
