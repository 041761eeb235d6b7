import {beforeEach, describe, expect, it} from 'vitest'
import {bibliographyFromBytes, forgetRecentBibliographies} from '../../src/stages/bibliography/bibliography-file.js'
import {uncitedReportedEach} from '../../src/stages/bibliography/remark-bibliography.js'
import {analyseText} from '../helpers/analyse.js'
import {countWork} from '../helpers/count-work.js'
import '../helpers/prepare-pipeline.js'

/** A CSL-JSON bibliography of `count` invented works. */
const library = (count: number, title = 'Work'): string => JSON.stringify(Array.from({length: count}, (_, index) => ({id: `w${index + 1}`, type: 'book', title: `${title} ${index + 1}`, issued: {'date-parts': [[1990 + (index % 30)]]}})))
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

beforeEach(() => forgetRecentBibliographies())

describe('a bibliography file shared by documents', () => {
  it('is read once per thread: the same path and bytes give the same entries, frozen', () => {
    const text = library(50)
    const first = bibliographyFromBytes('library.csl.json', bytes(text))
    // Bytes read again for the next document: equal, not the same array.
    const second = bibliographyFromBytes('library.csl.json', bytes(text))
    expect(second).toBe(first)
    expect(second.bibliography!.entries).toHaveLength(50)
    expect(Object.isFrozen(second.bibliography!.entries)).toBe(true)
    expect(Object.isFrozen(second.bibliography!.entries[7])).toBe(true)
    expect(() => (second.bibliography!.entries as Array<unknown>).push(1)).toThrow(TypeError)
  })

  it('is read again when its bytes or its path differ', () => {
    const first = bibliographyFromBytes('library.csl.json', bytes(library(5)))
    const changed = bibliographyFromBytes('library.csl.json', bytes(library(5, 'Other')))
    expect(changed).not.toBe(first)
    expect(changed.bibliography!.entries[0]!.item.title).toBe('Other 1')
    const moved = bibliographyFromBytes('elsewhere.csl.json', bytes(library(5, 'Other')))
    expect(moved).not.toBe(changed)
    expect(moved.bibliography!.path).toBe('elsewhere.csl.json')
  })

  it('is read again when the caller fills the same buffer with other bytes', () => {
    const buffer = bytes(library(5, 'Aaaa'))
    const first = bibliographyFromBytes('library.csl.json', buffer)
    buffer.set(bytes(library(5, 'Bbbb')))
    const second = bibliographyFromBytes('library.csl.json', buffer)
    expect(second).not.toBe(first)
    expect(second.bibliography!.entries[0]!.item.title).toBe('Bbbb 1')
  })

  it('keeps no file past its size bound', () => {
    // Not text (NUL bytes): read fast, and still a read the bound applies to.
    const big = new Uint8Array(8 * 2 ** 20 + 1)
    const first = bibliographyFromBytes('huge.csl.json', big)
    expect(first.file.messages.map((message) => message.ruleId)).toEqual(['bibliography-invalid'])
    expect(bibliographyFromBytes('huge.csl.json', big)).not.toBe(first)
  })

  it('gives each document the record it gives alone', () => {
    const shared = {source: 'library.csl.json', text: library(40)}
    const one = 'Stem cells were studied [1, 2].\n\nMSCs reduce fibrosis [3].\n'
    const two = 'Hepatocytes were transplanted [4].\n\nMSCs were infused [2, 5].\n'
    analyseText(one, {bibliography: shared})
    const afterOne = analyseText(two, {bibliography: shared}).output.files
    forgetRecentBibliographies()
    const alone = analyseText(two, {bibliography: shared}).output.files
    expect(afterOne).toEqual(alone)
  })

  it('resolves author–year callouts of each document against it, as alone', () => {
    const works = [
      {id: 'smith2001', type: 'article-journal', title: 'Marrow cells', author: [{family: 'Smith', given: 'Ann'}], issued: {'date-parts': [[2001]]}},
      {id: 'jones2005', type: 'article-journal', title: 'Liver repair', author: [{family: 'Jones', given: 'Bo'}, {family: 'Brown', given: 'Cy'}], issued: {'date-parts': [[2005]]}},
      {id: 'lee2010', type: 'book', title: 'Stem cells', author: [{family: 'Lee', given: 'Di'}], issued: {'date-parts': [[2010]]}}
    ]
    const shared = {source: 'library.csl.json', text: JSON.stringify(works)}
    const one = 'Stem cells reduce fibrosis (Smith 2001).\n\nMSCs were infused in trials (Jones and Brown 2005).\n'
    const two = 'Hepatocytes were transplanted (Lee 2010; Smith 2001).\n'
    analyseText(one, {bibliography: shared})
    const second = analyseText(two, {bibliography: shared})
    expect(second.record.citationGroups.map((group) => group.authorYear?.cites.map((cite) => cite.number))).toEqual([[3, 1]])
    expect(second.record.references.map((reference) => reference.csl?.id)).toEqual(['smith2001', 'lee2010'])
    forgetRecentBibliographies()
    expect(second.output.files).toEqual(analyseText(two, {bibliography: shared}).output.files)
  })
})

