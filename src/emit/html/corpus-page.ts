import type {Element} from 'hast'
import {h} from 'hastscript'
import {addSummaries, type EvidenceSummary} from './evidence-summary.js'
import {matrixTables} from './matrix-table.js'
import {htmlPage} from './page.js'

/** What the corpus page shows of one document: its `index.json` entry's fields and its summary. */
export interface CorpusPageDocument {
  id: string
  source: string
  title: string | null
  counts: {sentences: number; claims: number; references: number; citationGroups: number}
  diagnostics: {error: number; warning: number; info: number}
  summary: EvidenceSummary
}

/**
 * `index.html`, the corpus's evidence map: the type × category (or evidence level) matrix over every
 * document, and the documents with their counts, each linked to its own page. Documents come sorted
 * by id (as in `index.json`), so the bytes depend only on the records.
 */
export function corpusHtml(documents: readonly CorpusPageDocument[]): string {
  const summary = addSummaries(documents.map((document) => document.summary))
  const claims = documents.reduce((sum, document) => sum + document.counts.claims, 0)
  return htmlPage({
    title: 'Evidence map of the corpus',
    body: [
      h('header', [
        h('h1', 'Evidence map of the corpus'),
        h('p.meta', `${documents.length} ${documents.length === 1 ? 'document' : 'documents'} · ${claims} claims`),
        h('nav', {ariaLabel: 'Page'}, h('ul', [h('li', h('a', {href: '#matrix'}, 'Evidence map')), h('li', h('a', {href: '#documents'}, 'Documents'))]))
      ]),
      h('main', [
        h('section', {id: 'matrix', ariaLabelledBy: 'matrix-title'}, [
          h('h2', {id: 'matrix-title'}, 'Evidence map'),
          h('p', "Claims per entity type over every document; hedged claims are counted apart. A document's page lists its claims."),
          ...matrixTables(summary)
        ]),
        h('section', {id: 'documents', ariaLabelledBy: 'documents-title'}, [h('h2', {id: 'documents-title'}, 'Documents'), documentTable(documents)])
      ])
    ]
  })
}

function documentTable(documents: readonly CorpusPageDocument[]): Element {
  const columns = ['Document', 'Source', 'Sentences', 'Claims', 'Citation groups', 'References', 'Errors', 'Warnings']
  return h('table.documents', [
    h('caption', 'Documents and their counts'),
    h('thead', h('tr', columns.map((column) => h('th', {scope: 'col'}, column)))),
    h(
      'tbody',
      documents.map((document) =>
        h('tr', [
          // Ids are slugs ([A-Za-z0-9_-]), so `<id>.html` is a plain relative file name.
          h('th', {scope: 'row'}, h('a', {href: `${document.id}.html`}, document.title ?? document.id)),
          h('td.source', document.source),
          h('td', String(document.counts.sentences)),
          h('td', String(document.counts.claims)),
          h('td', String(document.counts.citationGroups)),
          h('td', String(document.counts.references)),
          h('td', String(document.diagnostics.error)),
          h('td', String(document.diagnostics.warning))
        ])
      )
    )
  ])
}
