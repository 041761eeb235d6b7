import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Root} from 'mdast'
import type {ClaimRecord, DocumentRecord} from '../records.js'
import {evidenceSummary} from './evidence-summary.js'
import {element} from './element.js'
import {matrixTables} from './matrix-table.js'
import {htmlPage, type PageContent, type SerialisedFragment} from './page.js'
import {claimAnchor, readingView} from './reading-view.js'
import {referenceAnchor, referenceItem} from './reference-item.js'

/**
 * `<id>.html`, the document's evidence map: the type × category (or evidence level) matrix, whose
 * cells select their claims; the claims by type with their attribution, category, evidence, hedging
 * and citations; filters for evidence level and hedging; the whole text with claims highlighted and
 * citations linked; the references. Built as hast from the record and the analysed tree.
 */
export function documentHtml(tree: Root, record: DocumentRecord): string {
  return htmlPage(documentPage(tree, record))
}

/** The content of a document's evidence map (see `documentHtml`). */
export function documentPage(tree: Root, record: DocumentRecord): PageContent {
  const title = record.document.title ?? record.document.id
  const summary = evidenceSummary(record)
  const evidenceLevels = [...new Set(record.claims.map((claim) => claim.evidence))].sort()
  // The reading view first: it renders each claim's sentence, which the claims list shows again.
  const claimSentences = new Map<string, SerialisedFragment>()
  const text = readingView(tree, claimSentences)
  const body: ElementContent[] = [
    h('header', [
      h('h1', title),
      h('p.meta', `${record.document.source} · ${record.sentences.length} sentences · ${record.claims.length} claims · ${record.references.length} references`),
      h('nav', {ariaLabel: 'Page'}, h('ul', [link('#matrix', 'Evidence map'), link('#claims', 'Claims'), link('#text', 'Text'), link('#references', 'References'), link('index.html', 'All documents')]))
    ]),
    h('main', [
      h('section', {id: 'matrix', ariaLabelledBy: 'matrix-title'}, [
        h('h2', {id: 'matrix-title'}, 'Evidence map'),
        h('p', 'Claims per entity type; hedged claims are counted apart. Select a cell to list its claims.'),
        ...matrixTables(summary, {selectable: true})
      ]),
      h('section', {id: 'claims', ariaLabelledBy: 'claims-title'}, [
        h('h2', {id: 'claims-title'}, 'Claims'),
        h('div.controls.js-only', {id: 'filters', hidden: true}, [
          h('label', {for: 'filter-evidence'}, 'Evidence level'),
          h('select', {id: 'filter-evidence'}, [h('option', {value: ''}, 'all'), ...evidenceLevels.map((level) => h('option', {value: level}, level))]),
          h('label', {for: 'filter-hedged'}, 'Hedging'),
          h('select', {id: 'filter-hedged'}, [h('option', {value: ''}, 'all'), h('option', {value: 'true'}, 'hedged only'), h('option', {value: 'false'}, 'not hedged')]),
          h('button', {type: 'button', id: 'show-all'}, 'Show all claims')
        ]),
        h('p', {id: 'claims-status', role: 'status', ariaLive: 'polite'}, `${record.claims.length} claims`),
        claimList(record, claimSentences)
      ]),
      h('section', {id: 'text', ariaLabelledBy: 'text-title'}, [h('h2', {id: 'text-title'}, 'Text'), ...text]),
      h('section', {id: 'references', ariaLabelledBy: 'references-title'}, [h('h2', {id: 'references-title'}, 'References'), h('ol', record.references.map((reference, index) => referenceItem(reference, index + 1)))])
    ]),
    h('div', {id: 'cite-tip', role: 'tooltip', hidden: true})
  ]
  return {title: `${title}: evidence map`, body}
}

function link(href: string, text: string): Element {
  return h('li', h('a', {href}, text))
}

/**
 * Every claim once, in document order: its sentence as the text shows it (citation numbers linked to
 * their references), then one line of its types with why, category, evidence, hedging and a link to
 * it in the text. The script shows those of the selected cell; without it the whole list reads as
 * is. Lean on purpose: serialising costs per node and attribute, so a claim is an item, its sentence
 * (the reading view's, serialised once, from `claimSentences`) and one line.
 */
export function claimList(record: DocumentRecord, claimSentences: ReadonlyMap<string, SerialisedFragment> = new Map()): Element {
  const labels = new Map(record.entityTypes.map((type) => [type.id, type.label]))
  return element('ol', {className: ['claims']}, record.claims.map((claim) => claimItem(claim, labels, claimSentences.get(claim.id))))
}

function claimItem(claim: ClaimRecord, labels: ReadonlyMap<string, string>, sentence: SerialisedFragment | undefined): Element {
  const types = claim.entityTypes.map((id) => `${labels.get(id) ?? id} (${id}, ${claim.attribution[id] ?? 'mention'})`).join('; ')
  const content: Array<ElementContent | string> = sentence ? [sentence] : [claim.text]
  const meta: Array<ElementContent | string> = [`Types: ${types} · Category: ${claim.category} · Evidence: ${claim.evidence} · ${claim.hedged ? 'Hedged' : 'Not hedged'} · `]
  if (!sentence && claim.citations.length > 0) {
    // A claim whose sentence the text does not show (a record edited by hand): its citations apart.
    claim.citations.forEach((number, index) => meta.push(index === 0 ? 'Citations: ' : ', ', element('a', {href: `#${referenceAnchor(number)}`}, [String(number)])))
    meta.push(' · ')
  }
  meta.push(element('a', {href: `#${claimAnchor(claim.id)}`}, [`${claim.id} in the text`]))
  content.push(element('small', {}, meta))
  return element('li', {dataFacets: claimFacets(claim)}, content)
}

/**
 * What the script filters a claim on, in one short attribute: types (space-separated), category,
 * evidence and hedged (1 or 0), separated by `|`, each name URI-encoded so that no name can hold a
 * separator. Not JSON: a value full of quotes costs the serialiser several times a plain one.
 */
export function claimFacets(claim: ClaimRecord): string {
  return [claim.entityTypes.map(encodeURIComponent).join(' '), encodeURIComponent(claim.category), encodeURIComponent(claim.evidence), claim.hedged ? '1' : '0'].join('|')
}
