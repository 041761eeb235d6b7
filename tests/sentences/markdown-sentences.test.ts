import {describe, expect, it} from 'vitest'
import {analyseText} from '../helpers/analyse.js'

const analyseMarkdown = (text: string) => analyseText(text, {source: 'review.md'}).record

describe('sentences of Markdown input', () => {
  it('prints a sentence as written, emphasis markup kept, links as their text', () => {
    const record = analyseMarkdown('# A review of cells\n\nThis is called _extramedullary haematopoiesis_.[3] See [the site](https://example.org/). In **stochastic** theory, cells differ.\n')
    expect(record.sentences.map((sentence) => sentence.text)).toEqual([
      'This is called _extramedullary haematopoiesis_.[3]',
      'See the site.',
      'In **stochastic** theory, cells differ.'
    ])
  })

  it('analyses the text without markup: a type inside emphasis is still found', () => {
    const record = analyseMarkdown('# A review of cells\n\nThe _mesenchymal stem cells_ reduced fibrosis in mice [1].\n')
    expect(record.claims.map((claim) => claim.entityTypes)).toEqual([['MSC']])
  })

  it('splits the rows of a plain-text table into units', () => {
    const record = analyseMarkdown('# A review of cells\n\n_Lineage_    Lymphoid    Myeloid\n_CFU_    CFU-L    CFU-E\n')
    expect(record.sentences.map((sentence) => sentence.text)).toEqual(['_Lineage_ Lymphoid Myeloid', '_CFU_ CFU-L CFU-E'])
  })
})
