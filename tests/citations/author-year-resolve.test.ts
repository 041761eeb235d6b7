import {describe, expect, it} from 'vitest'
import type {AuthorYearCite} from '../../src/stages/citations/author-year-callout.js'
import {authorYearEntryOfCsl, indexAuthorYearEntries, resolveAuthorYear, type AuthorYearEntry} from '../../src/stages/citations/author-year-resolve.js'
import {foldName, leadingNameParticles, nameKeys, nameParticles, particleAlternation, sameFamilyName} from '../../src/stages/citations/name-key.js'

const cite = (names: string[], year: string, options: {etAl?: boolean; suffix?: string} = {}): AuthorYearCite => ({names, etAl: options.etAl ?? false, year, suffix: options.suffix ?? ''})
const entry = (number: number, names: string[], year: string | null, suffix = ''): AuthorYearEntry => ({number, names, year, suffix})

describe('name keys', () => {
  it('folds diacritics, case, apostrophes and letters without a decomposition', () => {
    expect(foldName('Mörck')).toBe('morck')
    expect(foldName('Lezoualc’h')).toBe('lezoualch')
    expect(foldName('Øster-Ærø')).toBe('oster aero')
    expect(foldName('Straße')).toBe('strasse')
  })
  it('answers to a name with or without its particles', () => {
    expect(nameKeys('van der Berg')).toEqual(['van der berg', 'berg', 'vanderberg'])
    expect(sameFamilyName('Van der Berg', 'Berg')).toBe(true)
    expect(sameFamilyName('de la Cruz', 'De La Cruz')).toBe(true)
    expect(sameFamilyName('Berg', 'Bergman')).toBe(false)
    expect(sameFamilyName('DeSouza', 'De Souza')).toBe(true)
  })
})

describe('particles before a family name', () => {
  it('are one list: the pattern takes them in lower case, and capitalised only when asked', () => {
    const lower = new RegExp(`^${particleAlternation(false)} Berg$`)
    const either = new RegExp(`^${particleAlternation(true)} Berg$`)
    expect(['van Berg', 'ter Berg', 'dos Berg'].every((name) => lower.test(name) && either.test(name))).toBe(true)
    expect(lower.test('Van Berg')).toBe(false)
    expect(either.test('Van Berg')).toBe(true)
    expect(either.test('al Berg')).toBe(false)
    expect(leadingNameParticles.every((particle) => nameParticles.has(particle))).toBe(true)
  })
})

describe('resolveAuthorYear', () => {
  const index = indexAuthorYearEntries([
    entry(1, ['Lee', 'Park'], '2018'),
    entry(2, ['Lee', 'Park'], '2018'),
    entry(3, ['Lee'], '2018'),
    entry(4, ['Smith', 'Jones', 'Brown'], '2020'),
    entry(5, ['Smith', 'Jones'], '2020'),
    entry(6, ['van der Berg', 'Ito'], '2019'),
    entry(7, ['Müller'], '2017'),
    entry(8, ['World Health Organization'], null),
    entry(9, ['Food and Drug Administration'], '2019')
  ])

  it('picks the entry whose author count fits the callout: et al. three or more, two names two', () => {
    expect(resolveAuthorYear(cite(['Smith'], '2020', {etAl: true}), index)).toEqual({number: 4})
    expect(resolveAuthorYear(cite(['Smith', 'Jones'], '2020'), index)).toEqual({number: 5})
    expect(resolveAuthorYear(cite(['Lee'], '2018'), index)).toEqual({number: 3})
  })

  it('tells same-author same-year entries apart by letter, in bibliography order', () => {
    expect(resolveAuthorYear(cite(['Lee', 'Park'], '2018', {suffix: 'a'}), index)).toEqual({number: 1})
    expect(resolveAuthorYear(cite(['Lee', 'Park'], '2018', {suffix: 'b'}), index)).toEqual({number: 2})
    expect(resolveAuthorYear(cite(['Lee', 'Park'], '2018', {suffix: 'c'}), index)).toEqual({problem: 'missing'})
  })

  it('reports entries the callout fits alike as ambiguous, not a guess', () => {
    expect(resolveAuthorYear(cite(['Lee', 'Park'], '2018'), index)).toEqual({problem: 'ambiguous', numbers: [1, 2]})
  })

  it('prefers an entry letter over the place when the entries carry one', () => {
    const lettered = indexAuthorYearEntries([entry(1, ['Kim'], '2015', 'b'), entry(2, ['Kim'], '2015', 'a')])
    expect(resolveAuthorYear(cite(['Kim'], '2015', {suffix: 'a'}), lettered)).toEqual({number: 2})
  })

  it('matches particles written or left out, and diacritics either way', () => {
    expect(resolveAuthorYear(cite(['Van der Berg', 'Ito'], '2019'), index)).toEqual({number: 6})
    expect(resolveAuthorYear(cite(['Berg', 'Ito'], '2019'), index)).toEqual({number: 6})
    expect(resolveAuthorYear(cite(['Muller'], '2017'), index)).toEqual({number: 7})
    expect(resolveAuthorYear(cite(['Müller'], '2017'), index)).toEqual({number: 7})
  })

  it('matches n.d. to an entry without a year, and a collaboration by its whole name', () => {
    expect(resolveAuthorYear(cite(['World Health Organization'], 'n.d.'), index)).toEqual({number: 8})
    expect(resolveAuthorYear(cite(['Food', 'Drug Administration'], '2019'), index)).toEqual({number: 9})
  })

  it('reports a wrong year or an unknown name as missing', () => {
    expect(resolveAuthorYear(cite(['Smith'], '2021', {etAl: true}), index)).toEqual({problem: 'missing'})
    expect(resolveAuthorYear(cite(['Nobody'], '2020'), index)).toEqual({problem: 'missing'})
  })

  it('falls back to an entry with more authors when no entry has the exact count', () => {
    expect(resolveAuthorYear(cite(['van der Berg'], '2019'), index)).toEqual({number: 6})
  })
})

describe('authorYearEntryOfCsl', () => {
  it('reads family names with particles, literal names, editors, and the year', () => {
    expect(authorYearEntryOfCsl(3, {id: 'a', type: 'book', author: [{family: 'Berg', given: 'H', 'non-dropping-particle': 'van der'}, {literal: 'WHO'}], issued: {'date-parts': [[2019, 4]]}})).toEqual({number: 3, names: ['van der Berg', 'WHO'], year: '2019', suffix: ''})
    expect(authorYearEntryOfCsl(4, {id: 'b', type: 'book', editor: [{family: 'Lee'}], issued: {literal: '2018b'}})).toEqual({number: 4, names: ['Lee'], year: '2018', suffix: 'b'})
    expect(authorYearEntryOfCsl(5, {id: 'c', type: 'book', author: [{family: 'Kim'}]})).toEqual({number: 5, names: ['Kim'], year: null, suffix: ''})
  })
})
