import {describe, expect, it} from 'vitest'
import {analyseText} from '../helpers/analyse.js'

const body = '# Shelves\n\nMesenchymal stem cells (MSCs) were first found on deep shelves [2]. Later they were counted [1, 2].\n\n'

describe('a reference list in Markdown input', () => {
  it('reads "[n] Author, A. (YEAR). Title…" entries under "## References" into CSL items, out of the body', () => {
    const text = `${body}## References\n\n[1] Brandt, Q. X., & Ollo-Tamm, J. (2011). Lanterns of the deep shelf. *J Imag Fish*, 42(3), 117–125.\n\n[2] Okafor, N. (2009). Tidal pools and their keepers. Mar Notes, 7, 9–12.\n\n## Appendix\n\nA table of depths.\n`
    const {record} = analyseText(text, {source: 'shelf.md'})
    expect(record.citationGroups.map((group) => group.raw)).toEqual(['[2]', '[1, 2]'])
    expect(record.references.map((reference) => reference.csl)).toEqual([
      {id: 'ref-1', type: 'article-journal', author: [{family: 'Brandt', given: 'Q. X.'}, {family: 'Ollo-Tamm', given: 'J.'}], title: 'Lanterns of the deep shelf', 'container-title': 'J Imag Fish', issued: {'date-parts': [[2011]]}, volume: '42', issue: '3', page: '117-125'},
      {id: 'ref-2', type: 'article-journal', author: [{family: 'Okafor', given: 'N.'}], title: 'Tidal pools and their keepers', 'container-title': 'Mar Notes', issued: {'date-parts': [[2009]]}, volume: '7', page: '9-12'}
    ])
    expect(record.references[0]!.entry?.raw).toBe('Brandt, Q. X., & Ollo-Tamm, J. (2011). Lanterns of the deep shelf. *J Imag Fish*, 42(3), 117–125.')
    expect(record.sentences.map((sentence) => sentence.text).join(' ')).not.toMatch(/Brandt|Okafor/)
    // What follows the list under its own heading is the document's again.
    expect(record.document.sections.map((section) => section.title)).toEqual(['Shelves', 'Appendix'])
    expect(record.sentences.at(-1)?.text).toBe('A table of depths.')
  })

  it('reads an ordered list "1. …" under a plain "References" line, wrapped entries included', () => {
    const text = `${body}References\n\n1. Brandt QX, Ollo-Tamm J. Lanterns of the\n   deep shelf. J Imag Fish. 2011;42:117–25.\n2. Okafor N. Tidal pools. Mar Notes. 2009;7:9–12.\n`
    const {record} = analyseText(text, {source: 'shelf.md'})
    expect(record.references.map((reference) => reference.csl?.title)).toEqual(['Lanterns of the deep shelf', 'Tidal pools'])
    expect(record.references.map((reference) => reference.entry?.year)).toEqual([2011, 2009])
    expect(record.diagnostics.filter((d) => d.code === 'reference-unresolved' || d.code === 'citation-number-out-of-range')).toEqual([])
    expect(record.sentences.map((sentence) => sentence.text).join(' ')).not.toMatch(/Brandt|Okafor/)
  })

  it('reads "- [n] …" bullet items as entries', () => {
    const text = `${body}## Bibliography\n\n- [1] Brandt QX. Lanterns. J Imag Fish. 2011;42:117–25.\n- [2] Okafor N. Tidal pools. Mar Notes. 2009;7:9–12.\n`
    const {record} = analyseText(text, {source: 'shelf.md'})
    expect(record.references.map((reference) => [reference.csl?.title, reference.entry?.raw])).toEqual([
      ['Lanterns', 'Brandt QX. Lanterns. J Imag Fish. 2011;42:117–25.'],
      ['Tidal pools', 'Okafor N. Tidal pools. Mar Notes. 2009;7:9–12.']
    ])
  })

  it('leaves a References heading without numbered entries alone', () => {
    const text = `${body}## References\n\nSee the journal's website.\n`
    const {record} = analyseText(text, {source: 'shelf.md'})
    expect(record.references.every((reference) => reference.csl === null && reference.entry === undefined)).toBe(true)
    expect(record.sentences.at(-1)?.text).toBe("See the journal's website.")
  })
})

describe('endnotes that close a document without a heading', () => {
  // How pandoc writes a converted web page's notes: after its last sections, one paragraph each,
  // some with their text lost.
  const page = '# Shelves\n\nMesenchymal stem cells (MSCs) were first found on deep shelves.[2] Later they were counted.[1][3]\n\nSee also\n\n-   Tide tables\n\nCategory:Shelves\n\n'
  const notes = '[1]\n\n[2] Brandt QX. Lanterns of the deep shelf. J Imag Fish. 2011;42:117–25.\n\n[3] Okafor N. Tidal pools. Mar Notes. 2009;7:9–12.\n'

  it('reads them as the reference list: no sentences, claims or callouts of their own, an empty note without an item', () => {
    const {record} = analyseText(page + notes, {source: 'shelf.md'})
    expect(record.citationGroups.map((group) => group.raw)).toEqual(['[2]', '[1]', '[3]'])
    const sentences = record.sentences.map((sentence) => sentence.text)
    expect(sentences.join(' ')).not.toMatch(/Brandt|Okafor/)
    expect(sentences).not.toContain('[1]')
    expect(record.sentences.at(-1)?.text).toBe('Tide tables')
    expect(record.references.map((reference) => [reference.number, reference.entry?.raw, reference.csl?.title ?? null])).toEqual([
      // The note whose text was lost is no entry: the outputs say the document has none for it.
      [1, undefined, null],
      [2, 'Brandt QX. Lanterns of the deep shelf. J Imag Fish. 2011;42:117–25.', 'Lanterns of the deep shelf'],
      [3, 'Okafor N. Tidal pools. Mar Notes. 2009;7:9–12.', 'Tidal pools']
    ])
  })

  it('leaves them prose unless there are three, numbered from 1 with bracketed labels, each opening a paragraph to the end', () => {
    const prose = (text: string) => analyseText(text, {source: 'shelf.md'}).record
    // Two: as likely the last paragraphs opening with a callout.
    expect(prose(page + '[1] Brandt QX. Lanterns. 2011.\n\n[2] Okafor N. Tidal pools. 2009.\n').references.some((reference) => reference.entry)).toBe(false)
    // Not from 1.
    expect(prose(page + '[4] Brandt QX. Lanterns. 2011.\n\n[5] Okafor N. Pools. 2009.\n\n[6] Ruiz P. Reefs. 2010.\n').references.some((reference) => reference.entry)).toBe(false)
    // A paragraph of prose after them.
    const after = prose(page + notes + '\nThe shelves were mapped again in 2020.\n')
    expect(after.references.some((reference) => reference.entry)).toBe(false)
    expect(after.sentences.at(-1)?.text).toBe('The shelves were mapped again in 2020.')
    // Only bracketed labels: `2)` opening a line inside a note's paragraph is not the next note.
    const mixed = prose(page + '[1] Brandt QX. Lanterns. 2011.\n2) Okafor N. Pools. 2009.\n\n[3] Ruiz P. Reefs. 2010.\n\n[4] Sato T. Shoals. 2012.\n')
    expect(mixed.references.some((reference) => reference.entry)).toBe(false)
    expect(mixed.sentences.map((sentence) => sentence.text).join(' ')).toMatch(/Okafor N\. Pools/)
  })
})
