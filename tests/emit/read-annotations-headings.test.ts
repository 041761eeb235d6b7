import {describe, expect, it} from 'vitest'
import {readAnnotations} from '../../src/emit/read-annotations.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'

describe('reading annotated Markdown back', () => {
  it('reads the body after a heading of the document named "References" or "Claims by cell type"', () => {
    const text = [
      'Stem cells repair tissue.',
      'References',
      'Mesenchymal stem cells (MSCs) reduce fibrosis in mice [1].',
      'Claims by cell type',
      'Hematopoietic stem cells (HSCs) restore marrow in mice [2].'
    ].join('\n\n')
    const {record, markdown} = analyseText(text, {source: 'review.md'})
    expect(record.document.sections.map((section) => section.title)).toEqual(['References', 'Claims by cell type'])
    expect(record.claims.length).toBeGreaterThanOrEqual(2)
    const back = readAnnotations(markdown, shippedConfig.markdown)
    expect(back.claims.map((claim) => claim.id)).toEqual(record.claims.map((claim) => claim.id))
    expect(back.groups).toEqual(record.citationGroups.map((group) => group.numbers))
  })
})
