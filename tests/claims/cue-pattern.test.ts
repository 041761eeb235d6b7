import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {CueIndex, keyAt, requiredLiterals} from '../../src/stages/entities/cue-pattern.js'
import {defaultClaimOptions} from '../../src/config/defaults.js'
import {loadConfig} from '../../src/config/load-config.js'
import type {ClaimOptions} from '../../src/config/types.js'

const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_125)
const numRuns = Math.max(1000, Number(process.env.CITECLAIM_FUZZ_RUNS ?? 1000))

const texts = (literals: ReturnType<typeof requiredLiterals>): string[] | undefined => literals?.map((literal) => `${literal.text}${literal.atWordStart ? '@' : ''}`)

describe('requiredLiterals', () => {
  it('takes the leading literal of each branch, after a leading \\b', () => {
    expect(texts(requiredLiterals('\\bimprov(?:e|ed)\\b|\\bamelior', 'gi'))).toEqual(['improv@', 'amelior@'])
    expect(texts(requiredLiterals('encapsulat', 'i'))).toEqual(['encapsulat'])
    expect(texts(requiredLiterals('\\bclinical (?:stud|trial)', 'i'))).toEqual(['clinical @'])
  })

  it('drops a last character that a quantifier makes optional', () => {
    expect(texts(requiredLiterals('\\bremains? (?:unclear)', 'i'))).toEqual(['remain@'])
    expect(texts(requiredLiterals('\\btumo(?:u)?rigen', 'i'))).toEqual(['tumo@'])
    expect(texts(requiredLiterals('\\bcells{0,1}', 'i'))).toEqual(['cell@'])
    expect(texts(requiredLiterals('\\bab*c', 'i'))).toEqual(['a@'])
  })

  it('reads a group that opens a branch: one literal per inner branch', () => {
    expect(texts(requiredLiterals('\\b(?:barriers?|obstacles?)\\b|\\bunfortunately\\b', 'i'))).toEqual(['barrier@', 'obstacle@', 'unfortunately@'])
    expect(texts(requiredLiterals('\\b(?:the present|this) (?:review|article)', 'i'))).toEqual(['the present@', 'this@'])
  })

  it('gives up where a match need not contain a literal', () => {
    // a branch without one, an optional opening group, a lookaround, a nested group, a class
    expect(requiredLiterals('\\bsafe\\b|\\w+ly', 'i')).toBeUndefined()
    expect(requiredLiterals('(?:very )?safe', 'i')).toBeUndefined()
    expect(requiredLiterals('(?<!not )safe', 'i')).toBeUndefined()
    expect(requiredLiterals('\\b(?:(?:has|have) been|was)', 'i')).toBeUndefined()
    expect(requiredLiterals('[Ss]afe', 'i')).toBeUndefined()
    // With the unicode flag, U+212A KELVIN SIGN matches k: a lower-case search would miss it.
    expect(requiredLiterals('\\bkinase', 'iu')).toBeUndefined()
  })

  it('does not read a | inside a group or class, or an escaped one, as a branch', () => {
    expect(texts(requiredLiterals('\\bstem (?:cell|line)', 'i'))).toEqual(['stem @'])
    expect(texts(requiredLiterals('\\bp[|]value', 'i'))).toEqual(['p@'])
    expect(texts(requiredLiterals('\\bone\\|two', 'i'))).toEqual(['one|two@'])
  })
})

/** Every cue of a claim configuration, as its rules compile it. */
function allCues(options: ClaimOptions): string[] {
  return [
    ...options.categories.flatMap((category) => category.cues.map((cue) => (typeof cue === 'string' ? cue : cue.pattern))),
    ...options.evidence.flatMap((level) => level.cues),
    ...options.hedgeCues,
    ...options.nonClaimPatterns,
    ...(options.studyOnlyPatterns ?? [])
  ]
}

describe('CueIndex', async () => {
  const {config} = await loadConfig(undefined, process.cwd())
  const sources = [...new Set([...allCues(defaultClaimOptions), ...allCues(config.claims)])]
  const index = new CueIndex()
  const cues = sources.map((source) => ({source, cue: index.add(source, 'i')}))
  // Phrases the cues are made of (regex syntax stripped), cut and recased, with the characters that
  // decide word starts between them.
  const phrases = [...new Set(sources.flatMap((source) => source.replace(/\\b|\(\?:|\(\?<?[=!][^)]*\)|[()?*+$]|\[[^\]]*\]|\\w|\{\d+(?:,\d*)?\}/g, '').split('|')).filter((phrase) => phrase.length > 1))]
  const piece = fc.oneof(
    fc.constantFrom(...phrases),
    fc.constantFrom(...phrases).map((phrase) => phrase.toUpperCase()),
    fc.constantFrom(...phrases).map((phrase) => phrase.slice(1)),
    fc.constantFrom(' ', '  ', '-', '_', '1', ',', '.', '’', 'é', 'İ', '\u212A', 'x')
  )
  const text = fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', '', '-')), {maxLength: 12}).map((pairs) => pairs.map(([word, gap]) => word + gap).join(''))

  it('lists every cue that matches a text among its candidates', () => {
    const matched = new Set<string>()
    fc.assert(
      fc.property(text, (value) => {
        const candidates = index.candidates(value)
        const matching = cues.filter(({cue}) => cue.regex.test(value))
        for (const {source} of matching) matched.add(source)
        expect(matching.filter(({cue}) => !candidates.has(cue)).map(({source}) => source)).toEqual([])
      }),
      {seed, numRuns}
    )
    // Not vacuous: the random texts made most cues match at least once.
    expect(matched.size).toBeGreaterThan(sources.length / 2)
  })

  it('rules out most cues of a sentence that has few of them', () => {
    const candidates = index.candidates('HSCs express CD34 as the cell surface marker.')
    expect(candidates.size).toBeLessThan(cues.length / 4)
    expect(cues.filter(({cue}) => candidates.has(cue)).some(({source}) => source.includes('express'))).toBe(true)
  })
})

describe('keyAt', () => {
  // The key before it packed three ASCII characters into a small integer: three code units, ASCII capitals lower-cased, in base 65 536.
  const previousKey = (text: string, index: number): number => {
    let key = 0
    for (let offset = 0; offset < 3; offset++) {
      const code = text.charCodeAt(index + offset)
      key = key * 65_536 + (code >= 65 && code <= 90 ? code + 32 : code)
    }
    return key
  }
  const unit = fc.oneof(
    fc.integer({min: 0, max: 127}),
    fc.constantFrom(65, 90, 97, 122, 127, 128, 0x130, 0x17f, 0x212a, 0xd835, 0xdc00, 0xffff),
    fc.integer({min: 0, max: 0xffff})
  )
  const triple = fc.array(unit, {minLength: 3, maxLength: 3}).map((codes) => String.fromCharCode(...codes))

  it('tells two texts apart exactly when the previous key did', () => {
    fc.assert(
      fc.property(triple, triple, (a, b) => {
        expect(keyAt(a, 0) === keyAt(b, 0)).toBe(previousKey(a, 0) === previousKey(b, 0))
      }),
      {seed, numRuns}
    )
    expect(keyAt('HSC', 0)).toBe(keyAt('hsc', 0))
    expect(keyAt('\u212Asc', 0)).not.toBe(keyAt('ksc', 0))
    expect(keyAt('\u0000\u0000\u0080', 0)).not.toBe(keyAt('\u0000\u0001\u0000', 0))
  })
})
