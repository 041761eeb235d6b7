import {describe, expect, it} from 'vitest'
import {analyseText} from '../helpers/analyse.js'
import {schemaErrors} from '../helpers/schema.js'

const source = `# Stem cells in *liver* disease

## 1. Introduction

Mesenchymal stem cells (MSCs) reduce fibrosis in mice [1, 2-4]. They also
secrete cytokines [5]. See [the site](https://example.org/[7]).

- HSCs express CD34 [6].
`

describe('Markdown input', () => {
  const {record} = analyseText(source, {source: 'review.md'})

  it('goes through remark-parse: title, sections, sentences', () => {
    expect(record.document.title).toBe('Stem cells in liver disease')
    expect(record.document.sections.map((s) => [s.id, s.number, s.title])).toEqual([
      ['sec-stem-cells-in-liver-disease', null, 'Stem cells in liver disease'],
      ['sec-1', '1', 'Introduction']
    ])
    expect(record.sentences.map((s) => s.text)).toEqual([
      'Mesenchymal stem cells (MSCs) reduce fibrosis in mice [1, 2-4].',
      'They also secrete cytokines [5].',
      'See the site.',
      'HSCs express CD34 [6].'
    ])
  })

  it('finds citation groups at their place in the file, but not inside link URLs or text', () => {
    expect(record.citationGroups.map((g) => [g.raw, g.numbers, g.start.line, g.start.column])).toEqual([
      ['[1, 2-4]', [1, 2, 3, 4], 5, 55],
      ['[5]', [5], 6, 19],
      ['[6]', [6], 8, 21]
    ])
    for (const group of record.citationGroups) expect(source.slice(group.start.offset, group.start.offset + group.raw.length)).toBe(group.raw)
  })

  it('extracts claims, carrying "They" over to the previous claim', () => {
    expect(record.claims.map((c) => [c.entityTypes, c.citations, c.evidence])).toEqual([
      [['MSC'], [1, 2, 3, 4], 'preclinical'],
      [['MSC'], [5], 'preclinical'],
      [['HSC'], [6], 'unspecified']
    ])
    expect(schemaErrors(record)).toEqual([])
  })
})
