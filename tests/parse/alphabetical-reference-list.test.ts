import {describe, expect, it} from 'vitest'
import {entryFirstName, takeAlphabeticalReferenceList} from '../../src/stages/bibliography/alphabetical-reference-list.js'
import {pdfTextParse} from '../../src/stages/parse/pdf-text.js'

/** Blocks of lines (split at blank lines) with their offsets, as the PDF-text parser makes them. */
function blocksOf(text: string): Array<Array<{text: string; offset: number}>> {
  const blocks: Array<Array<{text: string; offset: number}>> = [[]]
  let offset = 0
  for (const line of text.split('\n')) {
    if (line.trim() === '') blocks.push([])
    else blocks[blocks.length - 1]!.push({text: line, offset})
    offset += line.length + 1
  }
  return blocks.filter((block) => block.length > 0)
}

describe('entryFirstName', () => {
  it.each([
    ['Smith, J. A., & Jones, K. (2019). Title.', 'Smith'],
    ['Adolf B, Chapouton P, Lam CS. 2006. Title.', 'Adolf'],
    ['van der Berg, H. (2010). Title.', 'van der Berg'],
    ['Lezoualc’h F, Hassan AH. 1995. Title.', 'Lezoualc’h'],
    ['National Center for Biotechnology Information. 2008. GenBank.', 'National Center for Biotechnology Information']
  ])('reads the first author of %s', (line, name) => {
    expect(entryFirstName(line)).toBe(name)
  })

  it.each(['Marrow Research, 12, 1–9.', 'J Biol Chem 283:1–9.', 'Aquat Toxicol 78:91–102.', 'the cells grew in 2019.'])('starts no entry with %s', (line) => {
    expect(entryFirstName(line)).toBeUndefined()
  })
})

describe('takeAlphabeticalReferenceList', () => {
  const text = [
    'Body text (Adams 2014).',
    '',
    'References',
    '',
    'Adams, R. (2014). Niche signals. Journal of',
    'Marrow Research, 12, 1–9.',
    'Baker, S., & Diaz, M. (2016). Repopulation. Blood, 4,',
    '10–20.',
    'Ortega, L. (2012a). Grafts. Blood, 1, 1–2.',
    '',
    'Figures',
    '',
    'Figure 1 shows the niche.'
  ].join('\n')

  it('takes the entries out, wrapped lines joined, numbered by position, up to the next section', () => {
    const {blocks, list} = takeAlphabeticalReferenceList(blocksOf(text))
    expect(list?.entries.map((entry) => [entry.number, entry.raw, entry.year])).toEqual([
      [1, 'Adams, R. (2014). Niche signals. Journal of Marrow Research, 12, 1–9.', 2014],
      [2, 'Baker, S., & Diaz, M. (2016). Repopulation. Blood, 4, 10–20.', 2016],
      [3, 'Ortega, L. (2012a). Grafts. Blood, 1, 1–2.', 2012]
    ])
    expect(blocks.map((block) => block.map((line) => line.text).join(' / '))).toEqual(['Body text (Adams 2014).', 'Figures', 'Figure 1 shows the niche.'])
    expect(text.slice(list!.entries[0]!.start, list!.entries[0]!.end)).toBe('Adams, R. (2014). Niche signals. Journal of\nMarrow Research, 12, 1–9.')
  })

  it('takes nothing from a list out of alphabetical order (an unnumbered list in citation order)', () => {
    const {list} = takeAlphabeticalReferenceList(blocksOf('References\n\nSmith, J. (2014). A title.\nAdams, R. (2015). Another.\n'))
    expect(list).toBeUndefined()
  })

  it('reads a line that starts like an entry after an unfinished line as part of the entry', () => {
    const {list} = takeAlphabeticalReferenceList(blocksOf('References\n\nSmith, J. (2014). A title in\nJones, K. (Ed.), A book. Press.\nTaylor, P. (2015). Another.\n'))
    expect(list?.entries.map((entry) => entry.raw)).toEqual(['Smith, J. (2014). A title in Jones, K. (Ed.), A book. Press.', 'Taylor, P. (2015). Another.'])
  })

  it('takes nothing when an entry names no year', () => {
    const {list, blocks} = takeAlphabeticalReferenceList(blocksOf('References\n\nSmith, J. A title without a date.\n'))
    expect(list).toBeUndefined()
    expect(blocks).toHaveLength(2)
  })

  it('is what the PDF-text parser uses when the list is not numbered', () => {
    const tree = pdfTextParse(text)
    expect(tree.data?.referenceList?.entries.map((entry) => entry.number)).toEqual([1, 2, 3])
  })
})
