import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {Cite, type CslItem} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {splitCslJson} from '../../src/stages/bibliography/split-csl-json.js'
import {loadBibliography} from '../../src/stages/bibliography/load-bibliography.js'
import {clearParsedEntries} from '../../src/stages/bibliography/parse-each.js'

/** The id value `splitCslJson` located in an object, as written. */
const idOf = (object: {text: string; id?: {start: number; end: number}}): string | undefined => (object.id ? object.text.slice(object.id.start, object.id.end) : undefined)

describe('splitCslJson', () => {
  it('gives each object of an array as written, pretty-printed or not, with its id', () => {
    const items = [{id: 'smith2004', title: 'A {braced} title [1]'}, {title: 'No id "here"', id: 'B53', note: 'back\\slash'}]
    for (const text of [JSON.stringify(items), JSON.stringify(items, null, 2), `\r\n\t[ ${JSON.stringify(items[0])} ,\n${JSON.stringify(items[1])} ]\n`]) {
      const objects = splitCslJson(text)!
      expect(objects.map((object) => JSON.parse(object.text) as unknown)).toEqual(items)
      expect(objects.map(idOf)).toEqual(['smith2004', 'B53'])
    }
  })

  it('ends a string at a quote after an even run of backslashes, never after an odd one', () => {
    // Values ending in one, two and three backslashes, and quotes escaped after backslash runs: each
    // string closes exactly where JSON.parse closes it, so the members after it are read too.
    const items = [
      {title: 'ends in \\', id: 'one'},
      {title: 'ends in \\\\', note: '\\"quoted\\"', id: 'two'},
      {title: '\\\\\\', id: 'three', note: '"'},
      {title: '', id: 'empty'}
    ]
    for (const text of [JSON.stringify(items), JSON.stringify(items, null, 1)]) {
      const objects = splitCslJson(text)!
      expect(objects.map((object) => JSON.parse(object.text) as unknown)).toEqual(items)
      expect(objects.map(idOf)).toEqual(['one', 'two', 'three', 'empty'])
    }
    expect(splitCslJson('[{"title":"open \\"}]')).toBeUndefined()
  })

  it('reads an id only at the object\'s own level, written once and without escapes', () => {
    const ids = (text: string): Array<string | undefined> | undefined => splitCslJson(text)?.map(idOf)
    expect(ids('[{"author":[{"id":"nested"}],"title":"x"}]')).toEqual([undefined])
    expect(ids('[{"id":"first","title":"x","id":"second"}]')).toEqual([undefined])
    expect(ids('[{"id":"plain","\\u0069d":"escaped"}]')).toEqual([undefined])
    expect(ids('[{"id":"a\\"b"}]')).toEqual([undefined])
    expect(ids('[{"id":12}]')).toEqual([undefined])
    expect(ids('[{"title":"id","id" : "spaced"}]')).toEqual(['spaced'])
  })

  it('refuses what is not an array of objects, and an empty array', () => {
    for (const text of ['{"id":"a"}', '[]', ' [ ] ', '[{"id":"a"},1]', '[{"id":"a"}] x', '[{"id":"a"} {"id":"b"}]', '[{"id":"a"},]', '[{"id":"a"', '[{"id":"a}]', '\u00a0[{"id":"a"}]', '[{"id":"a"}]\u00a0']) {
      expect(splitCslJson(text), text).toBeUndefined()
    }
  })

  it('cuts random arrays into the objects JSON.parse reads, wherever strings hold brackets, quotes and escapes', () => {
    let seed = 7
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0
      return (seed >>> 16) % n
    }
    const pieces = ['{', '}', '[', ']', '"', '\\', ',', ':', 'id', ' ', '\n', 'é', '😀', 'a', '\u0000']
    const string = (): string => Array.from({length: random(8)}, () => pieces[random(pieces.length)]).join('')
    const value = (depth: number): unknown => {
      const kind = random(depth > 2 ? 3 : 5)
      if (kind === 0) return string()
      if (kind === 1) return random(1000) - 500
      if (kind === 2) return random(2) === 0 ? null : true
      if (kind === 3) return Array.from({length: random(3)}, () => value(depth + 1))
      return Object.fromEntries(Array.from({length: random(3)}, () => [string(), value(depth + 1)]))
    }
    const written = (name: string): boolean => JSON.stringify(name) === `"${name}"`
    let located = 0
    let refused = 0
    for (let round = 0; round < 300; round++) {
      const items = Array.from({length: 1 + random(4)}, () => {
        const item = value(1) as Record<string, unknown>
        const object = item !== null && typeof item === 'object' && !Array.isArray(item) ? item : {}
        if (random(3) > 0) object.id = random(2) === 0 ? `ref-${random(99)}` : string()
        return object
      })
      const text = JSON.stringify(items, null, random(3))
      const objects = splitCslJson(text)!
      expect(objects.map((object) => JSON.parse(object.text) as unknown)).toEqual(items)
      for (const [index, object] of objects.entries()) {
        const item = items[index]!
        // Located exactly when it and every member name are written without escapes; then it is what JSON.parse reads.
        if (typeof item.id === 'string' && written(item.id) && Object.keys(item).every(written)) {
          expect(idOf(object)).toBe(item.id)
          located++
        } else {
          expect(idOf(object)).toBeUndefined()
          refused++
        }
      }
    }
    // The draw reaches both cases, and strings with what the scan must step over.
    expect(located).toBeGreaterThan(50)
    expect(refused).toBeGreaterThan(50)
  })
})

