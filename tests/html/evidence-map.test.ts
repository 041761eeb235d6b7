import {createHash} from 'node:crypto'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, it} from 'vitest'
import type {ClaimRecord, DocumentRecord, ReferenceRecord} from '../../src/emit/document.js'
import {corpusHtml} from '../../src/emit/html/corpus-page.js'
import {claimFacets} from '../../src/emit/html/document-page.js'
import {addSummaries, evidenceMatrix, evidenceSummary, shadeOf} from '../../src/emit/html/evidence-summary.js'
import {contentSecurityPolicy, serialisedOnce, serialisePage} from '../../src/emit/html/page.js'
import {element} from '../../src/emit/html/element.js'
import {referenceItem} from '../../src/emit/html/reference-item.js'
import {analyseText} from '../helpers/analyse.js'
import {deepFreeze} from '../helpers/deep-freeze.js'

/* Issue 14: the evidence map's rules, each on invented input. */

function claim(id: string, entityTypes: string[], category: string, evidence: string, hedged: boolean): ClaimRecord {
  return {id, sentenceId: 's' + id.slice(1), text: `Claim ${id}.`, entityTypes, attribution: Object.fromEntries(entityTypes.map((type) => [type, 'mention'])), citations: [], category, evidence, hedged}
}
function record(claims: ClaimRecord[], types: Array<[string, string]> = [['A', 'Type A'], ['B', 'Type B'], ['C', 'Type C']]): DocumentRecord {
  return {
    schemaVersion: 2,
    document: {id: 'doc', source: 'doc.txt', sha256: '0', title: null, sections: []},
    citationGroups: [],
    references: [],
    sentences: [],
    claims,
    entityTypes: types.map(([id, label]) => ({id, label, ontologyId: null, mentionCount: 0, claimIds: [], references: []})),
    diagnostics: []
  }
}

const invented = record([
  claim('c1', ['A'], 'safety', 'clinical', false),
  claim('c2', ['A', 'B'], 'safety', 'unspecified', true),
  claim('c3', ['A'], 'mechanism', 'unspecified', false),
  claim('c4', ['B'], 'mechanism', 'preclinical', true),
  claim('c5', ['A'], 'safety', 'unspecified', false)
])

describe('evidence matrix', () => {
  it('counts each claim once per type in its category, hedged ones apart', () => {
    const matrix = evidenceMatrix(evidenceSummary(invented), 'category')
    expect(matrix.types.map((type) => type.id)).toEqual(['A', 'B', 'C'])
    // safety has 4 (type, claim) pairs, mechanism 2: most first.
    expect(matrix.columns).toEqual(['safety', 'mechanism'])
    expect(matrix.cells[0]).toEqual([{claims: 3, hedged: 1}, {claims: 1, hedged: 0}])
    expect(matrix.cells[1]).toEqual([{claims: 1, hedged: 1}, {claims: 1, hedged: 1}])
    // A type with no claims keeps its row: the gaps are what the map shows.
    expect(matrix.cells[2]).toEqual([{claims: 0, hedged: 0}, {claims: 0, hedged: 0}])
    expect(matrix.totals).toEqual([{claims: 4, hedged: 1}, {claims: 2, hedged: 2}, {claims: 0, hedged: 0}])
    expect(matrix.max).toBe(3)
  })

  it('puts evidence "unspecified" last however many claims it has', () => {
    expect(evidenceMatrix(evidenceSummary(invented), 'evidence').columns).toEqual(['clinical', 'preclinical', 'unspecified'])
  })

  it('adds documents up, types in order of first appearance', () => {
    const other = record([claim('c1', ['D'], 'safety', 'clinical', true)], [['D', 'Type D'], ['A', 'Another label for A']])
    const sum = addSummaries([evidenceSummary(invented), evidenceSummary(other)])
    expect(sum.types).toEqual([{id: 'A', label: 'Type A'}, {id: 'B', label: 'Type B'}, {id: 'C', label: 'Type C'}, {id: 'D', label: 'Type D'}])
    const matrix = evidenceMatrix(sum, 'category')
    expect(matrix.cells[3]).toEqual([{claims: 1, hedged: 1}, {claims: 0, hedged: 0}])
    expect(matrix.cells[0]![0]).toEqual({claims: 3, hedged: 1})
  })

  it('shades 0 for no claims and 1–5 by share of the largest cell', () => {
    expect(shadeOf(0, 10)).toBe(0)
    expect(shadeOf(1, 10)).toBe(1)
    expect(shadeOf(5, 10)).toBe(3)
    expect(shadeOf(10, 10)).toBe(5)
  })
})

