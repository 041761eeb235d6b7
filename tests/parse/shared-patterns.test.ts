import {describe, expect, it} from 'vitest'
import {takeReferenceList} from '../../src/stages/bibliography/reference-list.js'
import {parseCitationGroup} from '../../src/stages/citations/parse-citation-group.js'
import {dashes} from '../../src/stages/parse/dashes.js'
import {endsSentence, numberedHeading, plainHeading} from '../../src/stages/parse/heading-line.js'

/**
 * Issue 11, constants defined once: the dash set and the section-number pattern each live in one
 * module, so every rule that reads them agrees on every member.
 */
describe('one dash set', () => {
  it.each([...dashes])('reads U+%s as a range sign in a citation group', (dash) => {
    expect(parseCitationGroup(`3${dash}5`, {maxRange: 1000}).numbers).toEqual([3, 4, 5])
  })

  it.each([...dashes])('never takes a line ending in U+%s for a heading (it is cut from a word or a range)', (dash) => {
    expect(plainHeading('Stem Cells in Bone Marrow')).toBeDefined()
    expect(plainHeading(`Stem Cells in Bone Marrow${dash}`)).toBeUndefined()
    expect(numberedHeading(`2.1 Stem cells in bone marrow${dash}`)).toBeUndefined()
  })

  it.each([...dashes])('ends a sentence at a stop and its citations with a range dash U+%s', (dash) => {
    expect(endsSentence(`Cells grew in culture.[3${dash}5]`)).toBe(true)
  })
})

describe('one section-number pattern', () => {
  it('reads up to four levels of one or two digits, in headings and before "References"', () => {
    expect(numberedHeading('12.1.3.4 Flow cytometry')).toEqual({number: '12.1.3.4', title: 'Flow cytometry'})
    expect(numberedHeading('1.2.3.4.5 Flow cytometry')).toBeUndefined()
    const list = (heading: string) => takeReferenceList([[{text: 'Cells grew [1, 2].', offset: 0}], [heading, '1. Smith J. Cells. J Cell Biol. 2001;1:1-2.', '2. Jones K. More cells. Stem Cells. 2003;2:3-4.'].map((text, index) => ({text, offset: 20 + index * 60}))]).list
    expect(list('12.1 References')?.entries.length).toBe(2)
    expect(list('1.2.3.4.5 References')).toBeUndefined()
  })
})
