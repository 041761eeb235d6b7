import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {foldWhiteSpace} from '../../src/stages/parse/white-space.js'
import {fuzzRuns} from '../helpers/scale.js'

/* `foldWhiteSpace` replaces fewer runs than `/\s+/g` does, and must give the same string for any text. */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_125)
// Every character `\s` matches, and some it does not (zero-width space, U+180E, letters).
const spaces = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
const pieces = [...spaces, '  ', ' \t', 'a', 'word', '.', '\u200b', '\u180e', '\u0085']

describe('foldWhiteSpace', () => {
  it("gives what text.replace(/\\s+/g, ' ') gives", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 20}), (parts) => {
        const text = parts.join('')
        expect(foldWhiteSpace(text)).toBe(text.replace(/\s+/g, ' '))
      }),
      {seed, numRuns: fuzzRuns(1000, 5000)}
    )
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 30}), (text) => {
        expect(foldWhiteSpace(text)).toBe(text.replace(/\s+/g, ' '))
      }),
      {seed, numRuns: fuzzRuns(400, 2000)}
    )
  })
})
