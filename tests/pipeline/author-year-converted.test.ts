import {readFileSync} from 'node:fs'
import {Cite, type CslItem} from '@citation-js/core'
import '@citation-js/plugin-csl'
import {describe, expect, it} from 'vitest'
import {analyseText} from '../helpers/analyse.js'

/*
 * Real prose cited by author and year: the OHIP-NL article (tests/fixtures/ohip-nl), whose every
 * numeric group is replaced by the APA or Harvard callout citeproc writes for the same works, the
 * way examples/ehp-author-year was made from its article. Its own parentheses (`(N = 41; 1 – 2 weeks
 * interval)`, `(68.9 % women; mean age = 57.1 ± 12.2 yrs)`, `(OHIP-NL)`) stay text; every callout is
 * one group with exactly its entries. Works without authors (cited by title) are left out of the
 * callouts; entries whose callouts coincide are expected to be reported ambiguous, not linked.
 */
const folder = new URL('../fixtures/ohip-nl/', import.meta.url)
const input = readFileSync(new URL('input.txt', folder), 'utf8')
const gold = JSON.parse(readFileSync(new URL('gold.json', folder), 'utf8')) as {groups: Array<{line: number; column: number; raw: string; numbers: number[]; valid: boolean}>}
const items = JSON.parse(readFileSync(new URL('references.csl.json', folder), 'utf8')) as CslItem[]
const byNumber = new Map(items.map((item) => [Number(/^ref-(\d+)$/.exec(String(item.id))![1]), item]))

describe.each(['apa', 'harvard1'])('OHIP-NL rewritten with %s callouts', (template) => {
  const cite = new Cite(items)
  const callout = (numbers: number[]): string => String(cite.format('citation', {template, entry: numbers.map((n) => String(byNumber.get(n)!.id)), format: 'text', lang: 'en-US'}))
  const authored = (n: number): boolean => {
    const authors = byNumber.get(n)?.author
    return Array.isArray(authors) && authors.length > 0
  }
  const single = new Map([...byNumber.keys()].filter(authored).map((n) => [n, callout([n])]))
  const ambiguous = new Set([...single].filter(([n, text]) => [...single].some(([other, otherText]) => other !== n && otherText === text)).map(([n]) => n))

  const lines = input.split('\n')
  const offsetOf = (line: number, column: number): number => lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1
  let text = input
  const replaced: Array<{offset: number; raw: string; numbers: number[]}> = []
  for (const group of [...gold.groups].filter((entry) => entry.valid).sort((a, b) => offsetOf(b.line, b.column) - offsetOf(a.line, a.column))) {
    const numbers = group.numbers.filter(authored)
    if (numbers.length === 0) continue
    const offset = offsetOf(group.line, group.column)
    const raw = callout(numbers)
    text = text.slice(0, offset) + raw + text.slice(offset + group.raw.length)
    for (const earlier of replaced) earlier.offset += raw.length - group.raw.length
    replaced.push({offset, raw, numbers: numbers.filter((n) => !ambiguous.has(n)).sort((a, b) => a - b)})
  }
  replaced.reverse()

  it('finds every callout, exactly, and nothing else', () => {
    expect(replaced.length).toBeGreaterThan(25)
    const {record} = analyseText(text, {source: 'ohip-nl.txt', bibliography: {source: 'ohip-nl.csl.json', text: JSON.stringify(items)}})
    const groups = record.citationGroups.filter((group) => group.authorYear)
    expect(groups.map((group) => ({offset: group.start.offset, raw: group.raw, numbers: group.numbers}))).toEqual(replaced)
    expect(record.citationGroups.filter((group) => !group.authorYear).map((group) => group.raw)).toEqual(gold.groups.filter((group) => group.valid && !group.numbers.some(authored)).map((group) => group.raw))
  })
})
