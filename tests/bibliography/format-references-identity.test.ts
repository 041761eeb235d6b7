import {readFileSync} from 'node:fs'
import {Cite, type CslItem} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {beforeEach, describe, expect, it} from 'vitest'
import {scaled} from '../helpers/scale.js'
import {loadBibliography} from '../../src/stages/bibliography/load-bibliography.js'
import {clearFormattedEntries, formatReferences, formattingWork} from '../../src/stages/bibliography/format-references.js'
import {toOutputCslItem} from '../../src/stages/bibliography/references-csl.js'
import {random} from '../../bench/make-corpus.js'

/**
 * The formatting as it was before entries were reused: every call formats the whole set in one
 * citeproc run. The new path must give the same bytes, whatever was formatted before it.
 */
function formatWhole(references: ReadonlyMap<number, CslItem>, style: string): Map<number, string> {
  const numbers = [...references.keys()].sort((a, b) => a - b)
  const cite = new Cite(numbers.map((n) => toOutputCslItem(n, references.get(n)!)), {forceType: '@csl/list+object'})
  const rows = cite.format('bibliography', {format: 'text', template: style, lang: 'en-US', asEntryArray: true}) as unknown as Array<[string, string]>
  const entries = new Map<number, string>()
  for (const [id, text] of rows) entries.set(Number(/^ref-(\d+)$/.exec(id)![1]), text.replace(/^\s*(?:\[\d+\]|\d+\.)\s*/, '').replace(/\s+/g, ' ').trim())
  return entries
}

const fixture = (path: string): string => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')
const numbered = (items: CslItem[]): Map<number, CslItem> => new Map(items.map((item, index) => [index + 1, item]))
const loaded = (path: string): Map<number, CslItem> => new Map(loadBibliography(path, fixture(path)).entries.map((entry) => [entry.number, entry.item]))

/** The examples' and fixtures' bibliographies, in every format citeclaim reads. */
const bibliographies: Record<string, Map<number, CslItem>> = {
  'ehp (CSL-JSON)': numbered(JSON.parse(fixture('ehp/references.csl.json')) as CslItem[]),
  'ohip-nl example (CSL-JSON)': numbered(JSON.parse(fixture('ohip-nl/example.csl.json')) as CslItem[]),
  'ohip-nl (CSL-JSON)': loaded('ohip-nl/references.csl.json'),
  'ohip-nl (BibTeX)': loaded('ohip-nl/references.bib'),
  'ohip-nl (RIS)': loaded('ohip-nl/references.ris')
}
const styles = ['vancouver', 'apa', 'harvard1']
/** Documents citing random subsets of each bibliography, after the whole set: 1 in `npm test`, 3 in the stress run (citeproc takes seconds for them in APA). */
const subsetsPerBibliography = scaled(1, 3)

/** Invented works: two by the same author in the same year (APA and harvard1 tell them apart as 2006a, 2006b). */
const smith2006a: CslItem = {id: 's1', type: 'article-journal', title: 'Fish thyroid receptors', 'container-title': 'J Fish Biol', author: [{family: 'Smith', given: 'John'}], issued: {'date-parts': [[2006]]}}
const smith2006b: CslItem = {id: 's2', type: 'article-journal', title: 'Zebrafish thyroid hormone', 'container-title': 'J Fish Biol', author: [{family: 'Smith', given: 'John'}], issued: {'date-parts': [[2006]]}}
const jones2010: CslItem = {id: 'j1', type: 'book', title: 'Endocrine disruptors', publisher: 'Academic Press', author: [{family: 'Jones', given: 'Ann'}], issued: {'date-parts': [[2010]]}}

beforeEach(() => clearFormattedEntries())

describe('formatReferences gives the bytes of one whole-set citeproc run', () => {
  for (const style of styles) {
    for (const [name, references] of Object.entries(bibliographies)) {
      it(`${name} in ${style}: whole, then subsets formatted after other documents`, () => {
        expect(formatReferences(references, {style}).entries).toEqual(formatWhole(references, style))
        // Documents citing random subsets, formatted one after another as in a worker: entries come
        // from earlier documents' runs, and must still be what a run over this document gives.
        const draw = random(name.length * 31 + style.length)
        for (let document = 0; document < subsetsPerBibliography; document++) {
          const subset = new Map([...references].filter(() => draw() < 0.5))
          expect(formatReferences(subset, {style}).entries).toEqual(formatWhole(subset, style))
        }
      })
    }
  }

  it('keeps the year suffixes of APA and harvard1 right after a document cited one of the two works', () => {
    for (const style of ['apa', 'harvard1']) {
      const one = new Map([[1, smith2006a]])
      expect(formatReferences(one, {style}).entries).toEqual(formatWhole(one, style))
      const both = new Map([[1, smith2006a], [2, smith2006b], [3, jones2010]])
      const entries = formatReferences(both, {style}).entries
      expect(entries).toEqual(formatWhole(both, style))
      expect(entries.get(1)).toMatch(/2006a/)
      expect(entries.get(2)).toMatch(/2006b/)
    }
  })
})

describe('formatReferences reuses entries only where the style allows it', () => {
  const references = bibliographies['ehp (CSL-JSON)']!

  it('formats an item once per process in Vancouver, whatever its number or document', () => {
    const before = formattingWork()
    formatReferences(references, {style: 'vancouver'})
    const first = formattingWork()
    expect(first.entries - before.entries).toBe(references.size)
    // The same works under other numbers, with two new ones: only the new ones reach citeproc.
    const renumbered = new Map([...references.values()].map((item, index) => [index + 10, item]))
    renumbered.set(1, smith2006a)
    renumbered.set(2, jones2010)
    const entries = formatReferences(renumbered, {style: 'vancouver'}).entries
    const second = formattingWork()
    expect(second.runs - first.runs).toBe(1)
    expect(second.entries - first.entries).toBe(2)
    expect(entries).toEqual(formatWhole(renumbered, 'vancouver'))
    expect([...entries.keys()]).toEqual([...renumbered.keys()].sort((a, b) => a - b))
    // Nothing new: no citeproc run at all.
    formatReferences(new Map([...references].slice(0, 10)), {style: 'vancouver'})
    expect(formattingWork()).toEqual(second)
  })

  it('formats the whole set again in APA when the set differs, and not at all when it is the same', () => {
    const before = formattingWork()
    formatReferences(references, {style: 'apa'})
    formatReferences(references, {style: 'apa'})
    const same = formattingWork()
    expect(same.runs - before.runs).toBe(1)
    formatReferences(new Map([...references].slice(1)), {style: 'apa'})
    const after = formattingWork()
    expect(after.runs - same.runs).toBe(1)
    expect(after.entries - same.entries).toBe(references.size - 1)
  })

  it('keys entries by locale: en-GB and en-US are formatted separately', () => {
    const one = new Map([[1, jones2010]])
    formatReferences(one, {style: 'vancouver', lang: 'en-US'})
    const before = formattingWork()
    formatReferences(one, {style: 'vancouver', lang: 'en-GB'})
    expect(formattingWork().entries - before.entries).toBe(1)
  })
})