describe('references on the page', () => {
  const base: ReferenceRecord = {number: 4, claimIds: [], csl: null, sentenceIds: []}
  const serialised = (reference: ReferenceRecord, position = 4): string => toHtml(referenceItem(reference, position))

  it('shows authors, year, title, container and a doi.org link from the CSL item', () => {
    const html = serialised({...base, csl: {id: 'x', title: 'A study', 'container-title': 'J Test', author: [{family: 'Smith', given: 'John Paul'}, {literal: 'The Consortium'}], issued: {'date-parts': [[2004, 3]]}, DOI: 'https://doi.org/10.1000/ab(c)<d>'}})
    expect(html).toBe('<li id="ref-4">Smith JP, The Consortium. (2004) A study. J Test. <a href="https://doi.org/10.1000/ab(c)%3Cd%3E">doi:10.1000/ab(c)&#x3C;d></a></li>')
  })

  it('links nothing that is not shaped like a DOI, and keeps markup as text', () => {
    const html = serialised({...base, csl: {id: 'x', title: '<script>alert(1)</script>', DOI: 'javascript:alert(1)'}})
    expect(html).not.toContain('<script')
    expect(html).not.toContain('href')
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>')
  })

  it('falls back to the reference list entry, and says when there is none; numbers out of place keep their value', () => {
    expect(serialised({...base, entry: {raw: 'Doe A. Title. 2001.', doi: '10.1000/x', pmid: null, year: 2001}})).toBe('<li id="ref-4">Doe A. Title. 2001. <a href="https://doi.org/10.1000/x">doi:10.1000/x</a></li>')
    expect(serialised(base, 3)).toBe('<li id="ref-4" value="4">Reference 4: the document has no bibliography entry for it. </li>')
  })

  it('shows a frozen work (a bibliography entry shared by documents) as it shows the same item unfrozen, under any number', () => {
    const page = (references: ReferenceRecord[]): string => serialisePage({type: 'root', children: references.map((reference, index) => referenceItem(reference, index + 1))})
    const works = [
      {id: 'w1', title: 'A <b>bold</b> & "quoted" study', author: [{family: 'Smith', given: 'John'}], issued: {'date-parts': [[2004]]}, DOI: '10.1000/x<y>'},
      // Nothing of the work is shown: the note names each reference's own number.
      {id: 'w2', note: 'no title'}
    ]
    const frozen = works.map(deepFreeze)
    for (const numbers of [[1, 2], [7, 3], [2, 9]]) {
      const withFrozen = numbers.map((number, index) => ({...base, number, csl: frozen[index]!}))
      const withCopies = numbers.map((number, index) => ({...base, number, csl: structuredClone(works[index]!)}))
      expect(page(withFrozen)).toBe(page(withCopies))
      expect(page(withFrozen)).toContain(`Reference ${numbers[1]}: the document has no bibliography entry for it.`)
    }
  })
})

