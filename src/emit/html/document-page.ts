import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Root} from 'mdast'
import type {ClaimRecord, DocumentRecord} from '../records.js'
import {evidenceSummary} from './evidence-summary.js'
import {element} from './element.js'
import {matrixTables} from './matrix-table.js'
import {htmlPage} from './page.js'
import {claimAnchor, readingView} from './reading-view.js'
import {referenceAnchor, referenceItem} from './reference-item.js'

/**
 * `<id>.html`, the document's evidence map: the type × category (or evidence level) matrix, whose
 * cells select their claims; the claims by type with their attribution, category, evidence, hedging
 * and citations; filters for evidence level and hedging; the whole text with claims highlighted and
 * citations linked; the references. Built as hast from the record and the analysed tree.
 */
export function documentHtml(tree: Root, record: DocumentRecord): string {
  const title = record.document.title ?? record.document.id
  const summary = evidenceSummary(record)
  const evidenceLevels = [...new Set(record.claims.map((claim) => claim.evidence))].sort()
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
        claimList(record)
      ]),
      h('section', {id: 'text', ariaLabelledBy: 'text-title'}, [h('h2', {id: 'text-title'}, 'Text'), ...readingView(tree)]),
      h('section', {id: 'references', ariaLabelledBy: 'references-title'}, [h('h2', {id: 'references-title'}, 'References'), h('ol', record.references.map((reference, index) => referenceItem(reference, index + 1)))])
    ]),
    h('div', {id: 'cite-tip', role: 'tooltip', hidden: true})
  ]
  return htmlPage({title: `${title}: evidence map`, body})
}

function link(href: string, text: string): Element {
  return h('li', h('a', {href}, text))
}

/**
 * Every claim once, in document order: its sentence, types with why, category, evidence, hedging and
 * citations. The script shows those of the selected cell; without it the whole list reads as is.
 */
export function claimList(record: DocumentRecord): Element {
  const labels = new Map(record.entityTypes.map((type) => [type.id, type.label]))
  return element('ol', {className: ['claims']}, record.claims.map((claim) => claimItem(claim, labels)))
}

function claimItem(claim: ClaimRecord, labels: ReadonlyMap<string, string>): Element {
  const types = claim.entityTypes.map((id) => `${labels.get(id) ?? id} (${id}, ${claim.attribution[id] ?? 'mention'})`).join('; ')
  const content: Array<ElementContent | string> = [
    claim.text,
    element('br', {}, []),
    element('small', {}, [`Types: ${types} · Category: ${claim.category} · Evidence: ${claim.evidence} · ${claim.hedged ? 'Hedged' : 'Not hedged'} · `, element('a', {href: `#${claimAnchor(claim.id)}`}, [`${claim.id} in the text`])])
  ]
  if (claim.citations.length > 0) {
    const cites: Array<ElementContent | string> = ['Citations: ']
    for (const number of claim.citations) {
      if (cites.length > 1) cites.push(', ')
      cites.push(element('a', {href: `#${referenceAnchor(number)}`}, [String(number)]))
    }
    content.push(element('br', {}, []), element('small', {}, cites))
  }
  // What the script filters on, in one attribute (each attribute costs the serialiser as much as a
  // dozen text nodes): JSON, so no category or level name can break it apart.
  const facets = JSON.stringify({types: claim.entityTypes, category: claim.category, evidence: claim.evidence, hedged: claim.hedged})
  return element('li', {className: ['claim'], dataFacets: facets}, content)
}
