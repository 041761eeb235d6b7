import {describe, expect, it} from 'vitest'
import {parseNarrativeYears, parseParentheticalCallout} from '../../src/stages/citations/author-year-callout.js'
import {findAuthorYearCallouts} from '../../src/stages/citations/find-author-year-callouts.js'

/** Each candidate as its text (first reading) and its cites written back compactly. */
function found(text: string): Array<{raw: string; cites: string[]}> {
  return findAuthorYearCallouts(text).map((candidate) => ({
    raw: text.slice(candidate.readings[0]!.start, candidate.end),
    cites: candidate.readings[0]!.cites.map((cite) => `${cite.names.join('+')}${cite.etAl ? '+etal' : ''} ${cite.year}${cite.suffix}`)
  }))
}

describe('parseParentheticalCallout', () => {
  it.each([
    ['Smith et al., 2020', ['Smith+etal 2020']],
    ['Smith and Jones 2019; Lee, 2018a, b', ['Smith+Jones 2019', 'Lee 2018a', 'Lee 2018b']],
    ['e.g. Smith 2020; see also Lee et al. 2018', ['Smith 2020', 'Lee+etal 2018']],
    ['Smith et al. 2020, p. 4', ['Smith+etal 2020']],
    ['Smith et al. 2020, pp. 4–5', ['Smith+etal 2020']],
    ['Schecter et al. 2003, 2005', ['Schecter+etal 2003', 'Schecter+etal 2005']],
    ['Lee 2018a, 2018b', ['Lee 2018a', 'Lee 2018b']],
    ['van der Berg 2019', ['van der Berg 2019']],
    ['de la Cruz and Núñez, 2017', ['de la Cruz+Núñez 2017']],
    ['Smith & Jones, 2019', ['Smith+Jones 2019']],
    ['Smith, Jones, and Lee 2001', ['Smith+Jones+Lee 2001']],
    ['Lezoualc’h et al., 1995', ['Lezoualc’h+etal 1995']],
    ['National Center for Biotechnology Information, 2008', ['National Center for Biotechnology Information 2008']],
    ['Smith n.d.', ['Smith n.d.']],
    ['Smith, no date', ['Smith n.d.']],
    ['Smith in press', ['Smith in press']],
    ['See also Lee et al. 2018', ['Lee+etal 2018']],
    ['see Smith et al., 2020 for a review', ['Smith+etal 2020']],
    ['Lee 2018 and references therein', ['Lee 2018']],
    ['J. Smith et al., 2020', ['Smith+etal 2020']]
  ])('reads (%s)', (body, cites) => {
    expect(parseParentheticalCallout(body)?.map((cite) => `${cite.names.join('+')}${cite.etAl ? '+etal' : ''} ${cite.year}${cite.suffix}`)).toEqual(cites)
  })

  it.each([
    'n = 12, 2019 cohort',
    'Figure 2, 2020 data',
    'WHO 2019 guidelines',
    'January 2020',
    'Table 1, 2019',
    'available online at http://www.ehponline.org/members/2008/11570/suppl.pdf',
    'p < 0.05, 2019',
    'COVID-19 2020',
    '2019',
    'Smith',
    'smith 2019',
    'Lema SC, Dickey JT, Schultz IR, Swanson P, unpublished data'
  ])('leaves (%s) alone', (body) => {
    expect(parseParentheticalCallout(body)).toBeUndefined()
  })
})

describe('parseNarrativeYears', () => {
  it('reads years, letters and a pinpoint', () => {
    expect(parseNarrativeYears('2018a, 2018b')).toEqual([{year: '2018', suffix: 'a'}, {year: '2018', suffix: 'b'}])
    expect(parseNarrativeYears('2020, p. 4')).toEqual([{year: '2020', suffix: ''}])
    expect(parseNarrativeYears('2018a, b')).toEqual([{year: '2018', suffix: 'a'}, {year: '2018', suffix: 'b'}])
  })
  it('refuses anything else', () => {
    expect(parseNarrativeYears('2020 data')).toBeUndefined()
    expect(parseNarrativeYears('n = 2020')).toBeUndefined()
  })
})

describe('findAuthorYearCallouts', () => {
  it('finds narrative callouts with one author, two, or et al.', () => {
    expect(found('As Smith et al. (2020) showed, and Lee and Park (2018a, 2018b) confirmed.')).toEqual([
      {raw: 'Smith et al. (2020)', cites: ['Smith+etal 2020']},
      {raw: 'Lee and Park (2018a, 2018b)', cites: ['Lee+Park 2018a', 'Lee+Park 2018b']}
    ])
  })

  it('reads a possessive narrative callout by its names', () => {
    expect(found("Smith et al.'s (2020) study and Lee’s (2018) data")).toEqual([
      {raw: "Smith et al.'s (2020)", cites: ['Smith+etal 2020']},
      {raw: 'Lee’s (2018)', cites: ['Lee 2018']}
    ])
  })

  it('offers the one-author reading of a narrative callout after the two-author one', () => {
    const [candidate] = findAuthorYearCallouts('as Koibuchi and Chin (2000) found')
    expect(candidate!.readings.map((reading) => reading.cites[0]!.names).slice(0, 2)).toEqual([['Koibuchi', 'Chin'], ['Chin']])
  })

  it('reads the inner callout of nested parentheses, and a narrative one inside a parenthesis', () => {
    expect(found('data (Doe J, unpublished data; (Liu et al. 2000)) and (see also Schriks et al. (2007)).')).toEqual([
      {raw: '(Liu et al. 2000)', cites: ['Liu+etal 2000']},
      {raw: 'Schriks et al. (2007)', cites: ['Schriks+etal 2007']}
    ])
  })

  it('does not take a lower-case word or a sentence opener as a name', () => {
    expect(found('it remains unclear whether development Porterfield (2000).')).toEqual([{raw: 'Porterfield (2000)', cites: ['Porterfield 2000']}])
    expect(found('in the cohort (2019) and The (2019)')).toEqual([])
  })

  it('leaves look-alike parentheses as text', () => {
    expect(found('a sample (n = 12, 2019 cohort) of (Figure 2, 2020 data) per (WHO 2019 guidelines).')).toEqual([])
  })

  it('reads a callout across a folded line break', () => {
    expect(found('(Birnbaum and\nStaskal 2004; Boas et al. 2006)')).toEqual([{raw: '(Birnbaum and\nStaskal 2004; Boas et al. 2006)', cites: ['Birnbaum+Staskal 2004', 'Boas+etal 2006']}])
  })
})
