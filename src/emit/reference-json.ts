import type {CslItem} from '@citation-js/core'
import {idPlaceholder} from '../stages/bibliography/id-free-entry.js'
import {sharedItem} from '../stages/bibliography/parse-each.js'
import type {ElementText} from './record-json.js'
import type {ReferenceRecord} from './records.js'

/**
 * The lines of `<id>.json`'s `references`, with each CSL item's text printed once per work (see
 * `itemJson`): with a bibliography the references are about half a record's bytes (116 of 228 KB
 * for a bench document citing 243 entries), and the documents of a batch cite the same works. The same text as `JSON.stringify(reference)`.
 */
export const referenceLines: ElementText = (key, element) => {
  if (key !== 'references' || element === null || typeof element !== 'object' || !('csl' in element)) return undefined
  const reference = element as ReferenceRecord
  if (reference.csl === null) return undefined
  const csl = reference.csl
  // `"csl":0` is the member itself: a string value holds no unescaped quote, and no other member has that key.
  return JSON.stringify({...reference, csl: 0}).replace('"csl":0', () => `"csl":${itemJson(csl)}`)
}

/** Each id-free body's JSON text, the placeholder where its items' ids go; null when the text cannot stand for them. */
const bodyTexts = new WeakMap<CslItem, string | null>()
const placeholderText = JSON.stringify(idPlaceholder)

/**
 * `JSON.stringify(item)`, printed once per work: an item of an id-free parse shares its body (see
 * `sharedItem`), keys in the same places, with the id where the body has the placeholder (its `id`,
 * and its `citation-key` when the parser put it there too; `withIdRestored` checked that no other
 * value mentions it). A body whose text holds the placeholder anywhere else (a key of that name) is
 * printed item by item, and so is an item with no body.
 */
export function itemJson(item: CslItem): string {
  const body = sharedItem(item)
  if (body === item) return JSON.stringify(item)
  let text = bodyTexts.get(body)
  if (text === undefined) {
    text = JSON.stringify(body)
    const expected = Number(body.id === idPlaceholder) + Number(body['citation-key'] === idPlaceholder)
    if (text.split(placeholderText).length - 1 !== expected) text = null
    bodyTexts.set(body, text)
  }
  return text === null ? JSON.stringify(item) : text.replaceAll(placeholderText, JSON.stringify(item.id))
}
