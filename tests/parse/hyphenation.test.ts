import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {collectVocabulary} from '../../src/stages/parse/hyphenation.js'
import {fuzzRuns} from '../helpers/scale.js'

/*
 * `collectVocabulary` scans by hand what it once found with a regular expression: it must give the
 * same words, in the same order, for any text (letters and digits outside ASCII, surrogate pairs,
 * lone surrogates, characters whose lower case is longer, hyphens in every place).
 */
function reference(text: string): string[] {
  const words = new Set<string>()
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    const word = match[0].toLowerCase()
    words.add(word)
    if (word.includes('-')) for (const part of word.split('-')) words.add(part)
  }
  return [...words]
}

const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_125)
const pieces = ['a', 'Z', 'cell', 'Stem', 'MSCs', '1', '42', '-', '--', ' ', '\t', '\n', '.', ',', '_', '\u2010', 'é', 'É', 'ß', 'İ', 'Σ', 'ΑΣ', 'ς', '\u0301', '²', '٣', 'Ⅻ', '½', 'ª', '\u{1D400}', '\u{1F600}', '\ud835', '\udc00', '\u00a0', 'ǅ', 'ﬁ', '\u00ff', '\u0100']
const pieceText = fc.array(fc.constantFrom(...pieces), {maxLength: 30}).map((parts) => parts.join(''))
const anyCodeUnits = fc.array(fc.integer({min: 0, max: 0xffff}), {maxLength: 30}).map((codes) => String.fromCharCode(...codes))
const anyCodePoints = fc.string({unit: 'binary', maxLength: 30})

describe('collectVocabulary', () => {
  it('finds the words the regular expression finds, lower-cased, with the parts of hyphenated ones', () => {
    for (const text of [pieceText, anyCodeUnits, anyCodePoints]) {
      fc.assert(
        fc.property(text, (value) => {
          expect([...(collectVocabulary(value) as Set<string>)]).toEqual(reference(value))
        }),
        {seed, numRuns: fuzzRuns(1000, 3000)}
      )
    }
  })

  it('reads words across letters outside ASCII and keeps hyphenated forms whole', () => {
    const words = collectVocabulary('Bone marrow-derived MSCs (CD34²) and Ἀθῆναι, 𝐀𝐁-c: self--renewal') as Set<string>
    expect([...words]).toEqual(['bone', 'marrow-derived', 'marrow', 'derived', 'mscs', 'cd34²', 'and', 'ἀθῆναι', '𝐀𝐁-c', '𝐀𝐁', 'c', 'self', 'renewal'])
  })
})
