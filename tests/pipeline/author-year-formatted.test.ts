import {readFileSync} from 'node:fs'
import {Cite, type CslItem} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {describe, expect, it} from 'vitest'
import {analyseText} from '../helpers/analyse.js'

/*
 * A self-check on callouts nobody hand-wrote: citeproc (through citation-js) writes the callout of
 * every entry of two bibliographies, in APA and in Harvard; the letters a document would add
 * (`2018a`) are taken from the style's own reference list. Each callout goes into a text wrapped like
 * PDF-extracted text alone, narratively (`Locker (1988)`), and with the next entry's (`(A, 2001; B,
 * 2002)`, or `(Lee & Park, 2018a, 2018b)` when the names are the same). Every callout must come back
 * as one group citing exactly its entries, and nothing else: against the bibliography file, then,
 * without one, against the same bibliography printed as the text's own alphabetical reference list.
 * Callouts two entries share (citation-js writes each callout alone, so APA's added names never come)
 * must give no number and an `author-year-ambiguous` warning. Entries without authors are left out:
 * their callouts are their titles, which citeclaim does not read (see the README).
 */
const bibliographies = {
  invented: new URL('../fixtures/citeproc-callouts/invented.csl.json', import.meta.url),
  'ohip-nl': new URL('../fixtures/ohip-nl/references.csl.json', import.meta.url)
}

/** `text` wrapped at `width` characters, as a PDF extractor writes a paragraph. */
function wrap(text: string, width = 60): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines.join('\n')
}

interface Built {
  text: string
  /** Each callout: its text and the ids it cites. */
  expected: Array<{raw: string; ids: string[]}>
  /** Ids whose callout another entry shares. */
  ambiguous: Set<string>
  /** The style's reference list: ids and entries in its order. */
  list: Array<[string, string]>
}

/** A document citing every entry in `template`'s callouts: alone, narratively, and with the next entry. */
function buildDocument(items: readonly CslItem[], template: string): Built {
  const cite = new Cite(items)
  const list = cite.format('bibliography', {template, format: 'text', lang: 'en-US', asEntryArray: true}) as unknown as Array<[string, string]>
  const letter = new Map(list.map(([id, entry]) => [id, /\((?:\d{4})([a-z])\)/.exec(entry)?.[1] ?? '']))
  const inner = new Map<string, {names: string; year: string}>()
  for (const item of items) {
    const id = String(item.id)
    const written = /^\((.+), (\d{4}|n\.d\.|no date)\)$/.exec(String(cite.format('citation', {template, entry: [id], format: 'text', lang: 'en-US'})))!
    inner.set(id, {names: written[1]!, year: written[2]! + letter.get(id)!})
  }
  const keyOf = (id: string): string => `${inner.get(id)!.names} ${inner.get(id)!.year}`
  const ambiguous = new Set([...inner.keys()].filter((id) => [...inner.keys()].some((other) => other !== id && keyOf(other) === keyOf(id))))
  const expected: Array<{raw: string; ids: string[]}> = []
  const sentences: string[] = []
  items.forEach((item, index) => {
    const id = String(item.id)
    const {names, year} = inner.get(id)!
    const single = `(${names}, ${year})`
    sentences.push(`Cells grew in setting ${index} ${single}.`)
    expected.push({raw: single, ids: [id]})
    sentences.push(`As ${names} (${year}) showed, they died.`)
    expected.push({raw: `${names} (${year})`, ids: [id]})
    const next = items[index + 1]
    if (!next) return
    const other = inner.get(String(next.id))!
    const pair = other.names === names ? `(${names}, ${year}, ${other.year})` : `(${names}, ${year}; ${other.names}, ${other.year})`
    sentences.push(`Both were seen again ${pair}.`)
    expected.push({raw: pair, ids: [id, String(next.id)]})
  })
  return {text: `Callouts written by citeproc\n\nIntroduction\n\n${wrap(sentences.join(' '))}\n`, expected, ambiguous, list}
}

describe.each(Object.entries(bibliographies))('callouts citeproc writes for the %s bibliography', (_name, url) => {
  const items = (JSON.parse(readFileSync(url, 'utf8')) as CslItem[]).filter((item) => Array.isArray(item.author) && item.author.length > 0)

  /** Groups as found, and as expected with `numberOf` giving each id's number. */
  function compare(built: Built, record: ReturnType<typeof analyseText>['record'], numberOf: (id: string) => number): void {
    expect(record.citationGroups.map((group) => ({raw: group.raw.replace(/\n/g, ' '), numbers: group.numbers}))).toEqual(
      built.expected.map(({raw, ids}) => ({raw, numbers: ids.filter((id) => !built.ambiguous.has(id)).map(numberOf).sort((a, b) => a - b)}))
    )
    const ambiguousCites = built.expected.reduce((count, {ids}) => count + ids.filter((id) => built.ambiguous.has(id)).length, 0)
    const codes = record.diagnostics.map((diagnostic) => diagnostic.code).filter((code) => code.startsWith('author-year'))
    expect(codes).toEqual(Array.from({length: ambiguousCites}, () => 'author-year-ambiguous'))
  }

  it.each(['apa', 'harvard1'])('%s: against the bibliography file', (template) => {
    const built = buildDocument(items, template)
    const {record} = analyseText(built.text, {bibliography: {source: 'refs.csl.json', text: JSON.stringify(items)}})
    // Both files' ids are `ref-<n>`: the entry answers to n (README, Number matching).
    compare(built, record, (id) => Number(/^ref-(\d+)$/.exec(id)![1]))
  })

  it.each(['apa', 'harvard1'])('%s: against the text\'s own alphabetical reference list', (template) => {
    const built = buildDocument(items, template)
    const references = built.list.map(([, entry]) => wrap(entry.replace(/\s+/g, ' ').trim())).join('\n')
    const {record} = analyseText(`${built.text}\nReferences\n\n${references}\n`)
    compare(built, record, (id) => built.list.findIndex(([listed]) => listed === id) + 1)
  })
})
