import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {normalizePages, parseReferenceEntry} from '../../src/stages/bibliography/reference-entry.js'
import {fuzzRuns} from '../helpers/scale.js'

const issued = (year: number) => ({'date-parts': [[year]]})

describe('parseReferenceEntry: numbered (Vancouver-like) entries', () => {
  it('reads authors with initials, title, journal, year, volume, issue and pages', () => {
    expect(parseReferenceEntry('Brandt QX, van der Berg AB, Ollo-Tamm J. Lanterns of the deep shelf. J Imag Fish. 2011;42(3):117–25.')).toEqual({
      id: 'entry',
      type: 'article-journal',
      author: [
        {family: 'Brandt', given: 'QX'},
        {family: 'van der Berg', given: 'AB'},
        {family: 'Ollo-Tamm', given: 'J'}
      ],
      title: 'Lanterns of the deep shelf',
      'container-title': 'J Imag Fish',
      issued: issued(2011),
      volume: '42',
      issue: '3',
      page: '117-125'
    })
  })

  it('stops the authors at "et al." and reads a month after the year', () => {
    const item = parseReferenceEntry('Okafor N, Lind P, et al. Tidal pools and their keepers. Mar Notes. 2019 Mar 4;7:9-12.')
    expect(item.author).toEqual([{family: 'Okafor', given: 'N'}, {family: 'Lind', given: 'P'}])
    expect(item).toMatchObject({title: 'Tidal pools and their keepers', 'container-title': 'Mar Notes', issued: issued(2019), volume: '7', page: '9-12'})
  })

  it('reads "YEAR. p. pages" after the container, and takes identifiers out of the text it parses', () => {
    const item = parseReferenceEntry('Quill R. Counting the uncounted: a method. Rev Sums. 2004. p. 88–91. doi:10.5555/rs.2004.88 PubMed PMID: 1234567.')
    expect(item).toMatchObject({author: [{family: 'Quill', given: 'R'}], title: 'Counting the uncounted: a method', 'container-title': 'Rev Sums', issued: issued(2004), page: '88-91', DOI: '10.5555/rs.2004.88', PMID: '1234567'})
  })

  it('keeps a question mark that ends the title', () => {
    const item = parseReferenceEntry('Marr T. Is the shelf deep enough? Abyss Lett. 2015;3:1-4.')
    expect(item).toMatchObject({title: 'Is the shelf deep enough?', 'container-title': 'Abyss Lett'})
  })

  it('reads a book: title, then "Place: Publisher; YEAR"', () => {
    const item = parseReferenceEntry('Hale W. The Grammar of Tides. 2nd ed. Oslo: Fjord Press; 1998.')
    expect(item).toMatchObject({type: 'book', author: [{family: 'Hale', given: 'W'}], title: 'The Grammar of Tides. 2nd ed', publisher: 'Fjord Press', 'publisher-place': 'Oslo', issued: issued(1998)})
    expect(item['container-title']).toBeUndefined()
  })

  it('takes a single part without authors for a title, and an organisation before a title for the author', () => {
    expect(parseReferenceEntry('Handbook of imaginary measures: a catalogue. 1977.')).toMatchObject({type: 'book', title: 'Handbook of imaginary measures: a catalogue', issued: issued(1977)})
    expect(parseReferenceEntry('Northern Institute of Soundings. Depth charts online [Internet]. 2012.')).toMatchObject({type: 'webpage', author: [{literal: 'Northern Institute of Soundings'}], title: 'Depth charts online', issued: issued(2012)})
  })

  it('leaves out what an entry does not have instead of guessing it', () => {
    const item = parseReferenceEntry('Vell P. Notes on nothing in particular.')
    expect(item).toEqual({id: 'entry', type: 'book', author: [{family: 'Vell', given: 'P'}], title: 'Notes on nothing in particular'})
  })

  it('takes the label of a Markdown list entry ("[4] …") off, and uses the id it is given', () => {
    const item = parseReferenceEntry('[4] Brandt QX. Lanterns. J Imag Fish. 2011;42:1-2.', {id: 'ref-4'})
    expect(item).toMatchObject({id: 'ref-4', author: [{family: 'Brandt', given: 'QX'}], title: 'Lanterns'})
  })
})

