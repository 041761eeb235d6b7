import type {CslItem} from '@citation-js/core'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {bibtexEntry, cslJsonEntry, idPlaceholder, risEntry, withIdRestored} from '../../src/stages/bibliography/id-free-entry.js'
import {loadBibliography} from '../../src/stages/bibliography/load-bibliography.js'
import {citationJs} from '../../src/stages/bibliography/load-citation-js.js'
import {clearParsedEntries, parseEach, sharedItem} from '../../src/stages/bibliography/parse-each.js'
import {syntheticWork, toBibtex, toRis} from '../../bench/make-bibliography.js'

describe('id-free entry texts', () => {
  it('cuts a plain CSL-JSON id out, and leaves other ids in place', () => {
    expect(cslJsonEntry({id: 'ref-3', title: 'On cells'})).toEqual({text: '{"id":"ref-3","title":"On cells"}', idFree: {text: `{"id":"${idPlaceholder}","title":"On cells"}`, id: 'ref-3'}})
    expect(cslJsonEntry({id: 7, title: 'On cells'}).idFree).toBeUndefined()
    expect(cslJsonEntry({id: 'doi:10.1/x', title: 'On cells'}).idFree).toBeUndefined()
    expect(cslJsonEntry({title: 'On cells'}).idFree).toBeUndefined()
  })

  it('cuts the key after @type{ out of a BibTeX entry, and only that', () => {
    const text = '@article{smith2004,\n  title = {smith2004 revisited},\n}\n'
    expect(bibtexEntry(text).idFree).toEqual({text: `@article{${idPlaceholder},\n  title = {smith2004 revisited},\n}\n`, id: 'smith2004'})
    expect(bibtexEntry('@article{Müller2004,\n title = {X}}\n').idFree).toBeUndefined()
    expect(bibtexEntry('@article{\n title = {X}}\n').idFree).toBeUndefined()
  })

  it("cuts the value of a RIS record's one ID line out, and not of two", () => {
    const text = 'TY  - JOUR\nID  - B12\nTI  - B12 and others\nER  - \n'
    expect(risEntry(text).idFree).toEqual({text: `TY  - JOUR\nID  - ${idPlaceholder}\nTI  - B12 and others\nER  - \n`, id: 'B12'})
    expect(risEntry('TY  - JOUR\nID  - a\nID  - b\nER  - \n').idFree).toBeUndefined()
    expect(risEntry('TY  - JOUR\nTI  - x\nER  - \n').idFree).toBeUndefined()
  })

  it('puts the id back in id and citation-key only, and refuses a placeholder found anywhere else', () => {
    expect(withIdRestored({id: idPlaceholder, 'citation-key': idPlaceholder, title: 'T'} as CslItem, 'k1')).toEqual({id: 'k1', 'citation-key': 'k1', title: 'T'})
    expect(withIdRestored({id: idPlaceholder, note: `see ${idPlaceholder}`} as CslItem, 'k1')).toBeUndefined()
    expect(withIdRestored({id: idPlaceholder, author: [{family: idPlaceholder}]} as CslItem, 'k1')).toBeUndefined()
    expect(withIdRestored({id: 'renamed'} as CslItem, 'k1')).toBeUndefined()
  })
})

describe('parseEach with id-free texts', () => {
  beforeEach(() => clearParsedEntries())

  it('parses one work once whatever id it comes with, and gives each item its own id', () => {
    const seen: string[] = []
    const parseOne = (text: string): CslItem[] => {
      seen.push(text)
      const value = JSON.parse(text) as CslItem
      return [{...value}]
    }
    const a = parseEach([cslJsonEntry({id: 'ref-1', title: 'W'}), cslJsonEntry({id: 'ref-2', title: 'V'})], 'test', parseOne)!
    const b = parseEach([cslJsonEntry({id: 'ref-9', title: 'W'})], 'test', parseOne)!
    expect(seen).toHaveLength(2)
    expect(a.map((item) => item.id)).toEqual(['ref-1', 'ref-2'])
    expect(b[0]).toEqual({id: 'ref-9', title: 'W'})
    expect(sharedItem(b[0]!)).toBe(sharedItem(a[0]!))
    expect(sharedItem(a[1]!)).not.toBe(sharedItem(a[0]!))
  })

  it('parses with the id in place when the parser did more with the id than carry it', () => {
    const seen: string[] = []
    // A parser that writes the id into a note as well.
    const parseOne = (text: string): CslItem[] => {
      seen.push(text)
      const value = JSON.parse(text) as CslItem
      return [{...value, note: `id ${String(value.id)}`}]
    }
    const items = parseEach([cslJsonEntry({id: 'ref-1', title: 'W'}), cslJsonEntry({id: 'ref-2', title: 'W'})], 'test', parseOne)!
    expect(items).toEqual([{id: 'ref-1', title: 'W', note: 'id ref-1'}, {id: 'ref-2', title: 'W', note: 'id ref-2'}])
    // The id-free parse once, then each entry with its id.
    expect(seen).toEqual([`{"id":"${idPlaceholder}","title":"W"}`, '{"id":"ref-1","title":"W"}', '{"id":"ref-2","title":"W"}'])
  })
})

describe('loadBibliography over bibliographies sharing works under other ids', () => {
  let parses = 0
  beforeEach(() => {
    clearParsedEntries()
    parses = 0
    // Every parse goes through a new Cite, which sets its data with \`set\`.
    const prototype = citationJs().Cite.prototype as unknown as {set: (...args: unknown[]) => unknown}
    const set = prototype.set
    vi.spyOn(prototype, 'set').mockImplementation(function (this: unknown, ...args: unknown[]) {
      parses++
      return set.apply(this, args)
    })
  })
  afterEach(() => vi.restoreAllMocks())

  /** Three documents' bibliographies: the same 6 works, each document numbering them its own way. */
  const works = [3, 14, 15, 92, 65, 35].map(syntheticWork)
  const orders = [
    [0, 1, 2, 3, 4, 5],
    [5, 4, 3, 2, 1, 0],
    [2, 0, 4, 1, 5, 3]
  ]
  const bibliographies = orders.map((order) => order.map((w, index) => ({...works[w]!, id: `ref-${index + 1}`})))
  const formats: Array<[string, (items: CslItem[]) => string]> = [
    ['refs.csl.json', (items) => JSON.stringify(items)],
    ['refs.bib', toBibtex],
    ['refs.ris', toRis]
  ]

  for (const [name, write] of formats) {
    it(`parses each work once for ${name}, giving what a parse of each file alone gives`, () => {
      const loaded = bibliographies.map((items) => loadBibliography(name, write(items)))
      expect(parses).toBe(works.length)
      for (const [index, items] of bibliographies.entries()) {
        clearParsedEntries()
        const alone = loadBibliography(name, write(items))
        expect(loaded[index]!.entries).toEqual(alone.entries)
        expect(loaded[index]!.entries.map((entry) => entry.item.id)).toEqual(items.map((item) => item.id))
      }
    })
  }
})
