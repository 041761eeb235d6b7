import {itemJson} from '../stages/bibliography/parse-each.js'
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