describe('parseReferenceEntry: alphabetical (APA/Harvard-like) entries', () => {
  it('reads APA: "Family, I. I., & Family, I. (YEAR). Title. Journal, vol(issue), pages."', () => {
    expect(parseReferenceEntry('Brandt, Q. X., van der Berg, A. B., & Ollo-Tamm, J. (2011). Lanterns of the deep shelf. J Imag Fish, 42(3), 117–125. https://doi.org/10.5555/jif.42.117')).toEqual({
      id: 'entry',
      type: 'article-journal',
      author: [
        {family: 'Brandt', given: 'Q. X.'},
        {family: 'van der Berg', given: 'A. B.'},
        {family: 'Ollo-Tamm', given: 'J.'}
      ],
      title: 'Lanterns of the deep shelf',
      'container-title': 'J Imag Fish',
      issued: issued(2011),
      volume: '42',
      issue: '3',
      page: '117-125',
      DOI: '10.5555/jif.42.117'
    })
  })

  it('reads a year suffix, full given names, and "In Journal (Vol. n, pp. a–b)"', () => {
    const item = parseReferenceEntry('Okafor, Nneka, & Lind, Per. (2019b). Tidal pools and their keepers. In Mar Notes (Vol. 7, pp. 9–12).')
    expect(item).toMatchObject({author: [{family: 'Okafor', given: 'Nneka'}, {family: 'Lind', given: 'Per'}], 'year-suffix': 'b', issued: issued(2019), title: 'Tidal pools and their keepers', 'container-title': 'Mar Notes', volume: '7', page: '9-12'})
  })

  it('reads Harvard: quoted title, "et al.", "pp."', () => {
    const item = parseReferenceEntry('Marr, T. et al. (2015) “Is the shelf deep enough?,” Abyss Lett, 3, pp. 1–4.')
    expect(item).toMatchObject({author: [{family: 'Marr', given: 'T.'}], title: 'Is the shelf deep enough?', 'container-title': 'Abyss Lett', issued: issued(2015), volume: '3', page: '1-4'})
  })

  it('reads an organisation as author, and an entry without authors that opens with its title', () => {
    expect(parseReferenceEntry('Northern Institute of Soundings. (2012). Depth charts online.')).toMatchObject({author: [{literal: 'Northern Institute of Soundings'}], title: 'Depth charts online', issued: issued(2012)})
    expect(parseReferenceEntry('“Handbook of imaginary measures” (1977).')).toMatchObject({title: 'Handbook of imaginary measures', issued: issued(1977)})
  })

  it('reads "(n.d.)" as no year', () => {
    const item = parseReferenceEntry('Vell, P. (n.d.). Notes on nothing in particular.')
    expect(item).toMatchObject({author: [{family: 'Vell', given: 'P.'}], title: 'Notes on nothing in particular'})
    expect(item.issued).toBeUndefined()
  })
})

describe('normalizePages', () => {
  it('writes the last page in full and a hyphen between, as CSL stores ranges', () => {
    expect(normalizePages('278–93')).toBe('278-293')
    expect(normalizePages('1496–504')).toBe('1496-1504')
    expect(normalizePages('9–17')).toBe('9-17')
    expect(normalizePages('e12')).toBe('e12')
    // A last page that cannot be a shortened one stays as written.
    expect(normalizePages('284–29')).toBe('284-29')
  })
})

