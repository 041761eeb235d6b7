import type {CslItem} from '@citation-js/core'
import {beforeEach, describe, expect, it} from 'vitest'
import {loadBibliography} from '../../src/stages/bibliography/load-bibliography.js'
import {clearParsedEntries} from '../../src/stages/bibliography/parse-each.js'
import {toOutputCslItem, toReferencesCslJson, withDocumentNumber} from '../../src/stages/bibliography/references-csl.js'
import {formatReferences} from '../../src/stages/bibliography/format-references.js'
import {documentBibliography, toBibtex, toRis} from '../../bench/make-bibliography.js'

/** `<id>.references.csl.json` by its definition: each item made and numbered, one compact item per line. */
function byDefinition(references: ReadonlyMap<number, CslItem>): string {
  const sorted = [...references].sort((a, b) => a[0] - b[0])
  if (sorted.length === 0) return '[]\n'
  const width = String(sorted.at(-1)![0]).length
  return '[\n' + sorted.map(([number, item]) => '  ' + JSON.stringify(withDocumentNumber(toOutputCslItem(number, item), number, width))).join(',\n') + '\n]\n'
}

beforeEach(() => clearParsedEntries())

describe('toReferencesCslJson printed from each work once', () => {
  it('gives the bytes of the definition for invented items: particles, nested values, a label and number of their own, empty values', () => {
    const items: CslItem[] = [
      {id: 'b', type: 'book', title: 'Z "quoted"\nline', author: [{family: 'Berg', given: 'A', 'non-dropping-particle': 'van der'}], 'citation-label': 'mine', 'citation-number': 4, 'citation-key': 'b'} as CslItem,
      {id: 'a', type: 'article-journal', issued: {'date-parts': [[2004, 5]]}, keyword: [], note: '', zeta: {y: 1, x: [true, null]}} as CslItem,
      {id: 'c'} as CslItem
    ]
    for (const numbers of [[1, 2, 3], [9, 10, 100], [7]]) {
      const references = new Map(numbers.map((n, index) => [n, items[index]!]))
      expect(toReferencesCslJson(references)).toBe(byDefinition(references))
    }
    expect(toReferencesCslJson(new Map())).toBe(byDefinition(new Map()))
  })

  it('gives the bytes of the definition for works shared by bibliographies under other numbers, in each format', () => {
    const first = documentBibliography([3, 14, 15, 92, 65, 35], 8, 1)
    const second = documentBibliography([35, 65, 92, 15, 14, 3], 12, 2)
    for (const [name, write] of [['refs.csl.json', JSON.stringify], ['refs.bib', toBibtex], ['refs.ris', toRis]] as const) {
      for (const items of [first, second, first]) {
        const entries = loadBibliography(name, write(items)).entries
        const references = new Map(entries.filter((entry) => entry.number % 2 === 0 || entry.number > 5).map((entry) => [entry.number, entry.item]))
        expect(toReferencesCslJson(references), name).toBe(byDefinition(references))
      }
    }
  })
})

describe('what is kept per work', () => {
  it('is kept only for frozen works: an item an API caller built and then changed is printed and formatted as it is now', () => {
    const item = {id: 'x', type: 'book', title: 'First title', author: [{family: 'Okafor', given: 'N'}], issued: {'date-parts': [[2011]]}} as CslItem
    const references = new Map([[1, item]])
    expect(toReferencesCslJson(references)).toContain('"title":"First title"')
    expect(formatReferences(references, {style: 'vancouver'}).entries.get(1)).toContain('First title')
    ;(item as Record<string, unknown>).title = 'Second title'
    expect(toReferencesCslJson(references)).toBe(byDefinition(references))
    expect(toReferencesCslJson(references)).toContain('"title":"Second title"')
    expect(formatReferences(references, {style: 'vancouver'}).entries.get(1)).toContain('Second title')
  })
})
