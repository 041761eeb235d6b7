import {describe, expect, it} from 'vitest'
import {DiagnosticCollector} from '../../src/cli/reporter.js'
import type {Diagnostic} from '../../src/diagnostics.js'

const info = (n: number): Diagnostic => ({severity: 'info', code: 'reference-uncited', message: `reference ${n} is never cited`, start: null})
const warning: Diagnostic = {severity: 'warning', code: 'citation-unresolved', message: 'citation [9] has no reference', start: {line: 2, column: 5, offset: 20}}

describe('DiagnosticCollector', () => {
  it('only counts infos it will never print, keeping warnings and errors', () => {
    const collector = new DiagnosticCollector({infos: false})
    for (let n = 0; n < 50; n++) collector.add('b.txt', info(n))
    collector.add('a.txt', warning)
    expect(collector.counts).toEqual({error: 0, warning: 1, info: 50})
    // Asked for everything, it has only what it kept: infos were never stored.
    expect(collector.sorted(true)).toEqual([{file: 'a.txt', ...warning}])
  })

  it('keeps infos for --verbose and --json, sorted by file', () => {
    const collector = new DiagnosticCollector({infos: true})
    collector.add('b.txt', info(1))
    collector.add('a.txt', warning)
    expect(collector.sorted(true).map((diagnostic) => diagnostic.file)).toEqual(['a.txt', 'b.txt'])
    expect(collector.sorted(false)).toEqual([{file: 'a.txt', ...warning}])
    expect(collector.counts.info).toBe(1)
  })
})
