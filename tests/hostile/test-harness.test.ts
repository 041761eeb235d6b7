import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {stressFiles} from '../../vitest.stress.config.js'
import {slowFiles} from '../helpers/slow-first-sequencer.js'
import {countWork, workGrowth} from '../helpers/count-work.js'
import {commandAvailable, isCi, runsWith} from '../helpers/requires.js'
import {repo} from './private-cli.js'

/*
 * The test suite's own machinery: the work counter that complexity tests use instead of timings,
 * the rule that skips or fails tests needing an external program, and the list of files with a
 * long version for `npm run test:stress`.
 */

describe('countWork', () => {
  it('charges an array scan the length of the array, and a Set or Map look-up one step', () => {
    const list = [1, 2, 3, 4, 5]
    expect(countWork(() => list.includes(9))).toBe(5)
    expect(countWork(() => list.map((n) => n * 2))).toBe(5)
    const set = new Set([1])
    const map = new Map([[1, 'a']])
    expect(countWork(() => [set.has(1), set.has(2), map.get(1)])).toBe(3)
    // A plain loop does no counted work: linear-time.test.ts covers those.
    expect(countWork(() => {
      let sum = 0
      for (const n of list) sum += n
      return sum
    })).toBe(0)
  })

  it('tells a list scanned per item (quadratic) from a Set probed per item (linear)', () => {
    const withList = (items: number[]): number[] => {
      const kept: number[] = []
      for (const item of items) if (!kept.includes(item)) kept.push(item)
      return kept
    }
    const withSet = (items: number[]): number[] => {
      const seen = new Set<number>()
      return items.filter((item) => !seen.has(item) && Boolean(seen.add(item)))
    }
    const build = (n: number): number[] => Array.from({length: n}, (_, index) => index)
    expect(workGrowth(withList, build, 200)).toBeGreaterThan(90)
    expect(workGrowth(withSet, build, 200)).toBe(10)
  })

  it('puts the built-ins back afterwards, even when the run throws', () => {
    const includes = Array.prototype.includes
    const has = Set.prototype.has
    expect(() => countWork(() => {
      throw new Error('boom')
    })).toThrow('boom')
    expect(Array.prototype.includes).toBe(includes)
    expect(Set.prototype.has).toBe(has)
    expect(Object.keys(Array.prototype)).toEqual([])
  })
})

describe('tests that need an external program', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })
  const missing = 'citeclaim-no-such-program'

  it('reads CI as the CLI does: unset, empty, 0 and false are not CI', () => {
    expect(isCi({})).toBe(false)
    expect(isCi({CI: ''})).toBe(false)
    expect(isCi({CI: '0'})).toBe(false)
    expect(isCi({CI: 'False'})).toBe(false)
    expect(isCi({CI: 'true'})).toBe(true)
    expect(isCi({CI: '1'})).toBe(true)
  })

  it('runs them when the program is on the PATH', () => {
    expect(commandAvailable(process.execPath)).toBe(true)
    expect(runsWith(process.execPath, 'install it', {...process.env, CI: ''})).toBe(true)
  })

  it('skips them without the program, saying why and how to install it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(commandAvailable(missing)).toBe(false)
    expect(runsWith(missing, 'apt-get install -y it', {...process.env, CI: ''})).toBe(false)
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^skipping the tests that need ${missing}: it is not on the PATH \\(apt-get install -y it;`)))
  })

  it('runs them, to fail, without the program when CI is set', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(runsWith(missing, 'apt-get install -y it', {...process.env, CI: 'true'})).toBe(true)
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('npm run test:stress', () => {
  it('lists test files that exist and have a long version', () => {
    expect(stressFiles.length).toBeGreaterThan(0)
    for (const file of stressFiles) {
      expect(existsSync(join(repo, file)), file).toBe(true)
      expect(readFileSync(join(repo, file), 'utf8'), file).toMatch(/from '\.\.\/helpers\/scale\.js'/)
    }
  })
})

describe('the order of test files', () => {
  it('starts with test files that exist', () => {
    expect(slowFiles.length).toBeGreaterThan(0)
    for (const file of slowFiles) expect(existsSync(join(repo, file)), file).toBe(true)
  })
})
