import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {CueIndex, requiredLiterals} from '../../src/claims/cue-pattern.js'
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
