import type {CslItem} from '@citation-js/core'
import type {CslJsonObjectText} from './split-csl-json.js'

/**
 * What stands for an entry's id in the text parsed in its place. Bibliographies beside different
 * documents hold the same works under their own ids (`ref-12` in one, `ref-40` in the next), so an
 * entry parsed with its id cut out is parsed once for every document citing the work. A name of the
 * same shape as the ids it replaces (letters only), so a reader treats it as it treats them.
 */
export const idPlaceholder = 'citeclaimEntryIdPlaceholder'

/**
 * Ids cut out of an entry: a letter, then letters, digits, `_` or `-` (`ref-12`, `smith2004a`,
 * `B53`). Readers pass such a key through untouched as the item's `id` (and BibTeX's
 * `citation-key`); anything else (`:`, `/`, braces, accents) is parsed with its id in place.
 */
const plainId = /^[A-Za-z][A-Za-z0-9_-]*$/

/** An entry's text for the parser, and the same text with its id cut out when it can be. */
export interface EntryText {
  readonly text: string
  /** `text` with the id replaced by `idPlaceholder`, and the id. */
  idFree?: {text: string; id: string}
}

/**
 * A CSL-JSON item's text (`JSON.stringify`), and the same with its string `id` cut out. With an
 * id-free text, the whole text is made only if asked for (when the id-free one cannot stand in).
 */
export function cslJsonEntry(value: object): EntryText {
  const id = (value as {id?: unknown}).id
  if (typeof id !== 'string' || !plainId.test(id)) return {text: JSON.stringify(value)}
  return {
    get text() {
      return JSON.stringify(value)
    },
    idFree: {text: JSON.stringify({...value, id: idPlaceholder}), id}
  }
}

/**
 * A CSL-JSON object's text as its file writes it (see `splitCslJson`), with its `id` value cut out
 * when that is a plain id; undefined when it has none (the caller parses the object and uses
 * `cslJsonEntry`). The text parses to the item `cslJsonEntry` is given, so either names one entry.
 */
export function cslJsonTextEntry(object: CslJsonObjectText): EntryText | undefined {
  if (!object.id) return undefined
  const id = object.text.slice(object.id.start, object.id.end)
  if (!plainId.test(id)) return undefined
  return {text: object.text, idFree: {text: object.text.slice(0, object.id.start) + idPlaceholder + object.text.slice(object.id.end), id}}
}

/** The opening of a BibTeX entry, up to its key (as `splitBibtex` finds it). */
const bibtexOpening = /^([ \t]*@[A-Za-z]+[ \t]*[{(][ \t]*)([^\s,{}()"=#]*)/

/**
 * A BibTeX entry's text, and the same with the key after `@type{` cut out and the white space at its
 * end (which BibTeX skips; the last entry of a file has less of it than the others) made one newline.
 */
export function bibtexEntry(text: string): EntryText {
  const match = bibtexOpening.exec(text)
  const id = match?.[2]
  if (!match || id === undefined || !plainId.test(id)) return {text}
  return {text, idFree: {text: (match[1] + idPlaceholder + text.slice(match[0].length)).trimEnd() + '\n', id}}
}

const risIdLine = /^ID {2}- ?(.*)$/gm

/** A RIS record's text, and the same with the value of its one `ID` line cut out. */
export function risEntry(text: string): EntryText {
  const lines = [...text.matchAll(risIdLine)]
  if (lines.length !== 1) return {text}
  const line = lines[0]!
  const id = line[1]!.trim()
  if (!plainId.test(id)) return {text}
  const start = line.index + line[0].length - line[1]!.length
  return {text, idFree: {text: text.slice(0, start) + line[1]!.replace(id, idPlaceholder) + text.slice(start + line[1]!.length), id}}
}

/**
 * The item an id-free parse gives, with the id put back where the parser put the placeholder: the
 * item's `id` and `citation-key`. Undefined when the placeholder is anywhere else or not in `id`
 * (the parser did more with the id than carry it): the entry is then parsed with its id in place.
 */
export function withIdRestored(body: CslItem, id: string): CslItem | undefined {
  if (body.id !== idPlaceholder) return undefined
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    if (value === idPlaceholder && (key === 'id' || key === 'citation-key')) out[key] = id
    else if (mentions(value)) return undefined
    else out[key] = value
  }
  return out as CslItem
}

function mentions(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(idPlaceholder)
  if (value === null || typeof value !== 'object') return false
  return Object.values(value).some(mentions)
}
