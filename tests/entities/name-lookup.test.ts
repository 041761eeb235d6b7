import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {Distractor, EntityType} from '../../src/config/types.js'
import {EntityMatcher} from '../../src/stages/entities/entity-matcher.js'
import {shippedConfig} from '../helpers/analyse.js'
import {fuzzRuns} from '../helpers/scale.js'

/*
 * `matchNames` runs one alternation of all names without a capturing group per name and looks up
 * afterwards which name matched. The reference below is the alternation with one group per name, the
 * group that took part saying which: on random text made of name words, separators and letters that
 * case-insensitive matching folds onto ASCII (ſ, K), both must give the same matches and the same names.
 */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_201)

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
function referencePattern(name: string): string {
  const words = name.trim().split(/[\s-]+/).map(escape)
  const last = words.length - 1
  return words.map((word, index) => (index === last && /\p{L}$/u.test(word) ? `${word}(?:s|es)?` : word)).join('[\\s\\u2010-]+')
}

/** The names in the matcher's order (longest source first, stable), each with what it stands for. */
function referenceMatches(types: readonly EntityType[], distractors: readonly Distractor[], text: string): Array<[number, string, string, string]> {
  const names: Array<{source: string; id: string; via: string}> = []
  for (const type of types) {
    for (const name of type.names) names.push({source: referencePattern(name), id: type.id, via: 'name'})
    for (const name of type.subtypes ?? []) names.push({source: referencePattern(name), id: type.id, via: 'subtype'})
  }
  for (const distractor of distractors) for (const name of distractor.names) names.push({source: referencePattern(name), id: distractor.id, via: 'name'})
  names.sort((a, b) => b.source.length - a.source.length)
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((name) => `(${name.source})`).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
  const found: Array<[number, string, string, string]> = []
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const name = names[m.indexOf(m[0], 1) - 1]!
    found.push([m.index, m[0], name.id, name.via])
  }
  return found
}

const odd: EntityType[] = [
  {id: 'long', label: 'Long', names: ['stem cell in marrow', 'Kidney ſtem cell'], subtypes: ['stem cells']},
  {id: 'short', label: 'Short', names: ['stem cell', 'marrow cell', 'C++ cell']}
]
const configs: Array<{types: readonly EntityType[]; distractors: readonly Distractor[]; words: string[]}> = [
  {types: shippedConfig.entityTypes, distractors: shippedConfig.distractors, words: ['stem', 'Stem', 'cell', 'cells', 'CELLS', 'mesenchymal', 'bone', 'marrow', 'derived', 'hematopoietic', 'progenitor', 'es', 's', 'ſ', 'K']},
  {types: odd, distractors: [], words: ['stem', 'ſtem', 'cell', 'cells', 'in', 'marrow', 'kidney', 'Kidney', 'C++', 'es', 's']}
]

describe('matchNames', () => {
  it('names the same entity for every match as a group per name would', () => {
    for (const config of configs) {
      const matcher = new EntityMatcher(config.types, config.distractors)
      const text = fc
        .array(fc.oneof(fc.constantFrom(...config.words), fc.constantFrom(' ', '-', '\u2010', '  ', '\n', 'x', ',')), {maxLength: 14})
        .map((parts) => parts.join(''))
      fc.assert(
        fc.property(text, (value) => {
          const actual = matcher.matchNames(value).map((match): [number, string, string, string] => [match.start, match.text, match.senses[0]!.id, match.via])
          expect(actual).toEqual(referenceMatches(config.types, config.distractors, value))
        }),
        {seed, numRuns: fuzzRuns(1000, 3000)}
      )
    }
  })

  it('tells a plural subtype from a singular name of another type by the whole match', () => {
    const matcher = new EntityMatcher(odd, [])
    expect(matcher.matchNames('Stem-cells and stem cell').map((match) => [match.text, match.senses[0]!.id, match.via])).toEqual([
      ['Stem-cells', 'long', 'subtype'],
      ['stem cell', 'short', 'name']
    ])
  })
})
