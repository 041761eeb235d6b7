import {describe, expect, it} from 'vitest'
import {findCitationGroups} from '../../src/stages/citations/find-citation-groups.js'
import {parseCitationGroup} from '../../src/stages/citations/parse-citation-group.js'

/** Each group as the text it covers and the numbers it expands to. */
function groups(text: string): Array<{raw: string; numbers: number[]}> {
  return findCitationGroups(text)
    .filter((group) => !group.malformed)
    .map((group) => ({raw: text.slice(group.start, group.end), numbers: parseCitationGroup(group.body, {maxRange: 1000}).numbers}))
}

describe('findCitationGroups', () => {
  it.each([
    ['hyphen', 'as shown [2-5].', '[2-5]'],
    ['en dash', 'as shown [2–5].', '[2–5]'],
    ['em dash', 'as shown [2—5].', '[2—5]'],
    ['minus sign', 'as shown [2−5].', '[2−5]']
  ])('reads a range written with a %s as one group 2..5', (_name, text, raw) => {
    expect(groups(text)).toEqual([{raw, numbers: [2, 3, 4, 5]}])
  })

  it('reads a list mixing single numbers and a range as one group', () => {
    expect(groups('in several cohorts [7, 9, 12–14] and')).toEqual([{raw: '[7, 9, 12–14]', numbers: [7, 9, 12, 13, 14]}])
  })

  it('reads the PLoS form [2]–[5] as one group meaning 2 to 5, raw the whole callout', () => {
    const text = 'was reported [2]–[5]. Later'
    const found = findCitationGroups(text)
    expect(found).toHaveLength(1)
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('[2]–[5]')
    expect(groups(text)).toEqual([{raw: '[2]–[5]', numbers: [2, 3, 4, 5]}])
  })

  it.each(['-', '—', '\u2010'])('joins [2]%s[5] whatever the dash', (dash) => {
    expect(groups(`x [2]${dash}[5] y`)).toEqual([{raw: `[2]${dash}[5]`, numbers: [2, 3, 4, 5]}])
  })

  it('joins the PLoS form across a folded line break (a space around the dash)', () => {
    expect(groups('reported [2]– [5] and [8] –[9]')).toEqual([
      {raw: '[2]– [5]', numbers: [2, 3, 4, 5]},
      {raw: '[8] –[9]', numbers: [8, 9]}
    ])
  })

  it('keeps a list of single brackets as separate groups', () => {
    expect(groups('see [2], [3] and [4] [5]')).toEqual([
      {raw: '[2]', numbers: [2]},
      {raw: '[3]', numbers: [3]},
      {raw: '[4]', numbers: [4]},
      {raw: '[5]', numbers: [5]}
    ])
  })

  it('joins only two single-number brackets: [2]–[5]–[7] is a range then a group', () => {
    expect(groups('x [2]–[5]–[7] y')).toEqual([
      {raw: '[2]–[5]', numbers: [2, 3, 4, 5]},
      {raw: '[7]', numbers: [7]}
    ])
  })

  it('does not join a range bracket to the next one: [2, 3]–[5] stays two groups', () => {
    expect(groups('x [2, 3]–[5] y')).toEqual([
      {raw: '[2, 3]', numbers: [2, 3]},
      {raw: '[5]', numbers: [5]}
    ])
  })

  it('does not join brackets separated by words', () => {
    expect(groups('[2] – as in [5]')).toEqual([
      {raw: '[2]', numbers: [2]},
      {raw: '[5]', numbers: [5]}
    ])
  })

  it('makes a reversed joined range an invalid group rather than two groups', () => {
    const found = findCitationGroups('x [5]–[2] y')
    expect(found).toHaveLength(1)
    expect(parseCitationGroup(found[0]!.body, {maxRange: 1000}).valid).toBe(false)
  })

  it('ignores brackets that hold words', () => {
    expect(groups('the [sic] form and [a]–[b]')).toEqual([])
  })
})
