import type {CslItem} from '@citation-js/core'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import {referenceItem} from '../../src/emit/html/reference-item.js'
import type {ReferenceRecord} from '../../src/emit/records.js'
import {deepFreeze} from '../helpers/deep-freeze.js'

const record = (number: number, csl: CslItem): ReferenceRecord => ({number, csl, sentenceIds: [], claimIds: []}) as unknown as ReferenceRecord

describe('referenceItem names', () => {
  const authors = [{family: 'van der Berg', given: 'Anna-Maria'}, {literal: 'WHO Group'}, ...Array.from({length: 6}, (_, i) => ({family: `F${i}`, given: 'j. k.'}))]

  it('shows a frozen name list shared by two works as it shows a list of its own', () => {
    const open = {id: 'a', title: 'T', author: structuredClone(authors)} as CslItem
    const shared = deepFreeze(structuredClone(authors))
    const one = {id: 'b', title: 'T', author: shared} as CslItem
    const two = {id: 'c', title: 'T', author: shared} as CslItem
    const expected = toHtml(referenceItem(record(1, open), 1))
    expect(expected).toContain('van der Berg AM, WHO Group, F0 JK, F1 JK, F2 JK, F3 JK, et al')
    expect(toHtml(referenceItem(record(1, one), 1))).toBe(expected)
    expect(toHtml(referenceItem(record(1, two), 1))).toBe(expected)
  })

  it('shows a list again when it is not frozen, so a changed list shows its change', () => {
    const list = [{family: 'Smith', given: 'J'}]
    const item = {id: 'a', author: list} as CslItem
    expect(toHtml(referenceItem(record(1, item), 1))).toContain('Smith J')
    list[0]!.family = 'Jones'
    expect(toHtml(referenceItem(record(1, item), 1))).toContain('Jones J')
  })
})
