import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {CorpusPage, type CorpusPageDocument} from '../../src/emit/html/corpus-page.js'
import {SummaryTotal, type EvidenceSummary} from '../../src/emit/html/evidence-summary.js'

/* Issue 13: the corpus page is built as its documents come, keeping a row per document, same bytes. */

const first: EvidenceSummary = {types: [{id: 'A', label: 'Type A'}, {id: 'B', label: 'Type B'}], counts: [['A', 'safety', 'clinical', 0, 2], ['B', 'mechanism', 'unspecified', 1, 1]]}
const second: EvidenceSummary = {types: [{id: 'C', label: 'Type C'}, {id: 'A', label: 'Another A'}], counts: [['A', 'safety', 'clinical', 0, 3], ['C', 'safety', 'preclinical', 0, 1]]}

function documentOf(id: string, title: string | null, summary: EvidenceSummary, claims: number): CorpusPageDocument {
  return {id, source: `in/${id} "q" & <x>.txt`, title, counts: {sentences: 7, claims, references: 2, citationGroups: 4}, diagnostics: {error: 1, warning: 2, info: 3}, summary}
}

describe('SummaryTotal', () => {
  it('sums summaries one at a time, and does not keep them', () => {
    const total = new SummaryTotal()
    const copy = structuredClone(first)
    total.add(copy)
    total.add(second)
    expect(total.summary().types).toEqual([{id: 'A', label: 'Type A'}, {id: 'B', label: 'Type B'}, {id: 'C', label: 'Type C'}])
    expect(total.summary().counts).toContainEqual(['A', 'safety', 'clinical', 0, 5])
    // The rows it holds are its own: neither the summaries added nor a summary it gave change later.
    const given = total.summary()
    given.counts[0]![4] = 99
    total.add(second)
    expect(copy).toEqual(first)
    expect(total.summary().counts).toContainEqual(['A', 'safety', 'clinical', 0, 8])
  })
})

describe('CorpusPage', () => {
  it('writes each document row as the serialiser would in place, in the order added', () => {
    const documents = [documentOf('a-1', 'First <review> & "more"', first, 3), documentOf('b-2', null, second, 4)]
    const page = new CorpusPage()
    for (const document of documents) page.add(document)
    const html = page.html()
    const rows = documents.map((document) =>
      h('tr', [
        h('th', {scope: 'row'}, h('a', {href: `${document.id}.html`}, document.title ?? document.id)),
        h('td.source', document.source),
        ...[document.counts.sentences, document.counts.claims, document.counts.citationGroups, document.counts.references, document.diagnostics.error, document.diagnostics.warning].map((n) => h('td', String(n)))
      ])
    )
    const body = /<table class="documents">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1]
    expect(body).toBe(toHtml(rows, {quoteSmart: true, allowDangerousHtml: true}))
    expect(html).toContain('2 documents · 7 claims')
    // The matrix is over both documents: A's safety cell holds 2 + 3 claims.
    expect(html).toMatch(/<tr data-type="A"><th scope="row">Type A \(A\)<\/th><td class="shade-5">5<\/td>/)
  })

  it('draws an empty corpus with an empty table body', () => {
    const html = new CorpusPage().html()
    expect(html).toContain('0 documents · 0 claims')
    expect(html).toContain('<tbody></tbody>')
  })
})
