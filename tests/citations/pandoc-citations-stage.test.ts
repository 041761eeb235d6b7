import {describe, expect, it} from 'vitest'
import {analyseText, shippedConfig} from '../helpers/analyse.js'

const bibliography = JSON.stringify([
  {id: 'brandt2011', type: 'article-journal', title: 'Lanterns of the deep shelf', author: [{family: 'Brandt', given: 'Q'}], issued: {'date-parts': [[2011]]}},
  {id: 'okafor2009', type: 'article-journal', title: 'Tidal pools and their keepers', author: [{family: 'Okafor', given: 'N'}], issued: {'date-parts': [[2009]]}},
  {id: 'lind2001', type: 'article-journal', title: 'Glass eels in winter', author: [{family: 'Lind', given: 'P'}], issued: {'date-parts': [[2001]]}}
])

describe('pandoc citations in Markdown input', () => {
  const text = '# Shelves\n\nMesenchymal stem cells (MSCs) live on deep shelves [@brandt2011; see @lind2001, p. 3].\n\n@okafor2009 says MSCs also live in pools [-@okafor2009], and [2] is a number.\n'
  const {record, markdown} = analyseText(text, {source: 'shelf.md', bibliography: {source: 'shelf.csl.json', text: bibliography}})

  it('makes each one a citation group with its keys, its exact raw text and its position', () => {
    expect(record.citationGroups.map(({raw, keys, numbers, valid, start}) => ({raw, keys, numbers, valid, line: start.line, column: start.column}))).toEqual([
      {raw: '[@brandt2011; see @lind2001, p. 3]', keys: ['brandt2011', 'lind2001'], numbers: [1, 3], valid: true, line: 3, column: 52},
      {raw: '@okafor2009', keys: ['okafor2009'], numbers: [2], valid: true, line: 5, column: 1},
      {raw: '[-@okafor2009]', keys: ['okafor2009'], numbers: [2], valid: true, line: 5, column: 42},
      {raw: '[2]', keys: undefined, numbers: [2], valid: true, line: 5, column: 62}
    ])
    for (const group of record.citationGroups) expect(text.split('\n')[group.start.line - 1]!.slice(group.start.column - 1)).toMatch(new RegExp(`^${group.raw.replace(/[[\]]/g, '\\$&')}`))
  })

  it('links them to the bibliography entries their keys name', () => {
    expect(record.references.map((reference) => [reference.number, reference.csl?.title])).toEqual([
      [1, 'Lanterns of the deep shelf'],
      [2, 'Tidal pools and their keepers'],
      [3, 'Glass eels in winter']
    ])
    expect(record.claims[0]?.citations).toEqual([1, 3])
    expect(record.diagnostics.filter((d) => d.code === 'citation-key-unresolved')).toEqual([])
  })

  it('prints them as citations of the numbers in the annotated Markdown', () => {
    expect(markdown).toContain('[[1](#ref:1), [3](#ref:3)]')
  })

  it('reports a key that names no entry at its group, and keeps the group as text in the Markdown', () => {
    const {record: missing, markdown: written} = analyseText('Shelves are deep [@nobody2020].\n', {source: 'shelf.md', bibliography: {source: 'shelf.csl.json', text: bibliography}})
    expect(missing.citationGroups).toMatchObject([{raw: '[@nobody2020]', keys: ['nobody2020'], numbers: []}])
    expect(missing.diagnostics.filter((d) => d.code === 'citation-key-unresolved')).toMatchObject([{severity: 'warning', start: {line: 1, column: 18}}])
    expect(missing.diagnostics.find((d) => d.code === 'citation-key-unresolved')?.message).toContain('shelf.csl.json')
    expect(written).toContain('\\[\\@nobody2020\\]')
  })

  it('reads citeclaim\'s own keys `@ref-<n>` as number n without a bibliography file', () => {
    const {record: own} = analyseText('Shelves are deep [@ref-2; @ref-10].\n', {source: 'shelf.md'})
    expect(own.citationGroups).toMatchObject([{keys: ['ref-2', 'ref-10'], numbers: [2, 10]}])
  })

  it('keeps their form in pandoc-style Markdown, with citeclaim\'s keys', () => {
    const pandoc = {...shippedConfig, citations: {...shippedConfig.citations, markdownStyle: 'pandoc' as const}}
    const {markdown: written} = analyseText(text, {source: 'shelf.md', config: pandoc, bibliography: {source: 'shelf.csl.json', text: bibliography}})
    expect(written).toContain('[@ref-1; see @ref-3, p. 3]')
    expect(written).toContain('@ref-2 says MSCs also live in pools [-@ref-2], and [@ref-2] is a number.')
  })

  it('leaves "@" in PDF-extracted text alone', () => {
    const {record: plain} = analyseText('Shelves are deep [@brandt2011], write to @shelf.\n', {source: 'shelf.txt'})
    expect(plain.citationGroups).toEqual([])
  })
})

describe('pandoc and numeric citations together in one paragraph', () => {
  it('keeps both kinds, in text order', () => {
    const {record} = analyseText('Shelves [1] are deep [@ref-2, fig. 3] and [4], see @ref-5.\n', {source: 'shelf.md'})
    expect(record.citationGroups.map((group) => group.raw)).toEqual(['[1]', '[@ref-2, fig. 3]', '[4]', '@ref-5'])
  })

  it('keeps every group of a paragraph with 200 numeric groups among 20,000 in-text citations', () => {
    const text = `${Array.from({length: 200}, (_, index) => `Deep [${index + 1}] ${'@ref-1 '.repeat(100)}`).join('')}.\n`
    const {record} = analyseText(text, {source: 'shelf.md'})
    expect(record.citationGroups).toHaveLength(20_200)
    expect(record.citationGroups.filter((group) => group.keys === undefined).map((group) => group.numbers[0])).toEqual(Array.from({length: 200}, (_, index) => index + 1))
  }, 60_000)
})
