import type {Element, ElementContent, Properties} from 'hast'
import {element} from './element.js'
import {serialisedOnce, type SerialisedFragment} from './page.js'
import type {ReferenceRecord} from '../records.js'
import {sharedItem} from '../../stages/bibliography/parse-each.js'

/** Id of a reference's list item, the target of its citations. */
export const referenceAnchor = (number: number): string => `ref-${number}`

/**
 * A reference's list item (`value` only when its number is not its 1-based `position` in the list): authors, year, title, container and a DOI link, from its CSL item; else
 * the entry as the document's reference list prints it. Every value is text; the only link made is
 * to https://doi.org/ for a value shaped like a DOI, so a bibliography cannot plant a URL.
 */
export function referenceItem(reference: ReferenceRecord, position: number): Element {
  const properties: Properties = {id: referenceAnchor(reference.number)}
  if (position !== reference.number) properties.value = String(reference.number)
  return element('li', properties, referenceContent(reference))
}

/**
 * A bibliography work's item content, serialised, by the item every document citing the work shares
 * (see `sharedItem`): a batch's documents cite the same works, and the reference list is a large part
 * of a page with a bibliography (35 of 152 KB for a bench document citing 243 entries). Only frozen items, which cannot change
 * after being shown (a frozen item from a bibliography is frozen to its leaves, see `parseEach`).
 */
const shownWorks = new WeakMap<object, SerialisedFragment | null>()

/** A reference's item content: from its CSL item when it has one, else from the document's own entry. */
function referenceContent(reference: ReferenceRecord): Array<ElementContent | string> {
  const csl = reference.csl as Record<string, unknown> | null
  const work = csl && Object.isFrozen(csl) ? sharedItem(reference.csl!) : undefined
  if (!work || !Object.isFrozen(work)) return contentOf(reference).parts
  let shown = shownWorks.get(work)
  if (shown === undefined) {
    const content = contentOf(reference)
    // `null`: the item shows nothing of the work, only a note that names the reference's number.
    shown = content.namesNumber ? null : serialisedOnce(element('li', {}, content.parts).children)
    shownWorks.set(work, shown)
  }
  return shown === null ? contentOf(reference).parts : [shown]
}

/** Authors, year, title, container and a DOI link from the CSL item (all but its id), else the entry as printed. */
function contentOf(reference: ReferenceRecord): {parts: Array<ElementContent | string>; namesNumber: boolean} {
  const parts: Array<ElementContent | string> = []
  const csl = reference.csl as Record<string, unknown> | null
  let doi: string | null = null
  if (csl) {
    const authors = namesOf(csl['author'])
    const year = yearOf(csl['issued'])
    const title = textOf(csl['title'])
    const container = textOf(csl['container-title'])
    if (authors) parts.push(authors + '. ')
    if (year !== null) parts.push(`(${year}) `)
    if (title) parts.push(title + '. ')
    if (container) parts.push(container + '. ')
    doi = textOf(csl['DOI'])
  } else if (reference.entry) {
    parts.push(reference.entry.raw, ' ')
    doi = reference.entry.doi
  }
  const namesNumber = parts.length === 0
  if (namesNumber) parts.push(`Reference ${reference.number}: the document has no bibliography entry for it. `)
  const link = doi ? doiLink(doi) : undefined
  if (link) parts.push(link)
  return {parts, namesNumber}
}

const doiShape = /^10\.\d{4,9}\/\S+$/

function doiLink(value: string): Element | undefined {
  const doi = value.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
  if (!doiShape.test(doi)) return undefined
  const href = 'https://doi.org/' + encodeURIComponent(doi).replace(/%2F/g, '/')
  // No `rel`: the link opens in the same tab from a local file, which sends no referrer.
  return element('a', {href}, [`doi:${doi}`])
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : typeof value === 'number' ? String(value) : ''
}

/**
 * "Smith J, Doe A, et al." from a CSL name list (up to six names, as Vancouver prints them). A
 * bibliography work's list is shown once per thread with the rest of its item (`shownWorks`).
 */
function namesOf(value: unknown): string {
  if (!Array.isArray(value)) return ''
  const names: string[] = []
  for (const name of value) {
    if (typeof name !== 'object' || name === null) continue
    const {family, given, literal} = name as Record<string, unknown>
    const initials = textOf(given).split(/[\s.-]+/).filter(Boolean).map((part) => part[0]!.toUpperCase()).join('')
    const shown = textOf(literal) || [textOf(family), initials].filter(Boolean).join(' ')
    if (shown) names.push(shown)
  }
  return names.length > 6 ? names.slice(0, 6).join(', ') + ', et al' : names.join(', ')
}

function yearOf(value: unknown): number | null {
  const parts = (value as {'date-parts'?: unknown} | null)?.['date-parts']
  const year = Array.isArray(parts) && Array.isArray(parts[0]) ? Number(parts[0][0]) : NaN
  return Number.isInteger(year) ? year : null
}
