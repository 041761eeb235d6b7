import {describe, expect, it} from 'vitest'
import {ambiguousNesting, ambiguousRepetition} from '../../src/config/pattern-safety.js'
import {ConfigError, resolveConfig} from '../../src/config/resolve-config.js'
import shipped from '../../pipeline.config.js'

/*
 * Cases an outside check of issue 9 found that the rest of tests/hostile/ did not have. Each failed
 * on the code before its fix.
 */

/** The message of the ConfigError that resolving `config` throws (fails when it does not throw). */
function refusal(config: unknown): string {
  try {
    resolveConfig(config as Parameters<typeof resolveConfig>[0], 'bad.config.ts')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).message
  }
  throw new Error('the config was accepted')
}

describe('cue patterns: every list is checked, and repeated alternatives that overlap are refused', () => {
  it('finds a repetition whose alternatives can begin with the same character, or whose body can match nothing', () => {
    expect(ambiguousRepetition('(?:\\w|\\d)+$')).toBe('(?:\\w|\\d)+')
    expect(ambiguousRepetition('\\b(?:[a-z]|[a-z0-9])+\\.')).toBe('(?:[a-z]|[a-z0-9])+')
    expect(ambiguousRepetition('(a|a)*x')).toBe('(a|a)*')
    // Case-insensitive, as cues run: `b` and `B` are one letter.
    expect(ambiguousRepetition('(?:b|B)+')).toBe('(?:b|B)+')
    expect(ambiguousRepetition('(?:a?){20}a{20}')).toBe('(?:a?){20}')
    // Alternatives that start differently split a text one way only.
    expect(ambiguousRepetition('\\b(?:(?:very|so) )*good')).toBeUndefined()
    expect(ambiguousRepetition('(?:ab|cd)+')).toBeUndefined()
    expect(ambiguousRepetition('(?:\\d{3})+')).toBeUndefined()
  })

  it('tells unambiguous bounded word runs from ambiguous nesting', () => {
    expect(ambiguousNesting('(?:[\\w-]+\\s+){0,2}derived')).toBeUndefined()
    expect(ambiguousNesting('(?:\\S+\\s+){0,3}?they')).toBeUndefined()
    expect(ambiguousNesting('(?: [\\w-]+){0,3}')).toBeUndefined()
    expect(ambiguousNesting('(\\w+\\s?)+$')).toBe('(\\w+\\s?)+')
    expect(ambiguousNesting('(?:a+a)+')).toBe('(?:a+a)+')
    expect(ambiguousNesting('((?:a|b)+b)+')).toBe('((?:a|b)+b)+')
  })

  it('accepts the shipped config and the defaults', () => {
    expect(() => resolveConfig(shipped)).not.toThrow()
    expect(() => resolveConfig({})).not.toThrow()
  })

  it('refuses an overlapping alternation under repetition in a cue, naming its key path', () => {
    const message = refusal({claims: {hedgeCues: ['\\bmay\\b', '(?:\\w|\\d)+$']}})
    expect(message).toContain('claims.hedgeCues.1: "(?:\\w|\\d)+" repeats alternatives that can match the same characters')
  })

  it('refuses super-linear patterns in every pattern list of the config, not only the cue lists', () => {
    const bad = '(\\w+\\s?)+$'
    const message = refusal({
      claims: {
        originCues: [bad],
        anaphoraPatterns: [bad],
        cellAnaphoraPatterns: [bad],
        compositeCues: [bad],
        otherSubjectPatterns: [bad],
        sectionEvidence: [{level: 'clinical', headings: [bad]}],
        clauses: {reported: bad, continuation: '(?:\\w|\\d)+$'}
      }
    })
    for (const path of ['originCues.0', 'anaphoraPatterns.0', 'cellAnaphoraPatterns.0', 'compositeCues.0', 'otherSubjectPatterns.0', 'sectionEvidence.0.headings.0', 'clauses.reported', 'clauses.continuation']) {
      expect(message).toContain(`claims.${path}: `)
    }
  })
})
