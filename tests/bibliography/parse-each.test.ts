import {readdirSync, readFileSync} from 'node:fs'
import {Cite, type CslItem} from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-ris'
import {beforeEach, describe, expect, it} from 'vitest'
import {loadBibliography} from '../../src/stages/bibliography/load-bibliography.js'
import {idPlaceholder} from '../../src/stages/bibliography/id-free-entry.js'
import {clearParsedEntries, parseEach} from '../../src/stages/bibliography/parse-each.js'
import {itemJson} from '../../src/emit/reference-json.js'
import {documentBibliography, toBibtex, toRis} from '../../bench/make-bibliography.js'

/** What reading the file as a whole gives (the way before entries were parsed one by one), citation-js internals and made-up ids left out. */
function wholeFile(text: string, type: string): CslItem[] {
  const data = type === '@csl/list+object' ? JSON.parse(text) : text
  return new Cite(data, {forceType: type}).data.map((item) => {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(item)) if (!key.startsWith('_') && !(key === 'id' && String(value).startsWith('temp_id_'))) out[key] = value
    return out as CslItem
  })
}

const typeOf: Record<string, string> = {'csl.json': '@csl/list+object', bib: '@bibtex/text', ris: '@ris/file'}
const fixture = (path: string): string => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')
/** A bench bibliography: invented works (name particles, books, chapters), in each format. */
const invented = documentBibliography([3, 14, 15, 92, 65, 35], 12, 7)
const files: Array<[string, string, string]> = [
  ['ohip-nl/references.csl.json', 'csl.json', fixture('ohip-nl/references.csl.json')],
  ['ohip-nl/references.bib', 'bib', fixture('ohip-nl/references.bib')],
  ['ohip-nl/references.ris', 'ris', fixture('ohip-nl/references.ris')],
  ['invented.csl.json', 'csl.json', JSON.stringify(invented)],
  ['invented.bib', 'bib', toBibtex(invented)],
  ['invented.ris', 'ris', toRis(invented)]
]

beforeEach(() => clearParsedEntries())

describe('loadBibliography, parsing entry by entry', () => {
  for (const [name, format, text] of files) {
    it(`gives the items of a whole-file parse for ${name}, read first and again`, () => {
      const expected = wholeFile(text, typeOf[format]!)
      for (let round = 0; round < 2; round++) {
        const loaded = loadBibliography(name, text)
        expect(loaded.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([])
        expect(loaded.entries.map((entry) => entry.item).map(({id, ...rest}) => (String(id).startsWith('entry-') ? rest : {id, ...rest}))).toEqual(expected)
      }
    })
  }

  it('reads the hostile bibliographies as before: same entries and problems with the cache warm', () => {
    const dirs = readdirSync(new URL('../fixtures/hostile/', import.meta.url)).filter((dir) => dir.startsWith('bibliography-'))
    expect(dirs.length).toBeGreaterThan(0)
    let compared = 0
    for (const dir of dirs) {
      for (const file of readdirSync(new URL(`../fixtures/hostile/${dir}/`, import.meta.url)).filter((file) => /\.(bib|ris|json)$/.test(file))) {
        const text = fixture(`hostile/${dir}/${file}`)
        clearParsedEntries()
        const cold = loadBibliography(file, text)
        const warm = loadBibliography(file, text)
        expect(warm, `${dir}/${file}`).toEqual(cold)
        compared++
      }
    }
    // The folders could hold no bibliography of a name the loop takes: then nothing was compared.
    expect(compared).toBeGreaterThanOrEqual(dirs.length)
  })
})

describe('parseEach', () => {
  const counting = () => {
    const seen: string[] = []
    const parseOne = (text: string): CslItem[] => {
      seen.push(text)
      if (text === 'broken') throw new Error('syntax error')
      if (text === 'two') return [{id: 'a'}, {id: 'b'}]
      return [{id: text, title: `Title of ${text}`}]
    }
    return {seen, parseOne}
  }

  it('parses an entry text once per type, and shares the item frozen', () => {
    const {seen, parseOne} = counting()
    const first = parseEach(['x', 'y'], 'test', parseOne)!
    expect(() => {
      first[0]!.title = 'changed'
    }).toThrow(TypeError)
    const second = parseEach(['y', 'x', 'z'], 'test', parseOne)!
    expect(seen).toEqual(['x', 'y', 'z'])
    expect(second.map((item) => item.title)).toEqual(['Title of y', 'Title of x', 'Title of z'])
    expect(second[1]).toBe(first[0])
    parseEach(['x'], 'other type', parseOne)
    expect(seen).toEqual(['x', 'y', 'z', 'x'])
  })

  it('gives up (undefined) on an entry that throws or gives other than one item, and keeps nothing for it', () => {
    const {seen, parseOne} = counting()
    expect(parseEach(['x', 'broken'], 'test', parseOne)).toBeUndefined()
    expect(parseEach(['two'], 'test', parseOne)).toBeUndefined()
    expect(parseEach(['broken'], 'test', parseOne)).toBeUndefined()
    expect(seen).toEqual(['x', 'broken', 'two', 'broken'])
  })
})

describe('BoundedCache', () => {
  it('keeps at most its limit, dropping the oldest entries first', async () => {
    const {BoundedCache} = await import('../../src/stages/bibliography/bounded-cache.js')
    const cache = new BoundedCache(3)
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, key.toUpperCase())
    expect(cache.size).toBe(3)
    expect(cache.get('a')).toBeUndefined()
    expect(['b', 'c', 'd'].map((key) => cache.get(key))).toEqual(['B', 'C', 'D'])
    cache.set('b', 'B2')
    cache.set('e', 'E')
    expect(cache.get('c')).toBeUndefined()
    expect(cache.get('b')).toBe('B2')
  })
})

describe('itemJson', () => {
  it('prints every item as JSON.stringify does, works shared under other ids included, in each format', () => {
    const other = documentBibliography([35, 65, 92, 15, 14, 3], 9, 8)
    for (const [name, , text] of [...files, ['other.csl.json', 'csl.json', JSON.stringify(other)], ['other.bib', 'bib', toBibtex(other)], ['other.ris', 'ris', toRis(other)]] as Array<[string, string, string]>) {
      for (let round = 0; round < 2; round++) {
        const items = loadBibliography(name, text).entries.map((entry) => entry.item)
        expect(items.length, name).toBeGreaterThan(0)
        for (const item of items) expect(itemJson(item), name).toBe(JSON.stringify(item))
      }
    }
  })

  it('prints an item whose source names a field like the placeholder as JSON.stringify does', () => {
    const items = [{id: 'a1', type: 'book', title: 'One', [idPlaceholder]: 'x'}, {id: 'b2', type: 'book', title: 'One', [idPlaceholder]: 'x'}]
    for (const item of loadBibliography('odd.csl.json', JSON.stringify(items)).entries.map((entry) => entry.item)) expect(itemJson(item)).toBe(JSON.stringify(item))
  })
})
