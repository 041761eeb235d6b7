import {describe, expect, it} from 'vitest'
import {analyseDocument} from '../../src/pipeline.js'
import {EntityMatcher} from '../../src/stages/entities/entity-matcher.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'
import {workGrowth} from '../helpers/count-work.js'
import {scaled} from '../helpers/scale.js'
import {positionProblems} from './checks.js'
// Analyses documents with src's pipeline directly: prepare it, as the package's entry point does.
import '../helpers/prepare-pipeline.js'

/*
 * The complexity cases compare work, not time (tests/helpers/count-work.ts): the counted work on an
 * input ten times bigger grows about tenfold for linear code and a hundredfold for quadratic code,
 * the same on any machine under any load. `npm run test:stress` runs them on inputs ten times bigger.
 */
const maxGrowth = 20

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

  it('resolves overlapping entity matches in linear work', () => {
    const matcher = new EntityMatcher(shippedConfig.entityTypes, shippedConfig.distractors).withDefinitions([])
    const text = (n: number): string => 'MSC HSC mesenchymal stem cell '.repeat(n / 30)
    expect(matcher.match('BM-MSCs and mesenchymal stem cells').map((m) => m.text)).toEqual(['BM-MSCs', 'mesenchymal stem cells'])
    // Every repeat of the text is matched as the first one is.
    expect(matcher.match(text(3_000))).toHaveLength(100 * matcher.match(text(30)).length)
    expect(workGrowth((t) => matcher.match(t), text, scaled(30_000, 300_000))).toBeLessThan(maxGrowth)
  })

  // 220 KB in `npm test`, 2.2 MB in the stress run.
  const repeats = scaled(4_000, 40_000)
  it(`analyses a line of ${repeats} cited clauses without sentence ends: the one sentence is one context`, () => {
    const {record} = analyseText('Stem cells repair tissue [1] and home to injury sites, '.repeat(repeats))
    expect(record.citationGroups).toHaveLength(repeats)
    expect(record.citationGroups.every((group) => group.numbers.join() === '1')).toBe(true)
    expect(record.references[0]?.sentenceIds).toEqual(['s1'])
  })

  it('numbers repeated headings in linear work: sec-2.3, sec-2.3-2, sec-2.3-3, …', () => {
    const headings = (n: number): string => '2.3 Mesenchymal Stem Cells\n\nText here [1].\n\n'.repeat(n)
    const {record} = analyseText(headings(50))
    expect(record.document.sections.map((section) => section.id)).toEqual(Array.from({length: 50}, (_, index) => (index === 0 ? 'sec-2.3' : `sec-2.3-${index + 1}`)))
    expect(workGrowth((t) => analyseText(t), headings, scaled(200, 2_000))).toBeLessThan(maxGrowth)
  })

  it('lists the sentences citing one reference cited everywhere in linear work', () => {
    const citations = (n: number): string => 'Cells [1]. '.repeat(n)
    const {record} = analyseText(citations(50))
    expect(record.references[0]?.sentenceIds).toEqual(Array.from({length: 50}, (_, index) => `s${index + 1}`))
    expect(workGrowth((t) => analyseText(t), citations, scaled(500, 5_000))).toBeLessThan(maxGrowth)
  })
})
