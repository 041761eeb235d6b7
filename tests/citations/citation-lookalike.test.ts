import {describe, expect, it} from 'vitest'
import {citationLookalikeReason} from '../../src/stages/citations/citation-lookalike.js'
import {findCitationGroups} from '../../src/stages/citations/find-citation-groups.js'
import {analyseText} from '../helpers/analyse.js'

/** The citation groups of `text` as their raw text, look-alikes and malformed groups left out. */
const citations = (text: string): string[] =>
  findCitationGroups(text)
    .filter((group) => !group.malformed && !group.lookalike)
    .map((group) => text.slice(group.start, group.end))

describe('citation look-alikes', () => {
  it.each([
    ['an F statistic', 'The effect was strong, F[1,12] = 8.42, p < 0.05.'],
    ['an F statistic with a space', 'The effect was strong (F [1, 12] = 8.42).'],
    ['a chi-square with its degrees of freedom', 'They differed (χ2[3] = 12.1; p = 0.01).'],
    ['a chi-square with a superscript two and no relation', 'The χ²[3] test was significant.'],
    ['a t statistic', 'Groups differed, t[28] = 2.1.'],
    ['an index', 'The sum of x[3] and x[4] was taken.'],
    ['a bound', 'Values with r2[2] < 0.5 were dropped.'],
    ['ring locants', 'A [1,2,4]triazolo[4,3-a]pyridine was used.'],
    ['an equation number', 'As in Eq. [3] and equations [4, 5], it holds.']
  ])('does not take %s for a citation', (_name, text) => {
    expect(citations(text)).toEqual([])
  })

  it('reports why, for the record', () => {
    expect(citationLookalikeReason('χ2[3] test', 2, 5)).toBe('glued to the symbol "χ2"')
    expect(citationLookalikeReason('F[1,12] = 8', 1, 7)).toBe('followed by "="')
  })

  it('keeps callouts glued to a word, to punctuation or to a name with a digit', () => {
    expect(citations('Ikaros[29] (B cell development) and vitamin C[4], T4[5] and cirrhosis.[12] Next [2], and [3].')).toEqual(['[29]', '[4]', '[5]', '[12]', '[2]', '[3]'])
    expect(citations('It ended.[12]The next one [3][4] and in frequency [5].')).toEqual(['[12]', '[3]', '[4]', '[5]'])
  })

  it('never reads bracketed text that is not numbers as a group', () => {
    expect(findCitationGroups('[Ca2+] rose [95% CI 1.2–3.4] as written [sic] and […] later x[n].')).toEqual([])
  })
})

describe('remarkCitations and look-alikes', () => {
  it('leaves a statistic bracket as text with an info diagnostic at its place, and keeps the real group', () => {
    const {record} = analyseText('Title\n\nThe groups differed, F[1,12] = 8.42, as reported [3].\n')
    expect(record.citationGroups.map((group) => group.raw)).toEqual(['[3]'])
    const lookalikes = record.diagnostics.filter((diagnostic) => diagnostic.code === 'citation-lookalike')
    expect(lookalikes).toHaveLength(1)
    expect(lookalikes[0]).toMatchObject({severity: 'info', start: {line: 3, column: 23}})
  })
})