describe('entries never cited', () => {
  it(`are reported one by one up to ${uncitedReportedEach}, the rest in one info that counts them`, () => {
    const {record} = analyseText('Stem cells were studied [1, 2].\n', {bibliography: {source: 'library.csl.json', text: library(2 + uncitedReportedEach + 7)}})
    const uncited = record.diagnostics.filter((diagnostic) => diagnostic.code === 'reference-uncited')
    expect(uncited).toHaveLength(uncitedReportedEach + 1)
    expect(uncited.every((diagnostic) => diagnostic.severity === 'info')).toBe(true)
    expect(uncited.filter((diagnostic) => /^reference \d+ \(library\.csl\.json entry "w\d+"\) is never cited$/.test(diagnostic.message)).map((diagnostic) => Number(/\d+/.exec(diagnostic.message)![0])).sort((a, b) => a - b)).toEqual(Array.from({length: uncitedReportedEach}, (_, index) => index + 3))
    expect(uncited.map((diagnostic) => diagnostic.message)).toContain(`7 more entries of library.csl.json are never cited (${uncitedReportedEach + 7} in all; the first ${uncitedReportedEach} are reported one by one)`)
  })

  it('are all reported one by one when there are no more than that', () => {
    const {record} = analyseText('Stem cells were studied [1].\n', {bibliography: {source: 'library.csl.json', text: library(1 + uncitedReportedEach)}})
    const uncited = record.diagnostics.filter((diagnostic) => diagnostic.code === 'reference-uncited')
    expect(uncited).toHaveLength(uncitedReportedEach)
    expect(uncited.every((diagnostic) => /^reference \d+ .* is never cited$/.test(diagnostic.message))).toBe(true)
  })

  it('are the entries no group cites, whatever the order and repetition of the citations and the gaps in the file', () => {
    // Entry 4 is not a CSL object (skipped, still counted): the file has 30 entries, 29 with an item.
    // A small generator (32-bit, seeded) draws which numbers each document cites, repeated and out of order.
    const works: unknown[] = Array.from({length: 30}, (_, index) => ({id: `w${index + 1}`, type: 'book', title: `Work ${index + 1}`, issued: {'date-parts': [[2000 + index]]}}))
    works[3] = 42
    const shared = {source: 'library.csl.json', text: JSON.stringify(works)}
    let seed = 7
    const next = (bound: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return (seed >>> 8) % bound
    }
    for (let round = 0; round < 12; round++) {
      const groups = Array.from({length: 1 + next(6)}, () => Array.from({length: 1 + next(3)}, () => 1 + next(30)))
      const text = groups.map((numbers) => `Stem cells were studied [${numbers.join(', ')}].`).join('\n\n') + '\n'
      const {record} = analyseText(text, {bibliography: shared})
      const cited = new Set(groups.flat())
      const readable = Array.from({length: 30}, (_, index) => index + 1).filter((n) => n !== 4)
      const uncited = readable.filter((n) => !cited.has(n))
      // The record sorts diagnostics without a place by their message.
      const messages = record.diagnostics.filter((diagnostic) => diagnostic.code === 'reference-uncited').map((diagnostic) => diagnostic.message).sort()
      const expected = uncited.slice(0, uncitedReportedEach).map((n) => `reference ${n} (library.csl.json entry "w${n}") is never cited`)
      const rest = uncited.length - uncitedReportedEach
      if (rest > 0) expected.push(`${rest} more ${rest === 1 ? 'entry' : 'entries'} of library.csl.json ${rest === 1 ? 'is' : 'are'} never cited (${uncited.length} in all; the first ${uncitedReportedEach} are reported one by one)`)
      expect(messages, text).toEqual(expected.sort())
      // The references: the numbers cited, in ascending order, each with its item (number 4 has none).
      expect(record.references.map((reference) => reference.csl?.id), text).toEqual([...cited].sort((a, b) => a - b).map((n) => (n === 4 ? undefined : `w${n}`)))
    }
  })

  it("cost a document what it cites, not what the shared file holds", () => {
    // A document citing three entries of a library's file read before (kept by the thread): its
    // analysis does the same counted work (tests/helpers/count-work.ts) whether the file holds 1,000
    // entries or 10,000, apart from a few steps. Sorting or scanning the entries per document charged
    // each document 27,000 more.
    const text = 'Stem cells were studied [3, 1].\n\nMSCs reduce fibrosis [2].\n'
    const workWith = (count: number): number => {
      const shared = {source: `library-${count}.csl.json`, text: library(count)}
      analyseText(text, {bibliography: shared})
      analyseText(text, {bibliography: shared})
      return countWork(() => analyseText(text, {bibliography: shared}))
    }
    const small = workWith(1000)
    const large = workWith(10000)
    expect(Math.abs(large - small)).toBeLessThan(500)
  })
})
