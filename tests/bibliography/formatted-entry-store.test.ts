import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {CslItem} from '@citation-js/core'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {clearFormattedEntries, formatReferences, formattingWork} from '../../src/stages/bibliography/format-references.js'
import {storeEntries, useFormattedEntryStore} from '../../src/stages/bibliography/formatted-entry-store.js'
import {syntheticWork} from '../../bench/make-bibliography.js'

const example = JSON.parse(readFileSync(new URL('../fixtures/ohip-nl/example.csl.json', import.meta.url), 'utf8')) as CslItem[]

/** Three documents' references: the same works in each, under each document's own numbers. */
const works = [...example.slice(0, 6), ...[3, 14, 15].map(syntheticWork)]
const documents = [
  works.map((item, index) => [index + 1, {...item, id: `ref-${index + 1}`}] as [number, CslItem]),
  [...works].reverse().map((item, index) => [index + 1, {...item, id: `B${index + 1}`}] as [number, CslItem]),
  works.slice(2, 7).map((item, index) => [index + 3, item] as [number, CslItem])
].map((pairs) => new Map(pairs))

const formatAll = (style: string): Array<Map<number, string>> => documents.map((references) => formatReferences(references, {style}).entries)

let dir: string
beforeEach(() => {
  clearFormattedEntries()
  dir = mkdtempSync(join(tmpdir(), 'citeclaim-store-'))
})
afterEach(() => {
  useFormattedEntryStore(undefined)
  clearFormattedEntries()
})

describe('formatted entries kept in the cache folder', () => {
  it('formats each work once, and a later run (a fresh thread) with the store formats none, giving the same text', () => {
    const without = formatAll('vancouver')
    clearFormattedEntries()
    useFormattedEntryStore(dir)
    const before = formattingWork().entries
    const first = formatAll('vancouver')
    expect(formattingWork().entries - before).toBe(works.length)
    expect(first).toEqual(without)

    clearFormattedEntries()
    const again = formattingWork().entries
    const rerun = formatAll('vancouver')
    expect(formattingWork().entries - again).toBe(0)
    expect(rerun).toEqual(without)
  })

  it('keeps nothing for another locale or a file with another identity, and skips lines that are not entries', () => {
    useFormattedEntryStore(dir)
    const reference = formatAll('vancouver')
    const [name] = readdirSync(dir)
    const path = join(dir, name!)
    const lines = readFileSync(path, 'utf8').split('\n')
    // A line made up to change a text, under a key of another shape, and garbage: only the real keys count.
    writeFileSync(path, [lines[0], '{"not":"a pair"}', '["only one"]', 'garbage', ...lines.slice(1)].join('\n'))
    clearFormattedEntries()
    let before = formattingWork().entries
    expect(formatAll('vancouver')).toEqual(reference)
    expect(formattingWork().entries - before).toBe(0)

    // Another identity (say, another citeproc): the file is not used, and is started over.
    writeFileSync(path, ['0'.repeat(64), ...lines.slice(1)].join('\n'))
    clearFormattedEntries()
    before = formattingWork().entries
    expect(formatAll('vancouver')).toEqual(reference)
    expect(formattingWork().entries - before).toBe(works.length)
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(lines[0])

    // Another locale formats for itself.
    clearFormattedEntries()
    before = formattingWork().entries
    formatReferences(documents[0]!, {style: 'vancouver', lang: 'de-DE'})
    expect(formattingWork().entries - before).toBe(works.length)
  })

  it('writes nothing when no store is in use (a check), and never through a link planted in the cache', () => {
    useFormattedEntryStore(undefined)
    formatAll('vancouver')
    expect(readdirSync(dir)).toEqual([])

    const elsewhere = mkdtempSync(join(tmpdir(), 'citeclaim-elsewhere-'))
    const target = join(elsewhere, 'target.txt')
    writeFileSync(target, 'untouched')
    useFormattedEntryStore(dir)
    // The store's own name, found by letting a first run write it.
    clearFormattedEntries()
    formatAll('vancouver')
    const [name] = readdirSync(dir)
    rmSync(join(dir, name!))
    symlinkSync(target, join(dir, name!))
    clearFormattedEntries()
    const before = formattingWork().entries
    formatAll('vancouver')
    expect(formattingWork().entries - before).toBe(works.length)
    expect(readFileSync(target, 'utf8')).toBe('untouched')
    expect(existsSync(join(dir, name!))).toBe(true)
  })
})

describe('the store file is never found empty or cut after its identity', () => {
  it('is made, and started over, whole: written beside and renamed into place, no temp file left', () => {
    useFormattedEntryStore(dir)
    storeEntries('vancouver', 'en-US', '<style/>', [['k1', 'one']])
    const [name] = readdirSync(dir)
    const path = join(dir, name!)
    const [identity, ...rest] = readFileSync(path, 'utf8').split('\n')
    expect(identity).toMatch(/^[0-9a-f]{64}$/)
    expect(rest).toEqual(['["k1","one"]', ''])
    // Appended to in place while its identity holds.
    const made = statSync(path).ino
    storeEntries('vancouver', 'en-US', '<style/>', [['k2', 'two']])
    expect(statSync(path).ino).toBe(made)
    expect(readFileSync(path, 'utf8')).toBe(`${identity}\n["k1","one"]\n["k2","two"]\n`)
    // Another style text: another identity, so the file is replaced by a new one, not truncated and rewritten in place.
    storeEntries('vancouver', 'en-US', '<style version="2"/>', [['k3', 'three']])
    expect(statSync(path).ino).not.toBe(made)
    const [other, ...lines] = readFileSync(path, 'utf8').split('\n')
    expect(other).not.toBe(identity)
    expect(lines).toEqual(['["k3","three"]', ''])
    // An empty file (as a writer killed between creating and writing it would have left) is started over the same way.
    writeFileSync(path, '')
    storeEntries('vancouver', 'en-US', '<style/>', [['k4', 'four']])
    expect(readFileSync(path, 'utf8')).toBe(`${identity}\n["k4","four"]\n`)
    expect(readdirSync(dir)).toEqual([name])
  })
})

describe('formatted entries shared by the workers of a run', () => {
  it('reads what other workers appended since, before running citeproc for a miss', () => {
    useFormattedEntryStore(dir)
    formatAll('vancouver')
    const [name] = readdirSync(dir)
    const path = join(dir, name!)
    const full = readFileSync(path, 'utf8')
    const lines = full.split('\n')
    // This worker starts when the store holds the first two works only.
    writeFileSync(path, lines.slice(0, 3).join('\n') + '\n')
    clearFormattedEntries()
    let before = formattingWork().entries
    formatReferences(new Map([[1, works[0]!], [2, works[1]!]]), {style: 'vancouver'})
    expect(formattingWork().entries - before).toBe(0)
    // Another worker appends the others, the last line not yet whole.
    const rest = lines.slice(3).join('\n')
    writeFileSync(path, lines.slice(0, 3).join('\n') + '\n' + rest.slice(0, rest.lastIndexOf('\n', rest.length - 2) + 1) + rest.slice(rest.lastIndexOf('\n', rest.length - 2) + 1, -5))
    before = formattingWork().entries
    const reference = formatAll('vancouver')
    // Only the work whose line was cut short is formatted here.
    expect(formattingWork().entries - before).toBe(1)
    clearFormattedEntries()
    useFormattedEntryStore(undefined)
    expect(formatAll('vancouver')).toEqual(reference)
  })
})
