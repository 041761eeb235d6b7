import type {CslItem} from '@citation-js/core'
import {describe, expect, it} from 'vitest'
import {numberEntries, type ReadEntry} from '../../src/stages/bibliography/match-entries.js'

const entries = (...items: Array<Partial<CslItem>>): ReadEntry[] => items.map((item, index) => ({item: {id: `key-${'abcdefghij'[index % 10]}`, ...item} as CslItem, position: index + 1}))
const numbers = (list: ReadEntry[]): Array<[number, string]> => numberEntries(list).entries.map((entry) => [entry.number, String(entry.item.title)])

describe('numberEntries', () => {
  it('numbers by CSL citation-number first', () => {
    expect(numbers(entries({'citation-number': 3, title: 'C'}, {'citation-number': '1', title: 'A'}, {'citation-number': 2, title: 'B'}))).toEqual([
      [1, 'A'],
      [2, 'B'],
      [3, 'C']
    ])
  })

  it.each([
    ['ref-', ['ref-53', 'ref-7', 'ref-12']],
    ['B', ['B53', 'B7', 'B12']],
    ['CR', ['CR53', 'CR7', 'CR12']],
    ['bare numbers', ['53', '7', '12']]
  ])('numbers by the number an id ends in (%s)', (_scheme, ids) => {
    const list = entries(...ids.map((id, index) => ({id, title: 'ABC'[index]})))
    expect(numbers(list)).toEqual([
      [7, 'B'],
      [12, 'C'],
      [53, 'A']
    ])
  })

  it('falls back to position when the ids do not share one numbered scheme', () => {
    expect(numbers(entries({id: 'ref-5', title: 'A'}, {id: 'B9', title: 'B'}))).toEqual([
      [1, 'A'],
      [2, 'B']
    ])
  })

  it('reads author-year keys as keys, not numbers', () => {
    expect(numbers(entries({id: 'smith2004', title: 'A'}, {id: 'jones1999', title: 'B'}))).toEqual([
      [1, 'A'],
      [2, 'B']
    ])
    expect(numbers(entries({id: 'li2004', title: 'A'}, {id: 'li2005', title: 'B'}))).toEqual([
      [1, 'A'],
      [2, 'B']
    ])
  })

  it('falls back to position when two ids carry the same number', () => {
    expect(numbers(entries({id: 'ref-2', title: 'A'}, {id: 'REF-2', title: 'B'}))).toEqual([
      [1, 'A'],
      [2, 'B']
    ])
  })

  it('numbers entries without a real id by position, beside numbered ids', () => {
    const list: ReadEntry[] = [
      {item: {id: 'ref-1', title: 'A'}, position: 1},
      {item: {id: 'entry-2', title: 'B'}, position: 2, generatedId: true},
      {item: {id: 'ref-3', title: 'C'}, position: 3}
    ]
    expect(numberEntries(list).entries.map((entry) => [entry.number, entry.by])).toEqual([
      [1, 'id'],
      [2, 'position'],
      [3, 'id']
    ])
  })

  it('keeps a number with its explicit holder and reports the entry that would take it by position', () => {
    const list = entries({'citation-number': 2, title: 'A'}, {title: 'B'})
    const result = numberEntries(list)
    expect(result.entries.map((entry) => [entry.number, entry.item.title])).toEqual([[2, 'A']])
    expect(result.problems.map((problem) => problem.code)).toEqual(['bibliography-number-duplicate'])
  })

  it('is a bijection from entries to numbers when nothing collides (property)', () => {
    for (let size = 1; size <= 40; size++) {
      const shuffled = Array.from({length: size}, (_, index) => ((index + 3) % size) + 1).reverse()
      const list = entries(...shuffled.map((n) => ({id: `CR${n}`, title: `t${n}`})))
      expect(numbers(list)).toEqual(Array.from({length: size}, (_, index) => [index + 1, `t${index + 1}`]))
    }
  })
})
