import {describe, expect, it} from 'vitest'
import {analyseDocument} from '../../src/batch/analyse-document.js'
import {EntityMatcher} from '../../src/entities/entity-matcher.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'
import {positionProblems} from './checks.js'

/** Median time of `run(big)` over `run(small)`: only super-linear behaviour makes it large. */
function ratio(run: (text: string) => unknown, small: string, big: string): number {
  const time = (text: string): number =>
    [0, 1, 2]
      .map(() => {
        const start = performance.now()
        run(text)
        return performance.now() - start
      })
      .sort((a, b) => a - b)[1]!
  run(small)
  return time(big) / time(small)
}

describe('hostile inputs found by the catalogue and fixed', () => {
  it('places input-binary at the first NUL byte', () => {
    const output = analyseDocument({id: 'x', source: 'x.txt', bytes: new Uint8Array([0x61, 0x0a, 0x62, 0x00])}, shippedConfig)
    expect(output.diagnostics).toMatchObject([{code: 'input-binary', start: {line: 2, column: 2, offset: 3}}])
  })

  it('keeps a second U+FEFF as text: positions stay right', () => {
    const {record} = analyseText('\ufeff\ufeff[1]')
    expect(positionProblems('\ufeff[1]', record)).toEqual([])
    expect(record.citationGroups[0]?.start).toEqual({line: 1, column: 2, offset: 1})
  })

  it('resolves overlapping entity matches in linear time', () => {
    const matcher = new EntityMatcher(shippedConfig.entityTypes, shippedConfig.distractors).withDefinitions([])
    const text = (n: number): string => 'MSC HSC mesenchymal stem cell '.repeat(n / 30)
    expect(matcher.match('BM-MSCs and mesenchymal stem cells').map((m) => m.text)).toEqual(['BM-MSCs', 'mesenchymal stem cells'])
    expect(ratio((t) => matcher.match(t), text(100_000), text(1_000_000))).toBeLessThan(40)
  })

  it('analyses a 2 MB line without sentence ends: contexts are not copied per group', () => {
    const {record} = analyseText('Stem cells repair tissue [1] and home to injury sites, '.repeat(40_000))
    expect(record.citationGroups).toHaveLength(40_000)
    expect(record.references[0]?.contexts).toHaveLength(1)
    expect(record.references[0]?.contexts[0]?.text.length).toBeLessThanOrEqual(1001)
    expect(record.references[0]?.groupIds).toHaveLength(40_000)
  })

  it('is linear on repeated numbered headings and on one reference cited everywhere', () => {
    const headings = (n: number): string => '2.3 Mesenchymal Stem Cells\n\nText here [1].\n\n'.repeat(n)
    expect(ratio((t) => analyseText(t), headings(1_600), headings(16_000))).toBeLessThan(40)
    const citations = (n: number): string => 'Cells [1]. '.repeat(n)
    expect(ratio((t) => analyseText(t), citations(10_000), citations(100_000))).toBeLessThan(40)
  })
})