describe('parseReferenceEntry: journal layouts beyond citation-js output', () => {
  it('reads a year that follows the journal without a period (NLM as many journals print it)', () => {
    expect(parseReferenceEntry('Brandt QX, Lind P. Lanterns of the deep shelf. J Imag Fish 2011;42(3):117-25.')).toMatchObject({
      title: 'Lanterns of the deep shelf',
      'container-title': 'J Imag Fish',
      issued: issued(2011),
      volume: '42',
      issue: '3',
      page: '117-125'
    })
  })

  it('reads "Journal YEAR, vol:pages" (BMC) and "Journal YEAR, vol, pages" (ACS)', () => {
    expect(parseReferenceEntry('Okafor N, Lind P. Tidal pools and their keepers. Mar Notes 2019, 7:9-12.')).toMatchObject({'container-title': 'Mar Notes', issued: issued(2019), volume: '7', page: '9-12'})
    expect(parseReferenceEntry('Quill R. Counting the uncounted. Rev Sums 2004, 88, 91-94.')).toMatchObject({'container-title': 'Rev Sums', issued: issued(2004), volume: '88', page: '91-94'})
  })

  it('keeps a journal title written with periods whole ("Proc. Natl. Acad. Sci.")', () => {
    const item = parseReferenceEntry('Marr T, Vell P. Is the shelf deep enough? Proc. Natl. Acad. Sci. 2015;112:1-4.')
    expect(item).toMatchObject({title: 'Is the shelf deep enough?', 'container-title': 'Proc. Natl. Acad. Sci.', issued: issued(2015), volume: '112', page: '1-4'})
    expect(parseReferenceEntry('Hale W. Tides of the fjord. J. Fjord Sci. 1998;4:7-9.')).toMatchObject({title: 'Tides of the fjord', 'container-title': 'J. Fjord Sci.'})
  })
})

describe('parseReferenceEntry on any text', () => {
  const pieces = ['Smith', ' J', ', ', '. ', 'A', ' (2001)', ' (n.d.)', '“', '”', '"', ' 2019;', '5(2)', ':3–8', ', pp. ', ' et al.', ' & ', ' and ', '[Internet]', ' doi:10.1/x', ' PMID: 12', '*', '_', ' In ', '(Vol. 3, pp. 1–2)', '?', ' ', 'é', '\u0000']
  it('never throws, and always gives an item with its id, a type, and a year only where the text has one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), (parts) => {
        const text = parts.join('')
        const item = parseReferenceEntry(text, {id: 'x'})
        expect(item.id).toBe('x')
        expect(typeof item.type).toBe('string')
        const year = (item.issued as {'date-parts': number[][]} | undefined)?.['date-parts'][0]![0]
        if (year !== undefined) expect(text).toContain(String(year))
      }),
      {numRuns: fuzzRuns(300, 2000)}
    )
  })

  it('reads a 4 MB "entry" only as far as a reference could go', () => {
    // Quadratic work over 4 MB would not finish within the test's timeout.
    const huge = `Smith J, ${'Lee K, '.repeat(600_000)}. Title. J Fish. 2001;1:2-3.`
    // Only the first 2,000 characters are read: the item holds them as its title and nothing from beyond.
    const item = parseReferenceEntry(huge)
    expect(item.title!.length).toBeLessThanOrEqual(2000)
    expect(huge.startsWith(item.title!)).toBe(true)
    expect(item.issued).toBeUndefined()
    // What the item holds comes from the entry's first 2,000 characters, not the 4 MB.
    expect(JSON.stringify(item).length).toBeLessThan(2_500)
    const dots = `${'A. '.repeat(1_400_000)}(2001). Title.`
    expect(parseReferenceEntry(dots).id).toBe('entry')
    expect(JSON.stringify(parseReferenceEntry(dots)).length).toBeLessThan(2_500)
  })
})

describe('parseReferenceEntry: Nature-style entries, year last', () => {
  it('reads "Family, I. & Family, I. Title. Journal vol, pages (YEAR)."', () => {
    expect(parseReferenceEntry('Brandt, Q. X., van der Berg, A. & Ollo-Tamm, J. Lanterns of the deep shelf. J. Imag. Fish 42, 117–125 (2011).')).toEqual({
      id: 'entry',
      type: 'article-journal',
      author: [
        {family: 'Brandt', given: 'Q. X.'},
        {family: 'van der Berg', given: 'A.'},
        {family: 'Ollo-Tamm', given: 'J.'}
      ],
      title: 'Lanterns of the deep shelf',
      'container-title': 'J. Imag. Fish',
      issued: {'date-parts': [[2011]]},
      volume: '42',
      page: '117-125'
    })
  })

  it('does not take an APA entry with a year in parentheses after the names for one', () => {
    expect(parseReferenceEntry('Okafor, N. (2009). Tidal pools and their keepers. Mar Notes, 7, 9–12.')).toMatchObject({title: 'Tidal pools and their keepers', 'container-title': 'Mar Notes'})
  })
})