describe('claim facets (what the script filters on)', () => {
  it('keep every name whole whatever it holds: separators and spaces are encoded, hedging is 1 or 0', () => {
    const odd = {...claim('c9', ['A B', 'C|D'], 'safety|risk', 'clinical trial', true)}
    const facets = claimFacets(odd)
    expect(facets).toBe('A%20B C%7CD|safety%7Crisk|clinical%20trial|1')
    // As the page's script reads it back.
    const [types, category, evidence, hedged] = facets.split('|')
    expect(types!.split(' ').map(decodeURIComponent)).toEqual(['A B', 'C|D'])
    expect([decodeURIComponent(category!), decodeURIComponent(evidence!), hedged]).toEqual(['safety|risk', 'clinical trial', '1'])
    expect(claimFacets(claim('c1', [], 'x', 'y', false))).toBe('|x|y|0')
  })
})

describe('document page', () => {
  const text = ['1. Introduction', '', 'Mesenchymal stem cells (MSCs) may reduce <b onclick="x()">fibrosis</b> in clinical trials [1, 2].', '', 'References', '', '1. A. Smith. One. J 2001.', '2. B. Jones. Two. J 2002.', ''].join('\n')
  const page = (): string => analyseText(text).output.files.find((file) => file.suffix === '.html')!.content

  it('is the same bytes every time', () => {
    expect(page()).toBe(page())
  })

  it('allows exactly its own inline script and style, by their sha256', () => {
    const html = page()
    const inline = (tag: string): string[] => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]!)
    const hash = (content: string): string => `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`
    expect(inline('script')).toHaveLength(1)
    expect(inline('style')).toHaveLength(1)
    expect(contentSecurityPolicy).toContain(`script-src ${hash(inline('script')[0]!)}`)
    expect(contentSecurityPolicy).toContain(`style-src ${hash(inline('style')[0]!)}`)
    expect(contentSecurityPolicy).toMatch(/^default-src 'none'; /)
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<style>'))
  })

  it('highlights the claim in the text and links each citation number; input markup stays text', () => {
    const html = page()
    expect(html).toMatch(/<mark id="claim-c1">[^]*?\[<a href="#ref-1">1<\/a>, <a href="#ref-2">2<\/a>\][^]*?<\/mark>/)
    expect(html).toContain('&#x3C;b onclick="x()">fibrosis&#x3C;/b>')
    expect(html).not.toMatch(/<b[ >]/)
  })

  it('shows the claim in the list as the text shows it, escaped the same', () => {
    const html = page()
    const sentence = /<mark id="claim-c1">([^]*?)<\/mark>/.exec(html)![1]!
    expect(sentence).toContain('&#x3C;b onclick')
    const item = /<ol class="claims"><li data-facets="[^"]*">([^]*?)<small>/.exec(html)![1]
    expect(item).toBe(sentence)
  })
})

describe('a fragment serialised once', () => {
  it('writes the bytes its nodes would write in place, wherever it is placed, input markup escaped', () => {
    const children = () => ['A <script>x()</script> & "q" ', element('a', {href: '#ref-1', title: `it's "1"`}, ['1'])]
    const inPlace = serialisePage({type: 'root', children: [element('p', {}, children()), element('li', {}, children())]})
    const fragment = serialisedOnce(element('p', {}, children()).children)
    const placed = serialisePage({type: 'root', children: [element('p', {}, [fragment]), element('li', {}, [fragment])]})
    expect(placed).toBe(inPlace)
    expect(placed).toContain('A &#x3C;script>x()&#x3C;/script> &#x26; "q" ')
    expect(placed).not.toContain('<script>')
  })
})

describe('corpus page', () => {
  it('lists the documents with their counts and links to their pages', () => {
    const html = corpusHtml([
      {id: 'a-1', source: 'in/a-1.txt', title: 'First <review>', counts: {sentences: 3, claims: 5, references: 2, citationGroups: 4}, diagnostics: {error: 0, warning: 1, info: 0}, summary: evidenceSummary(invented)}
    ])
    expect(html).toContain('<a href="a-1.html">First &#x3C;review></a>')
    expect(html).toContain('1 document · 5 claims')
    expect(html).toMatch(/<tr data-type="A"><th scope="row">Type A \(A\)<\/th><td class="shade-5">3<span class="hedged"> \(1 hedged\)<\/span><\/td>/)
  })
})
