import {describe, expect, it} from 'vitest'
import {defaults} from '../../src/config/defaults.js'
import {ConfigError, resolveConfig} from '../../src/config/resolve-config.js'
import {shippedClaims, unsafePatterns} from '../../src/config/unsafe-patterns.js'
import {stemCells} from '../../src/presets/stem-cells.js'

/*
 * A run does not parse citeclaim's own patterns again (see src/config/unsafe-patterns.ts): this is
 * where they are checked, and where a pattern a user writes is shown to be checked all the same.
 */
describe('unsafePatterns', () => {
  it('finds nothing in the defaults and presets with every check run (what lets a run trust them)', () => {
    const claims = shippedClaims()
    expect(claims.length).toBe(3)
    for (const shipped of claims) expect(unsafePatterns(shipped, {trustShipped: false})).toEqual([])
  })

  it('still checks a pattern of the config that citeclaim does not ship', () => {
    const claims = {...defaults.claims, hedgeCues: [...defaults.claims.hedgeCues, '\\b(?:\\w+\\s?)+ suggests$']}
    const messages = unsafePatterns(claims)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatch(new RegExp(`^claims\\.hedgeCues\\.${defaults.claims.hedgeCues.length}: "\\(\\?:\\\\w\\+\\\\s\\?\\)\\+" repeats a part that itself repeats`))
    expect(() => resolveConfig({claims: {hedgeCues: ['\\b(?:\\w+\\s?)+ suggests$']}})).toThrow(ConfigError)
  })

  it('trusts a shipped pattern only where it passed the same checks: moved into a cue list, the strict check runs', () => {
    // An origin cue of the preset repeats a bounded run of words (`(?:[\w-]+\s+){0,2}`): unambiguous,
    // so allowed outside the cue lists, but a repetition of a repetition for the cue lists' rule.
    const origin = stemCells.claims!.originCues![0]!
    expect(unsafePatterns({...defaults.claims, originCues: [origin]})).toEqual([])
    const messages = unsafePatterns({...defaults.claims, hedgeCues: [origin]})
    expect(messages).toEqual([expect.stringMatching(/^claims\.hedgeCues\.0: "\(\?:\[\\w-\]\+\\s\+\)\{0,2\}" repeats a part that itself repeats/)])
  })

  it('gives the same messages with and without trust on a config mixing shipped and unsafe patterns', () => {
    const claims = {...defaults.claims, ...(stemCells.claims as typeof defaults.claims), comparisonCues: ['\\b(?:a|ab)+c', '\\bthan\\b']}
    expect(unsafePatterns(claims)).toEqual(unsafePatterns(claims, {trustShipped: false}))
    expect(unsafePatterns(claims)).toHaveLength(1)
  })
})
