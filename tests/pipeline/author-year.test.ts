import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config/resolve-config.js'
import {readAnnotations} from '../../src/emit/read-annotations.js'
import shipped from '../../pipeline.config.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'

const bibliography = {
  source: 'refs.csl.json',
  text: JSON.stringify([
    {id: 'ref-1', type: 'article-journal', title: 'Bracketed work', author: [{family: 'Adams'}], issued: {'date-parts': [[2010]]}},
    {id: 'ref-2', type: 'article-journal', title: 'Engraftment of MSCs', author: [{family: 'Smith'}, {family: 'Lane'}, {family: 'Moss'}], issued: {'date-parts': [[2020]]}},
    {id: 'ref-3', type: 'article-journal', title: 'Homing of MSCs', author: [{family: 'Lee'}, {family: 'Park'}], issued: {'date-parts': [[2018]]}}
  ])
}
const text = 'Stem cells in the liver\n\nIntroduction\n\nMSCs engraft poorly in the liver (Smith et al., 2020). Next, Lee and Park (2018) showed that MSCs home to the injured liver [1].\n'
const withStyle = (style: 'auto' | 'numeric' | 'author-year') => resolveConfig({...shipped, citations: {style}})

describe('author–year citations through the pipeline', () => {
  it('splits sentences around a parenthetical callout before the period and a narrative one with et al. inside', () => {
    const {record} = analyseText(text, {bibliography})
    expect(record.sentences.map((sentence) => sentence.text)).toEqual([
      'MSCs engraft poorly in the liver (Smith et al., 2020).',
      'Next, Lee and Park (2018) showed that MSCs home to the injured liver [1].'
    ])
    const narrative = analyseText('A title for it\n\nIntro\n\nAs Smith et al. (2020) showed, MSCs engraft. Then they home.\n', {bibliography}).record
    expect(narrative.sentences.map((sentence) => sentence.text)).toEqual(['As Smith et al. (2020) showed, MSCs engraft.', 'Then they home.'])
  })

  it('gives claims, references and their contexts the cited entries, as for numeric groups', () => {
    const {record} = analyseText(text, {bibliography})
    expect(record.citationGroups.map((group) => [group.raw, group.numbers, group.sentenceId])).toEqual([
      ['(Smith et al., 2020)', [2], 's1'],
      ['Lee and Park (2018)', [3], 's2'],
      ['[1]', [1], 's2']
    ])
    expect(record.claims.map((claim) => claim.citations)).toEqual([[2], [3, 1]])
    const reference = record.references.find((entry) => entry.number === 2)!
    expect(reference.csl?.title).toBe('Engraftment of MSCs')
    expect(reference.claimIds).toEqual([record.claims[0]!.id])
    expect(reference.sentenceIds).toEqual(['s1'])
    expect(record.citationGroups.filter((group) => group.numbers.includes(2)).map((group) => [group.raw, group.sentenceId])).toEqual([['(Smith et al., 2020)', 's1']])
  })

  it('records each cite as written with its entry, additively', () => {
    const {record} = analyseText(text, {bibliography})
    expect(record.citationGroups[0]!.authorYear).toEqual({narrative: false, cites: [{names: ['Smith'], etAl: true, year: '2020', suffix: '', number: 2}]})
    expect(record.citationGroups[1]!.authorYear?.narrative).toBe(true)
    expect(record.citationGroups[2]).not.toHaveProperty('authorYear')
  })

  it('links author–year groups in the Markdown like numeric ones, a narrative callout keeping its names, and reads them back', () => {
    const {markdown} = analyseText(text, {bibliography})
    expect(markdown).toContain('in the liver [[2](#ref:2)].')
    expect(markdown).toContain('Next, Lee and Park [[3](#ref:3)] showed')
    expect(readAnnotations(markdown, shippedConfig.markdown).groups).toEqual([[2], [3], [1]])
  })

  it('writes pandoc citations for author–year groups with markdownStyle pandoc', () => {
    const config = resolveConfig({...shipped, citations: {markdownStyle: 'pandoc'}})
    const {markdown} = analyseText(text, {bibliography, config})
    expect(markdown).toContain('in the liver [@ref-2].')
    expect(markdown).toContain('Next, Lee and Park [@ref-3] showed')
  })

  it('reads only numeric brackets with citations.style numeric, only author–year callouts with author-year', () => {
    expect(analyseText(text, {bibliography, config: withStyle('numeric')}).record.citationGroups.map((group) => group.raw)).toEqual(['[1]'])
    expect(analyseText(text, {bibliography, config: withStyle('author-year')}).record.citationGroups.map((group) => group.raw)).toEqual(['(Smith et al., 2020)', 'Lee and Park (2018)'])
  })

  it('reports a cite that fits no entry or several with its place, and links nothing for it', () => {
    const {record} = analyseText('A title for it\n\nIntro\n\nCells grew (Smith et al., 2020; Zhang et al. 2011).\n', {bibliography})
    expect(record.citationGroups.map((group) => group.numbers)).toEqual([[2]])
    const diagnostic = record.diagnostics.find((entry) => entry.code === 'author-year-unresolved')!
    expect(diagnostic).toMatchObject({severity: 'warning', start: {line: 5, column: 12}})
    expect(diagnostic.message).toContain('Zhang et al. 2011')
  })

  it('without a bibliography or reference list, makes groups without numbers and says why once', () => {
    const {record, markdown} = analyseText('A title for it\n\nIntro\n\nCells grew (Smith et al., 2020) and died (Lee and Park 2018).\n')
    expect(record.citationGroups.map((group) => [group.raw, group.numbers, group.valid])).toEqual([
      ['(Smith et al., 2020)', [], true],
      ['(Lee and Park 2018)', [], true]
    ])
    expect(record.diagnostics.filter((entry) => entry.code === 'author-year-no-bibliography')).toHaveLength(1)
    expect(markdown).toContain('(Smith et al., 2020)')
  })

  it('reads callouts in Markdown input too, across a line break and next to emphasis', () => {
    const {record} = analyseText('# Stem cells\n\nMSCs _engraft_ poorly (Smith et\nal., 2020), as Lee and Park (2018) showed.\n', {source: 'test.md', bibliography})
    expect(record.citationGroups.map((group) => [group.raw, group.numbers, group.start.line, group.start.column])).toEqual([
      ['(Smith et\nal., 2020)', [2], 3, 23],
      ['Lee and Park (2018)', [3], 4, 16]
    ])
  })

  it('leaves a document without an unmistakable author–year callout alone when it has no bibliography', () => {
    const {record} = analyseText('A title for it\n\nIntro\n\nThe trial ran in Amsterdam (Amsterdam 2019) with patients [1].\n')
    expect(record.citationGroups.map((group) => group.raw)).toEqual(['[1]'])
    expect(record.diagnostics.map((entry) => entry.code)).not.toContain('author-year-no-bibliography')
  })
})
