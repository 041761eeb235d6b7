import {describe, expect, it} from 'vitest'
import {EntityMatcher} from '../../src/stages/entities/entity-matcher.js'
import {findAbbreviationDefinitions} from '../../src/stages/entities/schwartz-hearst.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'

describe('findAbbreviationDefinitions (Schwartz–Hearst)', () => {
  it('finds long forms whose letters spell the short form', () => {
    expect(findAbbreviationDefinitions('types include hematopoietic stem cells (HSCs), and umbilical cord-derived MSCs (UC-MSCs) too')).toEqual([
      {short: 'HSCs', long: 'hematopoietic stem cells'},
      {short: 'UC-MSCs', long: 'umbilical cord-derived MSCs'}
    ])
  })

  it('ignores parentheses that are not abbreviations', () => {
    expect(findAbbreviationDefinitions('the value (n = 12) and (see above) and (2008)')).toEqual([])
  })
})

describe('EntityMatcher', () => {
  const matcher = new EntityMatcher(shippedConfig.entityTypes, shippedConfig.distractors).withDefinitions([])
  const types = (text: string): string[][] => matcher.match(text).map((m) => m.senses.map((s) => s.id))

  it('matches names in singular, plural and with hyphen or space', () => {
    expect(matcher.match('Mesenchymal stem-cells and an endothelial progenitor cell').map((m) => m.senses[0]!.id)).toEqual(['MSC', 'EPC'])
  })

  it('matches abbreviations with plural, source prefix and derived forms', () => {
    expect(matcher.match('BM-MSCs, UC-MSC, iPSC-derived HLCs and ESCs-derived cells').map((m) => m.text)).toEqual(['BM-MSCs', 'UC-MSC', 'iPSC', 'HLCs', 'ESCs'])
  })

  it('prefers the longest name: "bone marrow-derived stem cells" is BMC, not stem cells in general', () => {
    expect(types('bone marrow-derived stem cells')).toEqual([['BMC']])
  })

  it('keeps both senses of an ambiguous abbreviation for the stage to resolve', () => {
    expect(types('HSCs')).toEqual([['HSC', 'hepatic-stellate-cell']])
  })
})

describe('remarkEntities in the pipeline', () => {
  it('resolves HSCs from context: activated stellate cells versus hematopoietic stem cells', () => {
    const {record} = analyseText(
      'Hematopoietic stem cells (HSCs) circulate in blood. EPCs reduced fibrosis by suppressing activated HSCs in mice. HSCs express CD34.'
    )
    const claims = record.claims.map((claim) => claim.entityTypes)
    expect(claims).toEqual([['HSC'], ['EPC'], ['HSC']])
    // The name and its abbreviation in the first sentence, and the last sentence: not the stellate cells.
    expect(record.entityTypes.find((type) => type.id === 'HSC')?.mentionCount).toBe(3)
  })

  it('learns an abbreviation the document defines', () => {
    const {record} = analyseText('Wharton jelly cells are mesenchymal stromal cells (WJCs). WJCs secrete cytokines that reduce fibrosis.')
    expect(record.claims.at(-1)?.entityTypes).toEqual(['MSC'])
  })
})