/** What citation-js gives for the whole file, each item as `JSON.stringify` writes it (how CSL-JSON was read before it was read object by object). */
function wholeFile(text: string): CslItem[] {
  return new Cite((JSON.parse(text) as unknown[]).map((item) => JSON.parse(JSON.stringify(item)) as unknown), {forceType: '@csl/list+object'}).data.map((item) => {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(item)) if (!key.startsWith('_') && !(key === 'id' && String(value).startsWith('temp_id_'))) out[key] = value
    return out as CslItem
  })
}

describe('loadBibliography, CSL-JSON read object by object', () => {
  beforeEach(() => clearParsedEntries())
  afterEach(() => vi.restoreAllMocks())

  const work = {type: 'article-journal', title: 'Stellate cells {in} "fibrosis"', author: [{family: 'Ørsted', given: 'H'}], issued: {'date-parts': [[2001]]}}
  /** Files as the texts of their objects. */
  const files: Array<[string, string[]]> = [
    ['pretty', [JSON.stringify({id: 'ref-1', ...work}, null, 2), JSON.stringify({id: 'ref-2', ...work, title: 'Other'}, null, 2)]],
    ['id last', [JSON.stringify({...work, id: 'ref-1'})]],
    ['id twice', ['{"id":"ref-1","type":"book","title":"T","id":"ref-9"}']],
    ['escaped member name', ['{"id":"ref-1","type":"book","title":"T","\\u0069d":"ref-7"}']],
    ['escaped id', ['{"id":"ref\\u002d1","type":"book","title":"T"}']],
    ['numeric id', ['{"id":4,"type":"book","title":"T"}']],
    ['no id', ['{"type":"book","title":"T"}']],
    ['numbers JSON cannot write back', ['{"id":"ref-1","type":"article-journal","title":"T","container-title":"J","volume":1e400,"page":-0,"issued":{"date-parts":[[2001]]}}']]
  ]
  for (const [name, objects] of files) {
    it(`gives the whole-file parse's items, and names entries by the id JSON.parse reads: ${name}`, () => {
      const text = `[\n${objects.join(',\n')}\n]`
      for (let round = 0; round < 2; round++) {
        const loaded = loadBibliography('refs.csl.json', text)
        expect(loaded.file.messages.filter((message) => message.fatal === true).map(String)).toEqual([])
        expect(loaded.entries.map((entry) => entry.item).map(({id, ...rest}) => (String(id).startsWith('entry-') ? rest : {id, ...rest}))).toEqual(wholeFile(text))
      }
      // One object alone, not in an array, is read whole: the same entries.
      if (objects.length === 1) {
        clearParsedEntries()
        expect(loadBibliography('refs.csl.json', text).entries).toEqual(loadBibliography('refs.csl.json', objects[0]!).entries)
      }
      // Every object numbered 1: the second is reported, named by its id as JSON.parse reads it.
      const id = (JSON.parse(objects[0]!) as {id?: unknown}).id
      const numbered = objects.map((object) => object.replace('{', '{"citation-number":1,'))
      const doubled = loadBibliography('refs.csl.json', `[${[...numbered, numbered[0]].join(',')}]`)
      const label = id === undefined ? `item ${objects.length + 1}` : `item ${objects.length + 1} ("${String(id)}")`
      expect(doubled.file.messages.map(String).join('\n')).toContain(`${label} would be reference 1`)
    })
  }

  it('reports JSON that is wrong inside an object as the whole read does, and reads nothing', () => {
    // Warm: the good object's id-free text is known, and still the file is reported, not half read.
    loadBibliography('refs.csl.json', JSON.stringify([{id: 'ref-1', ...work}]))
    const loaded = loadBibliography('refs.csl.json', `[\n${JSON.stringify({id: 'ref-1', ...work})},\n{"id": "ref-2", "title": tru}\n]`)
    expect(loaded.entries).toEqual([])
    expect(loaded.file.messages.map((message) => message.ruleId)).toEqual(['bibliography-invalid'])
    expect(String(loaded.file.messages[0])).toContain('refs.csl.json: not valid JSON')
  })

  it('parses no JSON for a file whose objects were all read before under other ids', () => {
    loadBibliography('a.csl.json', JSON.stringify([{id: 'ref-1', ...work}, {id: 'ref-2', ...work, title: 'Other'}], null, 1))
    const parse = vi.spyOn(JSON, 'parse')
    const again = loadBibliography('b.csl.json', JSON.stringify([{id: 'ref-2', ...work, title: 'Other'}, {id: 'ref-1', ...work}], null, 1))
    expect(parse).not.toHaveBeenCalled()
    expect(again.entries.map((entry) => [entry.number, entry.item.title])).toEqual([
      [1, work.title],
      [2, 'Other']
    ])
  })
})
