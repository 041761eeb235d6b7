import type {Heading, Paragraph, Text} from 'mdast'
import {describe, expect, it} from 'vitest'
import {collectVocabulary, keepLineEndHyphen} from '../../src/stages/parse/hyphenation.js'
import {OffsetMap, OffsetMapBuilder} from '../../src/stages/parse/offset-map.js'
import {pdfTextParse} from '../../src/stages/parse/pdf-text.js'

const textOf = (node: Paragraph | Heading): Text => node.children[0] as Text

describe('pdfTextParse', () => {
  it('joins a word split by a line-end hyphen', () => {
    const tree = pdfTextParse('Liver injury can be inflicted by alco-\nhol and drugs.')
    expect(textOf(tree.children[0] as Paragraph).value).toBe('Liver injury can be inflicted by alcohol and drugs.')
  })

  it('keeps a compound hyphen across a line break', () => {
    const tree = pdfTextParse('These are bone marrow-\nderived cells with self-\nrenewal, and iPSC-\nderived cells.')
    expect(textOf(tree.children[0] as Paragraph).value).toBe('These are bone marrow-derived cells with self-renewal, and iPSC-derived cells.')
  })

  it('lets the document decide: a form seen elsewhere on one line wins', () => {
    const tree = pdfTextParse('A counter-\nexample.\n\nAnother counter-example here.')
    expect(textOf(tree.children[0] as Paragraph).value).toBe('A counter-example.')
  })

  it('keeps a range dash between numbers without a space ([304—/306])', () => {
    const tree = pdfTextParse('Studies agree [304—\n306].')
    expect(textOf(tree.children[0] as Paragraph).value).toBe('Studies agree [304—306].')
  })

  it('keeps the space after a spaced dash at a line end ("0.78 –/0.90")', () => {
    const tree = pdfTextParse('Values were high (ICC = 0.78 –\n0.90) overall.')
    expect(textOf(tree.children[0] as Paragraph).value).toBe('Values were high (ICC = 0.78 – 0.90) overall.')
  })

  it('rejoins a paragraph cut by a page break, and keeps a real paragraph break', () => {
    const tree = pdfTextParse('Orthotopic transplantation helps. Despite current advancements\n\n in its management, cirrhosis kills.\n\nA new paragraph starts here.')
    expect(tree.children).toHaveLength(2)
    expect(textOf(tree.children[0] as Paragraph).value).toBe('Orthotopic transplantation helps. Despite current advancements in its management, cirrhosis kills.')
  })

  it('recognises a numbered heading wrapped over two lines', () => {
    const tree = pdfTextParse('Intro text.\n\n3. Clinical Trials Using Stem\nCell-Based Therapy\n\nEarly trials helped.')
    const heading = tree.children[1] as Heading
    expect(heading.type).toBe('heading')
    expect(heading.depth).toBe(2)
    expect(heading.data).toMatchObject({number: '3', title: 'Clinical Trials Using Stem Cell-Based Therapy'})
  })

  it('splits a run-in subsection heading from the paragraph it opens', () => {
    const source = 'Intro.\n\n2.3. Mesenchymal Stem Cells. MSCs are a rarer\npopulation.'
    const tree = pdfTextParse(source)
    const [, heading, paragraph] = tree.children as [Paragraph, Heading, Paragraph]
    expect(heading.data).toMatchObject({number: '2.3', title: 'Mesenchymal Stem Cells', runIn: true})
    expect(heading.depth).toBe(3)
    expect(textOf(paragraph).value).toBe('MSCs are a rarer population.')
    expect(paragraph.position?.start).toEqual({line: 3, column: 30, offset: source.indexOf('MSCs')})
  })

  it('reads a lone first line without closing punctuation as the title', () => {
    const tree = pdfTextParse('A Study of Things\n\nBody text here.')
    expect(tree.children[0]).toMatchObject({type: 'heading', depth: 1, data: {number: null, title: 'A Study of Things'}})
  })

  it('does not read a numbered list item with a sentence as a heading', () => {
    const tree = pdfTextParse('Intro.\n\n1. Oral health status – "Would you say your oral health is good?", asked.')
    expect(tree.children.every((node) => node.type === 'paragraph')).toBe(true)
  })

  it('keeps positions in the original file with CRLF and CR line ends', () => {
    for (const eol of ['\r\n', '\r']) {
      const source = `First line of text${eol}continues [12] here.`
      const tree = pdfTextParse(source)
      const text = textOf(tree.children[0] as Paragraph)
      expect(text.value).toBe('First line of text continues [12] here.')
      const map = text.data!.offsetMap!
      const at = text.value.indexOf('[12]')
      expect(source.slice(map.toOriginal(at), map.toOriginalEnd(at + 4))).toBe('[12]')
      expect(tree.children[0]!.position?.end.line).toBe(2)
    }
  })
})

describe('keepLineEndHyphen', () => {
  const none = collectVocabulary('')
  it.each([
    ['pro', 'longed', false],
    ['endo', 'thelial', false],
    ['marrow', 'derived', true],
    ['self', 'renewal', true],
    ['anti', 'inflammatory', true],
    ['ESCs', 'derived', true],
    ['CD34', 'positive', true],
    ['micro', 'spheres', false]
  ])('%s-/%s → keep: %s', (before, after, keep) => {
    expect(keepLineEndHyphen(before, after, none)).toBe(keep)
  })
})

describe('OffsetMap', () => {
  it('maps cleaned offsets through folded white space and removed hyphens', () => {
    const builder = new OffsetMapBuilder()
    builder.copy('alco-', 0)
    builder.dropLast()
    builder.copy('hol is', 6)
    builder.insert(' ', 12)
    builder.copy('bad', 15)
    const {text, map} = builder.build()
    expect(text).toBe('alcohol is bad')
    expect(map.toOriginal(4)).toBe(6)
    expect(map.toOriginal(11)).toBe(15)
    expect(map.toOriginalEnd(14)).toBe(18)
    const slice = map.slice(11, 14)
    expect(slice.toOriginal(0)).toBe(15)
    expect(OffsetMap.identity(5, 3).toOriginal(2)).toBe(7)
  })
})
