import type {Element} from 'hast'
import {h} from 'hastscript'
import {element} from './element.js'
import {SummaryTotal, type EvidenceSummary} from './evidence-summary.js'
import {matrixTables} from './matrix-table.js'
import {htmlPage, serialisedOnce} from './page.js'

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
  const page = new CorpusPage()
  for (const document of documents) page.add(document)
  return page.html()
}

/**
 * The corpus page built as its documents come (sorted by id), keeping none of them: their summaries
 * go into one running total, bounded by the distinct (type, category, evidence, hedged) tuples, and
 * each one's row of the documents table is serialised at once. What it keeps per document is that
 * row's HTML (the link, the source path and eight numbers: 212 bytes for the seed's), not the
 * document's summary and counts as objects, nor a hast tree of every row built at the end.
 */
export class CorpusPage {
  readonly #total = new SummaryTotal()
  readonly #rows: string[] = []
  #claims = 0

  add(document: CorpusPageDocument): void {
    this.#total.add(document.summary)
    this.#claims += document.counts.claims
    // The bytes the serialiser would write for this row in place (see `serialisedOnce`).
    this.#rows.push(serialisedOnce([documentRow(document)]).value)
  }

  /** The page over every document added. */
  html(): string {
    const documents = this.#rows.length
    return htmlPage({
      title: 'Evidence map of the corpus',
      body: [
        h('header', [
          h('h1', 'Evidence map of the corpus'),
          h('p.meta', `${documents} ${documents === 1 ? 'document' : 'documents'} · ${this.#claims} claims`),
          h('nav', {ariaLabel: 'Page'}, h('ul', [h('li', h('a', {href: '#matrix'}, 'Evidence map')), h('li', h('a', {href: '#documents'}, 'Documents'))]))
        ]),
        h('main', [
          h('section', {id: 'matrix', ariaLabelledBy: 'matrix-title'}, [
            h('h2', {id: 'matrix-title'}, 'Evidence map'),
            h('p', "Claims per entity type over every document; hedged claims are counted apart. A document's page lists its claims."),
            ...matrixTables(this.#total.summary())
          ]),
          h('section', {id: 'documents', ariaLabelledBy: 'documents-title'}, [h('h2', {id: 'documents-title'}, 'Documents'), documentTable(this.#rows)])
        ])
      ]
    })
  }
}

function documentTable(rows: readonly string[]): Element {
  const columns = ['Document', 'Source', 'Sentences', 'Claims', 'Citation groups', 'References', 'Errors', 'Warnings']
  const body = element('tbody', {}, rows.length > 0 ? [{type: 'raw', value: rows.join('')}] : [])
  return h('table.documents', [h('caption', 'Documents and their counts'), h('thead', h('tr', columns.map((column) => h('th', {scope: 'col'}, column)))), body])
}

function documentRow(document: CorpusPageDocument): Element {
  return h('tr', [
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
}
