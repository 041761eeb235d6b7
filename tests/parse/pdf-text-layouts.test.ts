import type {Heading, RootContent} from 'mdast'
import {describe, expect, it} from 'vitest'
import {pdfTextParse} from '../../src/stages/parse/pdf-text.js'

/** The headings of a parsed text as [depth, number, title]. */
const headingsOf = (text: string): [number, string | null, string][] =>
  pdfTextParse(text)
    .children.filter((node: RootContent): node is Heading => node.type === 'heading')
    .map((heading) => [heading.depth, heading.data?.number ?? null, heading.data?.title ?? ''])

const body = 'Stem cells repair tissue and are studied\nin many labs across the world today.'

describe('pdfTextParse: heading layouts', () => {
  it('reads unnumbered headings in title case, sentence case and capitals', () => {
    const text = `A Review of Repair\n\nAbstract\n\n${body}\n\nMaterials and methods\n\n${body}\n\nCell Culture Conditions\n\n${body}\n\nDISCUSSION\n\n${body}`
    expect(headingsOf(text)).toEqual([
      [1, null, 'A Review of Repair'],
      [2, null, 'Abstract'],
      [2, null, 'Materials and methods'],
      [2, null, 'Cell Culture Conditions'],
      [2, null, 'DISCUSSION']
    ])
  })

  it('reads numbered headings in any case, with or without the period, and roman numbers', () => {
    const text = `Intro sentence.\n\n1. introduction\n\n${body}\n\n2 METHODS\n\n${body}\n\n2.1 Cell culture\n\n${body}\n\nIV. Results\n\n${body}`
    expect(headingsOf(text)).toEqual([
      [2, '1', 'introduction'],
      [2, '2', 'METHODS'],
      [3, '2.1', 'Cell culture'],
      [2, 'IV', 'Results']
    ])
  })

  it('reads numbered headings with a bar after the number (1 | INTRODUCTION)', () => {
    expect(headingsOf(`Intro sentence.\n\n1 | INTRODUCTION\n\n${body}\n\n1.1 | Cell sources\n\n${body}`)).toEqual([
      [2, '1', 'INTRODUCTION'],
      [3, '1.1', 'Cell sources']
    ])
  })

  it('takes a heading line off the text that follows it without a blank line', () => {
    const tree = pdfTextParse(`Intro sentence.\n\nMethods\n${body}\nResults\n${body}`)
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'paragraph'])
    expect(headingsOf(`Intro sentence.\n\nMethods\n${body}\nResults\n${body}`).map(([, , title]) => title)).toEqual(['Methods', 'Results'])
  })

  it('sees two headings in a row, a section and its first subsection', () => {
    expect(headingsOf(`Intro sentence.\n\nMaterials and Methods\n\nAnimals and housing\n\n${body}`).map(([, , title]) => title)).toEqual([
      'Materials and Methods',
      'Animals and housing'
    ])
  })

  it('keeps a run-in numbered subsection in capitals or lower case', () => {
    expect(headingsOf(`Intro sentence.\n\n2.3. MESENCHYMAL STEM CELLS. MSCs are rare.\n\n2.4. embryonic stem cells. ESCs are rare.`)).toEqual([
      [3, '2.3', 'MESENCHYMAL STEM CELLS'],
      [3, '2.4', 'embryonic stem cells']
    ])
  })

  it('does not take short sentences, list items, figure labels or a cut line for headings', () => {
    const text = [
      'A Review of Repair',
      'Cells grew.',
      'Sources include the following:',
      'Bone marrow',
      'Adipose tissue',
      'Umbilical cord',
      'They all differ in yield.',
      'Steps were:',
      '1. Wash the cells',
      '2. Count the cells',
      'Then they were frozen.',
      'Figure 1',
      'The figure shows cells derived from',
      'Bone marrow aspirates',
      'And other sources.',
      'Cell counts were high. Viability was\nHigh in all donors\nand stayed so.'
    ].join('\n\n')
    expect(headingsOf(text)).toEqual([[1, null, 'A Review of Repair']])
  })

  it('keeps paragraphs apart after a citation that follows the period, and sees the heading after one', () => {
    const tree = pdfTextParse('Cells grew in vitro.[12]\n\nThey died later. [3, 4]\n\nResults\n\nAll was well.')
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph'])
  })

  it('drops a running head that stands alone at page breaks, and rejoins the paragraph it cut', () => {
    const text = `Intro sentence.\n\nMethods\n\n${body}\n\nStem Cells International 3\n\nCells were taken from\n\nStem Cells International 4\n\nbone marrow.\n\nStem Cells International 5\n\nResults\n\n${body}`
    const tree = pdfTextParse(text)
    expect(headingsOf(text).map(([, , title]) => title)).toEqual(['Methods', 'Results'])
    const paragraphs = tree.children.filter((node) => node.type === 'paragraph').map((node) => ((node as {children: {value: string}[]}).children[0]!.value))
    expect(paragraphs).toContain('Cells were taken from bone marrow.')
    expect(paragraphs.join(' ')).not.toContain('International')
  })

  it('keeps a heading with a dotted section number that repeats, as a heading each time', () => {
    const text = `Intro sentence.\n\n4.1 Growth Factors\n\n${body}\n\n4.1 Growth Factors\n\n${body}\n\n4.1 Growth Factors\n\n${body}`
    expect(headingsOf(text).map(([, number, title]) => `${number} ${title}`)).toEqual(['4.1 Growth Factors', '4.1 Growth Factors', '4.1 Growth Factors'])
  })

  it('reads a heading in capitals or Title Case after a line that does not end a sentence (keywords, an address)', () => {
    const text = `A Review of Repair\n\nKeywords: stem cells; liver\n\nINTRODUCTION\n\n${body}\n\n*Correspondence: a@b.org\n\nCell Sources\n\n${body}`
    expect(headingsOf(text).map(([, , title]) => title)).toEqual(['A Review of Repair', 'INTRODUCTION', 'Cell Sources'])
  })

  it('does not read an address block or a list of numbered lines as a heading', () => {
    const text = `A Review of Repair\n\n1 Department of Surgery, University of Milan, Milan, Italy\n2 Institute of Hepatology, London\n\n${body}`
    expect(headingsOf(text)).toEqual([[1, null, 'A Review of Repair']])
  })

  it('reads a title wrapped over two lines as the title', () => {
    expect(headingsOf(`Stem Cell Therapy for Liver\nCirrhosis: A Review\n\nAbstract\n\n${body}`)).toEqual([
      [1, null, 'Stem Cell Therapy for Liver Cirrhosis: A Review'],
      [2, null, 'Abstract']
    ])
  })

  it('does not take a quantity opening a line inside a paragraph for a lower-case numbered heading', () => {
    const text = `Intro sentence.\n\nMice were treated for a week with the drug dissolved in saline.\n2.5 mg/kg was given daily\nAfter that the mice were weighed and counted again by two\nobservers.`
    expect(headingsOf(text)).toEqual([])
  })

  it('does not take a wrapped text line that starts with a capital for a heading', () => {
    const text = `Intro sentence.\n\nThe cells were taken from donors and were then given to\nMice with liver injury, which recovered within two weeks of\ntreatment.`
    expect(headingsOf(text)).toEqual([])
  })
})
