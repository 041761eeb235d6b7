import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {analyseText, seedPath} from '../helpers/analyse.js'
import {schemaErrors} from '../helpers/schema.js'
import {layoutInvariants, moveCitationsAfterPeriod, rewriteHeadings, type HeadingLayout} from '../helpers/layouts.js'

const fixture = (path: string): URL => new URL(`../fixtures/${path}`, import.meta.url)

/** The seed and the examples, each in the layout it was written in. */
const documents = [
  {name: 'seed (numbered, Title Case, run-in subsections)', source: 'seed.txt', text: readFileSync(seedPath, 'utf8'), citationsBeforePeriod: true},
  {name: 'ehp-after-period (unnumbered, sentence-case subsections)', source: 'ehp.txt', text: readFileSync(fixture('layouts/ehp-after-period/input.txt'), 'utf8')},
  {name: 'ohip-nl (numbered, sentence case)', source: 'ohip.txt', text: readFileSync(fixture('ohip-nl/input.txt'), 'utf8'), citationsBeforePeriod: true},
  {name: 'wiki-haematopoiesis (Markdown without #)', source: 'wiki.md', text: readFileSync(fixture('wiki-haematopoiesis/input.md'), 'utf8')}
]

/** The heading layouts the README lists as recognised. */
const layouts: [string, HeadingLayout][] = [
  ['unnumbered', {numbers: 'drop', case: 'keep'}],
  ['numbered', {numbers: 'add', case: 'keep'}],
  ['ALL CAPS', {numbers: 'keep', case: 'upper'}],
  ['numbered lower case', {numbers: 'add', case: 'lower'}],
  ['unnumbered ALL CAPS', {numbers: 'drop', case: 'upper'}],
  ['unnumbered sentence case', {numbers: 'drop', case: 'sentence'}]
]

describe.each(documents)('$name rewritten into other heading layouts', ({source, text}) => {
  const original = analyseText(text, {source}).record
  const expected = layoutInvariants(original)

  it('has sections to rewrite', () => {
    expect(original.document.sections.filter((section) => section.level >= 2).length).toBeGreaterThanOrEqual(5)
  })

  it.each(layouts)('%s: the same sections, sentences and claims', (_, layout) => {
    const rewritten = rewriteHeadings(text, original, layout)
    const unnumbered = original.document.sections.every((section) => section.number === null)
    if (!(unnumbered && layout.numbers !== 'add' && layout.case === 'keep')) expect(rewritten).not.toBe(text)
    const record = analyseText(rewritten, {source}).record
    expect(schemaErrors(record)).toEqual([])
    const actual = layoutInvariants(record)
    expect(actual.sections).toEqual(expected.sections)
    expect(actual.sentences).toEqual(expected.sentences)
    expect(actual.claims).toEqual(expected.claims)
  })
})

describe.each(documents.filter((document) => document.citationsBeforePeriod))('$name with citations moved after the period', ({source, text}) => {
  const original = analyseText(text, {source}).record
  const expected = layoutInvariants(original, true)
  const moved = moveCitationsAfterPeriod(text)

  it('moves citations (the rewrite does something)', () => {
    expect(moved.moved).toBeGreaterThan(10)
  })

  it.each([['unchanged headings', {numbers: 'keep', case: 'keep'} as HeadingLayout], ...layouts])(
    '%s: the same sections, sentences (modulo the moved citations) and claims',
    (_, layout) => {
      const movedRecord = analyseText(moved.text, {source}).record
      const rewritten = rewriteHeadings(moved.text, movedRecord, layout)
      const actual = layoutInvariants(analyseText(rewritten, {source}).record, true)
      expect(actual.sections).toEqual(expected.sections)
      expect(actual.sentences).toEqual(expected.sentences)
      expect(actual.claims).toEqual(expected.claims)
    }
  )
})
