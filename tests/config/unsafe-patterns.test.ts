import {mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {defaults} from '../../src/config/defaults.js'
import {patternVerdictKey, type PatternVerdictStats} from '../../src/config/pattern-verdicts.js'
import {ConfigError, resolveConfig} from '../../src/config/resolve-config.js'
import {loadConfig} from '../../src/config/load-config.js'
import {privateCacheFolder} from '../../src/config/transpile-cache.js'
import {patternsToCheck, unsafePatterns} from '../../src/config/unsafe-patterns.js'

/*
 * A run does not parse again a list of patterns that passed the exponential-time checks before
 * (src/config/pattern-verdicts.ts): only a pass is remembered, for exactly those patterns under
 * exactly those rules and checks, in the private cache folder.
 */
const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, {recursive: true, force: true})
})
function cacheFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'citeclaim-verdicts-'))
  roots.push(root)
  return privateCacheFolder(root, 'patterns')!
}
const stats = (): PatternVerdictStats => ({hits: 0, misses: 0})
// An invented hedge cue that repeats a repetition, and an unambiguous origin-style cue that repeats
// a bounded run of words: allowed outside the cue lists, refused in one by the strict rule.
const unsafeCue = '\\b(?:\\w+\\s?)+ suggests$'
const boundedRun = '\\bgives rise to\\s+(?:[\\w-]+\\s+){0,2}$'

describe('unsafePatterns with a cache folder', () => {
  it('remembers the defaults passing too, for a run with --no-config (no config file found)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'citeclaim-verdicts-'))
    roots.push(root)
    const folder = privateCacheFolder(root, 'patterns')!
    await loadConfig(undefined, root, {defaults: true, cacheRoot: root})
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^patterns-[0-9a-f]{64}\.json$/)])
  })

  it('checks a list once: the next time the same patterns pass without being parsed', () => {
    const folder = cacheFolder()
    const counted = stats()
    expect(unsafePatterns(defaults.claims, {cacheFolder: folder, stats: counted})).toEqual([])
    expect(unsafePatterns(defaults.claims, {cacheFolder: folder, stats: counted})).toEqual([])
    expect(counted).toEqual({hits: 1, misses: 1})
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^patterns-[0-9a-f]{64}\.json$/)])
  })

  it('never remembers a refusal: an unsafe pattern is reported every time, with its key path', () => {
    const folder = cacheFolder()
    const counted = stats()
    const claims = {...defaults.claims, hedgeCues: [unsafeCue]}
    for (let i = 0; i < 2; i++) expect(unsafePatterns(claims, {cacheFolder: folder, stats: counted})).toEqual([expect.stringMatching(/^claims\.hedgeCues\.0: "\(\?:\\w\+\\s\?\)\+" repeats a part that itself repeats/)])
    expect(counted).toEqual({hits: 0, misses: 2})
    expect(() => resolveConfig({claims: {hedgeCues: [unsafeCue]}}, undefined, {cacheFolder: folder})).toThrow(ConfigError)
  })

  it('trusts a pass only under the same rule: a pattern that passed outside the cue lists is checked again in one, and refused', () => {
    const folder = cacheFolder()
    expect(unsafePatterns({...defaults.claims, originCues: [boundedRun]}, {cacheFolder: folder})).toEqual([])
    const counted = stats()
    expect(unsafePatterns({...defaults.claims, originCues: [], hedgeCues: [boundedRun]}, {cacheFolder: folder, stats: counted})).toEqual([expect.stringMatching(/^claims\.hedgeCues\.0: "\(\?:\[\\w-\]\+\\s\+\)\{0,2\}" repeats a part that itself repeats/)])
    expect(counted).toEqual({hits: 0, misses: 1})
  })

  it('trusts only a regular file naming its own key: a planted entry or a link is a miss', () => {
    const folder = cacheFolder()
    const claims = {...defaults.claims, hedgeCues: [unsafeCue]}
    const key = patternVerdictKey(patternsToCheck(claims))
    // An entry for another key under this list's name.
    writeFileSync(join(folder, `patterns-${key}.json`), JSON.stringify({key: 'another', code: 'safe'}))
    expect(unsafePatterns(claims, {cacheFolder: folder})).toHaveLength(1)
    // A link to a file that names the key.
    rmSync(join(folder, `patterns-${key}.json`))
    const elsewhere = join(roots.at(-1)!, 'planted.json')
    writeFileSync(elsewhere, JSON.stringify({key, code: 'safe'}))
    symlinkSync(elsewhere, join(folder, `patterns-${key}.json`))
    expect(unsafePatterns(claims, {cacheFolder: folder})).toHaveLength(1)
  })

  it('without a folder checks every time', () => {
    const counted = stats()
    unsafePatterns(defaults.claims, {stats: counted})
    unsafePatterns(defaults.claims, {stats: counted})
    expect(counted).toEqual({hits: 0, misses: 2})
  })
})
