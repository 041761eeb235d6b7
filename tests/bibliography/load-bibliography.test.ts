import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isBibliographyPath, loadBibliography, type LoadedBibliography} from '../../src/stages/bibliography/load-bibliography.js'
import {severityOfMessage} from '../../src/diagnostics.js'
/** The bibliography file's messages in the order reported, as code, severity, line and text. */
function problemsOf(loaded: LoadedBibliography): Array<{code: string | undefined; severity: string; line: number | undefined; start: {line: number; column: number; offset?: number} | undefined; message: string}> {
  return loaded.file.messages.map((message) => {
    const place = message.place && 'start' in message.place ? message.place.start : message.place
    return {code: message.ruleId, severity: severityOfMessage(message), line: message.line ?? undefined, start: place ? {line: place.line, column: place.column, offset: place.offset} : undefined, message: message.reason}
  })
}

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/ohip-nl/${name}`, import.meta.url), 'utf8')
const expected = (JSON.parse(fixture('references.csl.json')) as Array<{id: string; title: string}>).map((item) => item.title)

describe('loadBibliography', () => {
  it.each(['references.csl.json', 'references.bib', 'references.ris'])('reads all 31 entries of %s, numbered 1..31 with the right titles', (name) => {
    const loaded = loadBibliography(name, fixture(name))
    expect(problemsOf(loaded)).toEqual([])
    expect(loaded.size).toBe(31)
    expect(loaded.entries.map((entry) => entry.number)).toEqual(Array.from({length: 31}, (_, index) => index + 1))
    expect(loaded.entries.map((entry) => entry.item.title)).toEqual(expected)
  })

  it('numbers the CSL-JSON and RIS entries by their ids and the BibTeX entries (author-year keys) by position', () => {
    expect(loadBibliography('r.csl.json', fixture('references.csl.json')).entries.every((entry) => entry.by === 'id')).toBe(true)
    expect(loadBibliography('r.ris', fixture('references.ris')).entries.every((entry) => entry.by === 'id')).toBe(true)
    expect(loadBibliography('r.bib', fixture('references.bib')).entries.every((entry) => entry.by === 'position')).toBe(true)
  })

  it('keeps citation-js internals (_graph, a copy of the whole input) out of the items', () => {
    for (const name of ['references.csl.json', 'references.bib', 'references.ris']) {
      for (const entry of loadBibliography(name, fixture(name)).entries) expect(Object.keys(entry.item).filter((key) => key.startsWith('_'))).toEqual([])
    }
  })

  it('skips a BibTeX entry with a syntax error, names file, key and line, and keeps the others in place', () => {
    const text = [
      '@article{first1, title={First work}, journal={J}, year={2001}}',
      '@article{broken2, title={Second work}, journal={J}, year={2002}',
      '',
      '@article{third3, title={Third work}, journal={J}, year={2003}}'
    ].join('\n')
    const loaded = loadBibliography('refs/review.bib', text)
    expect(loaded.entries.map((entry) => [entry.number, entry.item.title])).toEqual([
      [1, 'First work'],
      [3, 'Third work']
    ])
    expect(loaded.size).toBe(3)
    expect(problemsOf(loaded)).toHaveLength(1)
    const [problem] = problemsOf(loaded)
    expect(problem).toMatchObject({severity: 'error', code: 'bibliography-entry-invalid', line: 2})
    expect(problem!.message).toContain('refs/review.bib')
    expect(problem!.message).toContain('"broken2"')
    expect(problem!.start).toEqual({line: 2, column: 1, offset: text.indexOf('@article{broken2')})
  })

  it('uses @string macros when it has to read BibTeX entry by entry', () => {
    const text = '@string{jdr = "J Dent Res"}\n@article{a1, title={A}, journal=jdr}\n@article{b2, title={B}, journal=jdr\n@article{c3, title={C}, journal=jdr}\n'
    const loaded = loadBibliography('x.bib', text)
    expect(loaded.entries.map((entry) => [entry.number, entry.item['container-title']])).toEqual([
      [1, 'J Dent Res'],
      [3, 'J Dent Res']
    ])
  })

  it('skips an RIS record that lost its TY line and names it with its line', () => {
    const text = 'TY  - JOUR\nTI  - One\nID  - ref-1\nER  - \nTI  - Two\nID  - ref-2\nER  - \nTY  - JOUR\nTI  - Three\nID  - ref-3\nER  - \n'
    const loaded = loadBibliography('lib.ris', text)
    expect(loaded.entries.map((entry) => [entry.number, entry.item.title])).toEqual([
      [1, 'One'],
      [3, 'Three']
    ])
    expect(problemsOf(loaded)).toHaveLength(1)
    expect(problemsOf(loaded)[0]).toMatchObject({severity: 'error', code: 'bibliography-entry-invalid', line: 5})
    expect(problemsOf(loaded)[0]!.message).toMatch(/^lib\.ris: record "ref-2" at line 5 has no TY line/)
  })

  it('warns about an RIS record without an ID among records with IDs, gives it a stable id and numbers it by position', () => {
    const text = 'TY  - JOUR\nTI  - One\nID  - ref-1\nER  - \nTY  - JOUR\nTI  - Two\nER  - \nTY  - JOUR\nTI  - Three\nID  - ref-3\nER  - \n'
    const first = loadBibliography('lib.ris', text)
    expect(first.entries.map((entry) => [entry.number, entry.item.title, entry.item.id])).toEqual([
      [1, 'One', 'ref-1'],
      [2, 'Two', 'entry-2'],
      [3, 'Three', 'ref-3']
    ])
    expect(problemsOf(first).map((problem) => [problem.code, problem.line])).toEqual([['bibliography-entry-no-id', 5]])
    expect(problemsOf(first)[0]!.message).toContain('lib.ris: record "Two" at line 5')
    expect(loadBibliography('lib.ris', text)).toEqual(first)
  })

  it('reads an RIS record whose ER line is missing, with a warning', () => {
    const loaded = loadBibliography('x.ris', 'TY  - JOUR\nTI  - One\nTY  - BOOK\nTI  - Two\nER  - \n')
    expect(loaded.entries.map((entry) => entry.item.title)).toEqual(['One', 'Two'])
    expect(problemsOf(loaded).map((problem) => problem.code)).toEqual(['bibliography-entry-unterminated'])
  })

  it('reads RIS files joined end to end: a byte order mark opening a line is not part of its tag', () => {
    const one = 'TY  - JOUR\r\nTI  - One\r\nID  - ref-1\r\nER  - \r\n'
    const loaded = loadBibliography('joined.ris', `\uFEFF${one}\uFEFF${one.replace(/One/, 'Two').replace('ref-1', 'ref-2')}`)
    expect(loaded.entries.map((entry) => [entry.number, entry.item.title])).toEqual([
      [1, 'One'],
      [2, 'Two']
    ])
    expect(problemsOf(loaded)).toEqual([])
  })

  it('reports CSL-JSON that is not JSON with the file and line, and reads nothing', () => {
    const loaded = loadBibliography('x.csl.json', '[\n {"id": "ref-1", "title": "A"},\n {"id": "ref-2" "title": "B"}\n]')
    expect(loaded.entries).toEqual([])
    expect(problemsOf(loaded)).toHaveLength(1)
    expect(problemsOf(loaded)[0]).toMatchObject({code: 'bibliography-invalid', line: 3})
    expect(problemsOf(loaded)[0]!.message).toMatch(/^x\.csl\.json: not valid JSON at line 3/)
  })

  it('skips a CSL-JSON item that is not an object and keeps the others in place', () => {
    const loaded = loadBibliography('x.csl.json', JSON.stringify([{id: 'a', title: 'A'}, 'oops', {id: 'c', title: 'C'}]))
    expect(loaded.entries.map((entry) => [entry.number, entry.item.title])).toEqual([
      [1, 'A'],
      [3, 'C']
    ])
    expect(problemsOf(loaded).map((problem) => problem.code)).toEqual(['bibliography-entry-invalid'])
    expect(problemsOf(loaded)[0]!.message).toContain('item 2')
  })

  it('reports an unknown format and an empty file', () => {
    expect(problemsOf(loadBibliography('refs.enl', 'x'))[0]!.code).toBe('bibliography-format')
    expect(problemsOf(loadBibliography('refs.bib', ''))[0]!.code).toBe('bibliography-empty')
    expect(problemsOf(loadBibliography('refs.bib', 'just some words'))[0]!.code).toBe('bibliography-invalid')
  })

  it('knows its formats by extension', () => {
    expect(['a.bib', 'a.ris', 'a.csl.json', 'A.BIB'].map(isBibliographyPath)).toEqual([true, true, true, true])
    expect(isBibliographyPath('a.txt')).toBe(false)
  })
})

describe('loadBibliography, BibTeX errors inside an entry', () => {
  it('points at the line where the parser stopped', () => {
    const text = '@article{a1, title={A}}\n@article{b2,\n  title={B},\n  journal = = {J}\n}\n@article{c3, title={C}}\n'
    const loaded = loadBibliography('x.bib', text)
    expect(loaded.entries.map((entry) => [entry.number, entry.item.title])).toEqual([
      [1, 'A'],
      [3, 'C']
    ])
    expect(problemsOf(loaded).map((problem) => [problem.code, problem.line])).toEqual([['bibliography-entry-invalid', 4]])
  })
})
