import {describe, expect, it} from 'vitest'
import {authorYearEntryOfPrinted, familyNames} from '../../src/stages/citations/reference-entry-names.js'

describe('authorYearEntryOfPrinted', () => {
  it.each([
    ['APA', 'Smith, J. A., Jones, K., & Lee, M. (2019a). A title. Journal, 3, 1–2.', ['Smith', 'Jones', 'Lee'], '2019', 'a'],
    ['name-initials with the year after a period', 'Adolf B, Chapouton P, Lam CS. 2006. Conserved features. Dev Biol 295:278–293.', ['Adolf', 'Chapouton', 'Lam'], '2006', ''],
    ['Harvard', 'van der Berg, H. and Ito, K. (2019) Title of it. Journal 4, 5–6.', ['van der Berg', 'Ito'], '2019', ''],
    ['a collaboration', 'National Center for Biotechnology Information. 2008. GenBank. Available: http://x.org [accessed 1 May 2008].', ['National Center for Biotechnology Information'], '2008', ''],
    ['et al. in the list', 'Núñez, R., et al. (2017b). Title. J 1, 2.', ['Núñez'], '2017', 'b']
  ])('reads the names and year of an entry (%s)', (_kind, raw, names, year, suffix) => {
    expect(authorYearEntryOfPrinted(9, raw)).toEqual({number: 9, names, year, suffix})
  })

  it('reads an entry without a year as n.d.', () => {
    expect(authorYearEntryOfPrinted(2, 'Kim, S. (n.d.). Unpublished manuscript.')).toEqual({number: 2, names: ['Kim'], year: null, suffix: ''})
  })

  it('gives nothing for an entry that names no year', () => {
    expect(authorYearEntryOfPrinted(1, 'Smith J. A title without a date.')).toBeUndefined()
  })

  it('keeps initials-before-name authors by their family name', () => {
    expect(familyNames('J. Smith and K. Jones')).toEqual(['Smith', 'Jones'])
  })
})
