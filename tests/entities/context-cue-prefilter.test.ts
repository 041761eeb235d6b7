import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {beforeConjuncts, contextCue, lowerForLiterals, possibleCues} from '../../src/stages/entities/remark-entities.js'
import {shippedConfig} from '../helpers/analyse.js'
import {fuzzRuns} from '../helpers/scale.js'

/*
 * The entities stage runs a comparison or origin cue only when the sentence holds one of its
 * literals. The skip must never lose a match: on random text, every cue that matches some context
 * before some position (the text before it and the texts before its list's earlier members) is among
 * the sentence's possible cues; the cues are compiled with the unicode flag, whose case folding maps
 * ſ and the Kelvin sign onto s and k.
 */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_201)

const sources = [...shippedConfig.claims.comparisonCues, ...(shippedConfig.claims.originCues ?? []), '\\bstem\\s*$', '\\bKey\\s*$']
const cues = sources.map(contextCue)
const pieces = ['compared ', 'COMPARED ', 'to ', 'with ', 'than', 'THAN ', 'those ', 'that ', 'of ', 'in contrast to ', 'unlike ', 'UnLiKe', 'as in ', 'like ', 'instead of ', 'derived ', 'from ', 'arises ', 'originated ', 'descends ', 'differentiate ', 'into ', 'gives ', 'rise ', 'leads ', 'the ', 'a ', 'MSCs', 'and ', 'or ', ', ', 'ſ', 'K', 'k', 's', 'ſtem ', 'stem ', 'ey ', 'İ', 'é', '-', ' ', 'x']
const text = fc.array(fc.constantFrom(...pieces), {maxLength: 16}).map((parts) => parts.join(''))

describe('possibleCues', () => {
  it('keeps every cue that matches a context within the text', () => {
    fc.assert(
      fc.property(text, (value) => {
        const possible = new Set(possibleCues(cues, lowerForLiterals(value)))
        for (let end = 0; end <= value.length; end++) {
          const before = value.slice(Math.max(0, end - 80), end)
          for (const context of [before, ...beforeConjuncts(before)]) {
            for (const cue of cues) if (cue.regex.test(context)) expect(possible.has(cue.regex)).toBe(true)
          }
        }
      }),
      {seed, numRuns: fuzzRuns(300, 1000)}
    )
  })

  it('leaves out cues whose literals the text does not hold', () => {
    const lower = lowerForLiterals('MSCs differ from HSCs.')
    expect(possibleCues(cues, lower).map((regex) => regex.source)).not.toContain('\\bunlike\\s*$')
    expect(lowerForLiterals('ſtem')).toBeUndefined()
    expect(possibleCues(cues, undefined)).toHaveLength(cues.length)
  })
})
