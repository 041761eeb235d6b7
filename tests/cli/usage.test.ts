import {describe, expect, it} from 'vitest'
import {didYouMean, editDistance, parseArgsErrorMessage, usage} from '../../src/cli/usage.js'

describe('did you mean', () => {
  it('counts a swap of two neighbours as one edit, like an insertion, deletion or substitution', () => {
    expect(editDistance('rnu', 'run')).toBe(1)
    expect(editDistance('forse', 'force')).toBe(1)
    expect(editDistance('fore', 'force')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })

  it('suggests the nearest word only within a third of its length in edits', () => {
    expect(didYouMean('concurency', ['config', 'concurrency', 'check'])).toBe('concurrency')
    expect(didYouMean('CHECK', ['config', 'check'])).toBe('check')
    expect(didYouMean('xyz', ['run', 'merge', 'help'])).toBeUndefined()
    expect(didYouMean('verbositys', ['verbose'])).toBeUndefined()
  })

  it('turns a raw parseArgs message into one line naming the option', () => {
    expect(parseArgsErrorMessage("Unknown option '--shrad'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--shrad\"")).toBe('unknown option --shrad; did you mean --shard? (citeclaim --help lists every option)')
    expect(parseArgsErrorMessage("Option '-j, --concurrency <value>' argument missing")).toBe('--concurrency needs a value (--concurrency N)')
  })

  it('lists each option once in the help, with its value name', () => {
    const help = usage()
    expect(help).toMatch(/^ {2}-j, --concurrency N +documents analysed at once/m)
    expect(help.match(/--check\b/g)?.length).toBeGreaterThanOrEqual(1)
  })
})
