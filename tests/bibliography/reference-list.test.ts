import {describe, expect, it} from 'vitest'
import {identifiers, joinEntryLines, takeReferenceList, type ListLine} from '../../src/stages/bibliography/reference-list.js'

/** Blocks of lines (split at blank lines) with their offsets, the way the PDF-text parser sees them. */
function blocksOf(text: string): ListLine[][] {
  const blocks: ListLine[][] = []
  let current: ListLine[] = []
  let offset = 0
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current)
      current = []
    } else current.push({text: line, offset})
    offset += line.length + 1
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

const body = 'Intro text cites [1] and [2].\n\nMore text [3].'

describe('takeReferenceList', () => {
  it('takes out a "References" list of "1." entries wrapped over lines, with raw text and identifiers', () => {
    const text = `${body}\n\nReferences\n\n1. Locker D. Measuring oral health: a conceptual\nframework. Community Dent Health. 1988;5:3-18. PMID:\n3285972.\n2. Reisine ST, Fertig J. Impact of dental conditions.\nCommunity Dent Oral Epidemiol. 1989;17:7-10. doi:10.1111/j.1600-\n0528.1989.tb01816.x\n3. Cushing AM. Developing socio-dental indicators (1986).\n`
    const {blocks, list} = takeReferenceList(blocksOf(text))
    expect(blocks.flat().map((line) => line.text)).toEqual(['Intro text cites [1] and [2].', 'More text [3].'])
    expect(list?.entries.map(({number, raw, doi, pmid, year}) => ({number, raw, doi, pmid, year}))).toEqual([
      {number: 1, raw: 'Locker D. Measuring oral health: a conceptual framework. Community Dent Health. 1988;5:3-18. PMID: 3285972.', doi: null, pmid: '3285972', year: 1988},
      {number: 2, raw: 'Reisine ST, Fertig J. Impact of dental conditions. Community Dent Oral Epidemiol. 1989;17:7-10. doi:10.1111/j.1600-0528.1989.tb01816.x', doi: '10.1111/j.1600-0528.1989.tb01816.x', pmid: null, year: 1989},
      {number: 3, raw: 'Cushing AM. Developing socio-dental indicators (1986).', doi: null, pmid: null, year: 1986}
    ])
    const first = list!.entries[0]!
    expect(text.slice(first.start, first.start + 9)).toBe('1. Locker')
    expect(text.slice(list!.entries[2]!.end - 7, list!.entries[2]!.end)).toBe('(1986).')
    expect(text.slice(list!.start, list!.start + 10)).toBe('References')
  })

  it('reads "[1]" labels and a numbered heading ("6. References"), with page-break blank lines inside an entry', () => {
    const text = `${body}\n\n6. References\n[1] Smith J. A study of\nthings. Nature. 2001.\n\n[2] Jones K. Another, of more things,\n\nwith a page break. Cell. 2002.\n`
    const {blocks, list} = takeReferenceList(blocksOf(text))
    expect(blocks.flat().map((line) => line.text)).toEqual(['Intro text cites [1] and [2].', 'More text [3].'])
    expect(list?.entries.map((entry) => [entry.number, entry.raw])).toEqual([
      [1, 'Smith J. A study of things. Nature. 2001.'],
      [2, 'Jones K. Another, of more things, with a page break. Cell. 2002.']
    ])
  })

  it('gives back the blocks after the list when a new section follows it', () => {
    const text = `${body}\n\nReferences\n\n1. Smith J. A study. Nature. 2001.\n2. Jones K. Another. Cell. 2002.\n\nFigures\n\nFigure 1 shows the flow.\n`
    const {blocks, list} = takeReferenceList(blocksOf(text))
    expect(list?.entries).toHaveLength(2)
    expect(blocks.map((block) => block.map((line) => line.text))).toEqual([['Intro text cites [1] and [2].'], ['More text [3].'], ['Figures'], ['Figure 1 shows the flow.']])
  })

  it('keeps a wrapped line that starts with a number as part of its entry', () => {
    const text = 'Text [1].\n\nReferences\n1. Smith J. A study. Nature. 2001;\n12. 45-50.\n2. Jones K. Another. Cell. 2002.\n'
    const {list} = takeReferenceList(blocksOf(text))
    expect(list?.entries.map((entry) => entry.raw)).toEqual(['Smith J. A study. Nature. 2001; 12. 45-50.', 'Jones K. Another. Cell. 2002.'])
  })

  it('leaves the text alone without a heading, or when the heading is not followed by entry 1', () => {
    const numbered = 'Steps:\n\n1. Collect the data.\n2. Analyse it.\n'
    expect(takeReferenceList(blocksOf(numbered)).list).toBeUndefined()
    const prose = 'The references below were\n\nReferences\n\nwere chosen by hand.\n'
    const taken = takeReferenceList(blocksOf(prose))
    expect(taken.list).toBeUndefined()
    expect(taken.blocks).toEqual(blocksOf(prose))
  })

  it('does not take a "References" word inside a sentence for a heading', () => {
    const text = 'See the References\n1. below.\n'
    expect(takeReferenceList(blocksOf(text)).list).toBeUndefined()
  })

  it('splits a block whose last line is the heading', () => {
    const text = 'Last paragraph [1].\nReferences\n1. Smith J. A study. 2001.\n'
    const {blocks, list} = takeReferenceList(blocksOf(text))
    expect(blocks.map((block) => block.map((line) => line.text))).toEqual([['Last paragraph [1].']])
    expect(list?.entries).toHaveLength(1)
  })
})

describe('joinEntryLines', () => {
  it('joins with a space, but not after a hyphen or slash where a word, DOI or URL was broken', () => {
    expect(joinEntryLines(['Cell-', 'based therapy. https://doi.org/', '10.1/x  y'])).toBe('Cell-based therapy. https://doi.org/10.1/x y')
  })
})

describe('identifiers', () => {
  it('finds a DOI with parentheses, without the closing punctuation of the sentence', () => {
    expect(identifiers('J Clin Epidemiol 1993, 46:1417-1432. doi:10.1016/0895-4356(93)90142-N.').doi).toBe('10.1016/0895-4356(93)90142-N')
    expect(identifiers('(see doi 10.1000/abc123).').doi).toBe('10.1000/abc123')
  })

  it('does not read a year out of a DOI or a PMID', () => {
    expect(identifiers('Smith J. Title. doi:10.1111/j.1999-0528.x PMID: 2001123').year).toBeNull()
    expect(identifiers('Smith J. Title. Nature 2004;5:1-2. doi:10.1111/j.1999-0528.x').year).toBe(2004)
  })

  it('prefers a year in parentheses', () => {
    expect(identifiers('Smith J (2010) Volume 1999 of the series.').year).toBe(2010)
  })
})
