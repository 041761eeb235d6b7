import {describe, expect, it} from 'vitest'
import {analyseText} from '../helpers/analyse.js'

const sectionsOf = (markdown: string): [string, string | null, string, number][] =>
  analyseText(markdown, {source: 'review.md'}).record.document.sections.map((s) => [s.id, s.number, s.title, s.level])

describe('Markdown headings written without #', () => {
  it('reads one-line paragraphs between text as headings, and a numbered one-item list as a numbered heading', () => {
    const markdown = [
      'Stem cells repair tissue [1].',
      'Process',
      'Haematopoietic stem cells (HSCs)',
      'HSCs live in the bone marrow.',
      '2. Cell Fate Determination',
      'Two models were proposed.[2] Both fit.',
      'GROWTH FACTORS',
      'Factors act on progenitors.'
    ].join('\n\n')
    expect(sectionsOf(markdown)).toEqual([
      ['sec-process', null, 'Process', 2],
      ['sec-haematopoietic-stem-cells-hscs', null, 'Haematopoietic stem cells (HSCs)', 2],
      ['sec-2', '2', 'Cell Fate Determination', 2],
      ['sec-growth-factors', null, 'GROWTH FACTORS', 2]
    ])
    const {record} = analyseText(markdown, {source: 'review.md'})
    expect(record.sentences.map((s) => [s.sectionId, s.text])).toContainEqual(['sec-haematopoietic-stem-cells-hscs', 'HSCs live in the bone marrow.'])
    expect(record.sentences.map((s) => s.text)).not.toContain('Process')
  })

  it('leaves short sentences, a cut line, list items and runs of short lines as text', () => {
    const markdown = [
      'All blood cells are divided into three lineages.',
      'Megakaryocytopoiesis is haematopoiesis of megakaryocytes.',
      'Cells are taken from',
      'Bone Marrow Aspirates',
      'and expanded.',
      'Sources:',
      'Bone marrow',
      'Adipose tissue',
      'Umbilical cord',
      'They differ.',
      '1. Wash the cells',
      '2. Count the cells',
      '- Red blood cells',
      '- White blood cells'
    ].join('\n\n')
    expect(sectionsOf(markdown)).toEqual([])
  })

  it('takes a heading line off the paragraph it opens, keeping positions in the file', () => {
    const markdown = 'Stem cells repair tissue.\n\nMethods\nWe collected marrow from twenty donors and counted\nthe cells [3].\n\nResults\n  Most cells lived.'
    const {record} = analyseText(markdown, {source: 'review.md'})
    expect(record.document.sections.map((s) => [s.title, s.start.line])).toEqual([
      ['Methods', 3],
      ['Results', 7]
    ])
    const sentence = record.sentences.find((s) => s.text.startsWith('We collected'))!
    expect([sentence.sectionId, sentence.start.line, sentence.start.column]).toEqual(['sec-methods', 4, 1])
    const lived = record.sentences.find((s) => s.text === 'Most cells lived.')!
    expect(markdown.slice(lived.start.offset, lived.end.offset)).toBe('Most cells lived.')
    const group = record.citationGroups[0]!
    expect(markdown.slice(group.start.offset, group.start.offset + group.raw.length)).toBe('[3]')
  })

  it('leaves a paragraph whose first line is a long one, or not heading-like, whole', () => {
    expect(sectionsOf('Intro.\n\nThe cells were collected\nfrom donors. They grew.\n\nBone marrow cells were taken from twenty donors\nAnd grew well.')).toEqual([])
  })

  it('reads a heading in capitals or Title Case after a keyword line', () => {
    expect(sectionsOf('Keywords: stem cells; liver\n\nINTRODUCTION\n\nCells grew.\n\nMore cells grew in\n\nCell Sources\n\nCells grew.').map(([, , title]) => title)).toEqual(['INTRODUCTION', 'Cell Sources'])
  })

  it('reads a bold or italic line between paragraphs as a heading', () => {
    expect(sectionsOf('Cells grew.\n\n**Methods**\n\nCells were counted.\n\n_Cell sources_\n\nMarrow was used.').map(([, , title]) => title)).toEqual(['Methods', 'Cell sources'])
  })

  it('keeps # headings as they are', () => {
    expect(sectionsOf('# A Title\n\n## 1. Introduction\n\nText here.\n\n## IV. Results\n\nMore text.')).toEqual([
      ['sec-a-title', null, 'A Title', 1],
      ['sec-1', '1', 'Introduction', 2],
      ['sec-IV', 'IV', 'Results', 2]
    ])
  })
})
