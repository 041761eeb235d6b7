import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {nestedRepetition} from '../../src/config/pattern-safety.js'
import {ConfigError, resolveConfig} from '../../src/config/resolve-config.js'
import shipped from '../../pipeline.config.js'
import {stackLine} from './catalogue.js'
import {buildPrivateCli, type PrivateCli} from './private-cli.js'

/*
 * Cue patterns come from the user's config and run on every sentence: one that backtracks
 * exponentially (`(\w+\s?)+$` on a long word that ends a sentence with a period) hung the run.
 * Such patterns are refused when the config is loaded, naming the key path.
 */

describe('nestedRepetition', () => {
  it('finds a repetition of something that itself repeats', () => {
    expect(nestedRepetition('(\\w+\\s?)+$')).toBe('(\\w+\\s?)+')
    expect(nestedRepetition('\\b(?:(?:very|so) )*good')).toBeUndefined()
    expect(nestedRepetition('\\b(?:[a-z]+ly )*good')).toBe('(?:[a-z]+ly )*')
    expect(nestedRepetition('x(?:ab*){2,}')).toBe('(?:ab*){2,}')
    expect(nestedRepetition('(?:(?:ab)+)+')).toBe('(?:(?:ab)+)+')
    expect(nestedRepetition('(?:a\\s*b){1,3}')).toBe('(?:a\\s*b){1,3}')
    // Inside a lookaround it backtracks all the same.
    expect(nestedRepetition('x(?=(?:a+)+b)')).toBe('(?:a+)+')
  })

  it('allows optional parts around repetitions, fixed counts inside them, and flat patterns', () => {
    expect(nestedRepetition('\\b(?:has|have) (?:\\w+ )?been (?:studied|used)\\b')).toBeUndefined()
    expect(nestedRepetition('\\b(?:a(?:b+)?)?c')).toBeUndefined()
    expect(nestedRepetition('(?:\\d{3})+')).toBeUndefined()
    expect(nestedRepetition('\\bcompared (?:to|with)\\s*$')).toBeUndefined()
    expect(nestedRepetition('(?<=\\bnot )\\w+')).toBeUndefined()
  })
})

describe('resolveConfig refuses super-linear cue patterns', () => {
  it('accepts the shipped config and the defaults', () => {
    expect(() => resolveConfig(shipped)).not.toThrow()
    expect(() => resolveConfig({})).not.toThrow()
  })

  it('names the key path of every such pattern, in any list of patterns', () => {
    const config = {
      claims: {
        categories: [{id: 'efficacy', cues: ['\\bimprov', {pattern: '(?:\\w+,?)+ improved', weight: 2}]}],
        evidence: [{id: 'clinical', cues: ['\\bpatients?\\b', '(\\w+\\s?)+$']}],
        hedgeCues: ['\\bmay\\b'],
        nonClaimPatterns: [],
        comparisonCues: ['(?:\\s*than)*$']
      }
    }
    let error: unknown
    try {
      resolveConfig(config, 'bad.config.ts')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as ConfigError).message
    expect((error as ConfigError).file).toBe('bad.config.ts')
    expect(message).toMatch(/^invalid config: /)
    expect(message).toContain('claims.categories.0.cues.1.pattern: "(?:\\w+,?)+" repeats a part that itself repeats')
    expect(message).toContain('claims.evidence.0.cues.1: "(\\w+\\s?)+" repeats')
    expect(message).toContain('claims.comparisonCues.0: "(?:\\s*than)*" repeats')
    expect(message).not.toContain('hedgeCues')
  })
})

describe('the CLI with such a pattern in its config', () => {
  let work: string
  let cli: PrivateCli
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'citeclaim-patterns-'))
    cli = buildPrivateCli(join(work, 'cli'))
  }, 120_000)
  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  it('exits 2 with a config-invalid line at once, instead of hanging on the first long word', () => {
    mkdirSync(join(work, 'in'))
    writeFileSync(join(work, 'in', 'doc.txt'), `Mesenchymal stem cells repair tissue in ${'a'.repeat(40)}, as studies say.\n`)
    // The shipped config with one more hedge cue: its entity types make the sentence a claim.
    const bad = join(work, 'cli', 'bad.config.ts')
    writeFileSync(bad, `import config from './pipeline.config.ts'\nexport default {...config, claims: {...config.claims, hedgeCues: [...(config.claims?.hedgeCues ?? []), '(\\\\w+\\\\s?)+$']}}\n`)
    const result = spawnSync(process.execPath, [cli.bin, 'run', 'in', '--out', 'out', '--config', bad, '--quiet', '-j', '1'], {cwd: work, encoding: 'utf8', timeout: 60_000})
    expect(result.status, result.stderr).toBe(2)
    expect(result.stderr).not.toMatch(stackLine)
    expect(result.stderr).toMatch(/^\S*bad\.config\.ts: error invalid config: claims\.hedgeCues\.\d+: "\(\\w\+\\s\?\)\+" repeats a part that itself repeats.* \[config-invalid\]\n$/)
  }, 90_000)
})
