import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {EntityType} from '../../src/config/types.js'
import {EntityMatcher, type Sense} from '../../src/stages/entities/entity-matcher.js'
import {shippedConfig} from '../helpers/analyse.js'
import {fuzzRuns} from '../helpers/scale.js'

/*
 * `matchAbbreviations` skips its pattern for a text that contains no abbreviation as a substring. The
 * skip must never lose a match: compared with the pattern's own matches on random text, for the
 * shipped abbreviations and for odd ones (non-ASCII, astral, with spaces, metacharacters).
 */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_125)

const odd: EntityType[] = [{id: 'odd', label: 'Odd', names: ['odd cell'], abbreviations: ['Ä1', '𝐀B', 'iPS cell', 'C++', 'a.b', 'ſS']}]
const matchers = [
  new EntityMatcher(shippedConfig.entityTypes, shippedConfig.distractors),
  new EntityMatcher(odd, [])
]
const documentSenses = new Map<string, Sense>([['UC-MSC', {kind: 'type', id: 'MSC', contextCues: []}], ['XYZ', {kind: 'type', id: 'x', contextCues: []}]])
const pieces = ['HSC', 'MSC', 'MSCs', 'BM-', 'hUC-', 'iPS', ' cell', 'iPS cell', 'UC-MSC', 'XYZ', 'Ä1', '𝐀B', '𝐀', '\udc00', '\ud835', 'C++', 'a.b', 'ſS', 'SS', 's', 'S', 'x', '-', ' ', '(', ')', 'é', '1']
const text = fc.array(fc.constantFrom(...pieces), {maxLength: 12}).map((parts) => parts.join(''))

describe('matchAbbreviations', () => {
  it('finds what the abbreviation pattern finds, the quick test notwithstanding', () => {
    for (const matcher of matchers) {
      for (const extra of [new Map<string, Sense>(), documentSenses]) {
        const {regex} = matcher.abbreviationPatternWith(extra)
        fc.assert(
          fc.property(text, (value) => {
            const expected: Array<[number, string]> = []
            regex.lastIndex = 0
            for (let m = regex.exec(value); m; m = regex.exec(value)) expected.push([m.index, m[0]])
            expect(matcher.matchAbbreviations(value, extra).map((match) => [match.start, match.text])).toEqual(expected)
          }),
          {seed, numRuns: fuzzRuns(500, 1500)}
        )
      }
    }
  })
})
