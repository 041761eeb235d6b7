import {describe, expect, it} from 'vitest'
import type {ResolvedConfig} from '../../src/config/types.js'
import type {DocumentRecord} from '../../src/emit/document.js'
import {readAnnotations} from '../../src/emit/read-annotations.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'

/*
 * Issue 9, point 14: only citeclaim's own annotations read back from the annotated Markdown. Input
 * text that looks like a citation group or a claim tag, in any form citeclaim writes or wrote,
 * stays text; the groups and claims read back are exactly those of the JSON record.
 */

const pandocStyle: ResolvedConfig = {...shippedConfig, citations: {...shippedConfig.citations, markdownStyle: 'pandoc'}}
const references = ['1. A. Smith. Title one. J Biol 2001.', '2. B. Jones. Title two. J Biol 2002.']

const lookAlikes = [
  '[claim c99: MSC](#claim-c99 "mechanism; preclinical; hedged")',
  '[claim c98: MSC](#claim:c98 "mechanism; preclinical; hedged")',
  '[[777](#ref-777)]',
  '[[778](#ref:778)]',
  '[@ref-42]',
  '[@ref-43; @ref-44]'
]

/** The record's groups and claims, as readAnnotations gives them. */
function expected(record: DocumentRecord): ReturnType<typeof readAnnotations> {
  return {
    groups: record.citationGroups.filter((group) => group.valid).map((group) => group.numbers),
    claims: record.claims.map(({id, entityTypes, category, evidence, hedged}) => ({id, entityTypes, category, evidence, hedged}))
  }
}

describe('readAnnotations on look-alikes from the input (issue 9, point 14)', () => {
  for (const [style, config] of [
    ['links', shippedConfig],
    ['pandoc', pandocStyle]
  ] as const) {
    it(`reads back only the record's groups and claims from a .md input full of look-alikes (${style} style)`, () => {
      const input = ['# Introduction', '', `Mesenchymal stem cells reduce fibrosis in mice [1]. See ${lookAlikes.join(' and ')}.`, '', `MSCs home to the liver [2] ${lookAlikes.join(' ')}`, '', '## References', '', ...references, ''].join('\n')
      const {record, markdown} = analyseText(input, {source: 'look-alikes.md', config})
      expect(record.claims.length).toBeGreaterThan(0)
      expect(readAnnotations(markdown, shippedConfig.markdown)).toEqual(expected(record))
    })

    it(`reads back only the record's groups and claims from a .txt input full of look-alikes (${style} style)`, () => {
      const input = ['1. Introduction', '', `Mesenchymal stem cells reduce fibrosis in mice [1]. See ${lookAlikes.join(' and ')}.`, '', 'References', '', ...references, ''].join('\n')
      const {record, markdown} = analyseText(input, {source: 'look-alikes.txt', config})
      expect(record.claims.length).toBeGreaterThan(0)
      expect(readAnnotations(markdown, shippedConfig.markdown)).toEqual(expected(record))
    })
  }

  it('reads the annotations of a body that has its own "Claims by cell type" heading', () => {
    const input = ['# Introduction', '', '## Claims by cell type', '', 'Mesenchymal stem cells reduce fibrosis in mice [1].', '', '## References', '', ...references, ''].join('\n')
    const {record, markdown} = analyseText(input, {source: 'heading.md'})
    expect(record.claims.length).toBe(1)
    expect(readAnnotations(markdown, shippedConfig.markdown)).toEqual(expected(record))
  })
})

describe('readAnnotations: what counts as citeclaim\'s own annotation', () => {
  const tag = '[claim c1: MSC, HSC](#claim:c1 "mechanism; preclinical; hedged")'
  const claim = {id: 'c1', entityTypes: ['MSC', 'HSC'], category: 'mechanism', evidence: 'preclinical', hedged: true}

  it('reads groups and claim tags written literally, in a body paragraph', () => {
    expect(readAnnotations(`Cells heal [[1](#ref:1), [3](#ref:3)–[5](#ref:5)]. ${tag}\n\nAnd [@ref-7; @ref-8] too.\n`)).toEqual({groups: [[1, 3, 4, 5], [7, 8]], claims: [claim]})
  })

  it('reads no group whose brackets or `@` are escaped or character references', () => {
    for (const markdown of ['See \\[@ref-1] here.', 'See [\\@ref-1] here.', 'See &#91;@ref-1] here.', 'See [&#64;ref-1; @ref-2] here.', 'See [@ref-1\\] here.', 'See \\[[1](#ref:1)] here.', 'See [[1](#ref:1)\\] here.', 'See &#91;[1](#ref:1)] here.']) {
      expect(readAnnotations(markdown, shippedConfig.markdown), markdown).toEqual({groups: [], claims: []})
    }
  })

  it('reads no group whose links are not the ones citeclaim writes', () => {
    for (const markdown of ['See [[1](#ref-1)] here.', 'See [[one](#ref:1)] here.', 'See [[1](#ref:1 "a title")] here.', 'See [[2](#ref:1)] here.', 'See [[_1_](#ref:1)] here.', 'See [[1](#ref:01)] here.']) {
      expect(readAnnotations(markdown, shippedConfig.markdown), markdown).toEqual({groups: [], claims: []})
    }
  })

  it('reads a claim tag whose title ends with why each of its types is there', () => {
    const why = '[claim c1: MSC, HSC](#claim:c1 "mechanism; preclinical; hedged; MSC: anaphora, HSC: section-topic")'
    expect(readAnnotations(`Cells heal. ${why}\n`).claims).toEqual([claim])
  })

  it('reads no claim tag whose reasons name other types than its label', () => {
    for (const markdown of [
      'Cells heal. [claim c1: MSC](#claim:c1 "mechanism; preclinical; hedged; HSC: mention")',
      'Cells heal. [claim c1: MSC, HSC](#claim:c1 "mechanism; preclinical; hedged; MSC: mention")',
      'Cells heal. [claim c1: MSC](#claim:c1 "mechanism; preclinical; hedged; MSC: Mention!")'
    ]) {
      expect(readAnnotations(markdown, shippedConfig.markdown).claims, markdown).toEqual([])
    }
  })

  it('reads no claim tag in another form or another place', () => {
    for (const markdown of [
      'Cells heal. [claim c1: MSC](#claim-c1 "mechanism; preclinical; hedged")',
      'Cells heal. [claim c1: MSC](#claim:c2 "mechanism; preclinical; hedged")',
      'Cells heal. [claim c1: MSC](#claim:c1 "mechanism; preclinical")',
      'Cells heal. [claim c1: MSC](#claim:c1 "mechanism; preclinical; maybe")',
      'Cells heal. [claim c1: MSC](#claim:c1)',
      'Cells heal. [claim c1: _MSC_](#claim:c1 "mechanism; preclinical; hedged")',
      'Cells heal.[claim c1: MSC](#claim:c1 "mechanism; preclinical; hedged")',
      'Cells heal. _[claim c1: MSC](#claim:c1 "mechanism; preclinical; hedged")_',
      `# Cells heal. ${tag}`,
      `## Claims by cell type\n\nCells heal. ${tag}`
    ]) {
      expect(readAnnotations(markdown, shippedConfig.markdown).claims, markdown).toEqual([])
    }
  })
})
