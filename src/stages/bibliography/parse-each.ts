import type {CslItem} from '@citation-js/core'
import {BoundedCache} from './bounded-cache.js'
import {idPlaceholder, withIdRestored, type EntryText} from './id-free-entry.js'

/** Parsed entries of this thread, frozen, by input type and then entry text. */
const parsed = new Map<string, BoundedCache<CslItem>>()
/**
 * Parsed id-free entries (see `EntryText`), frozen, by input type and then id-free text; `null` for
 * one whose parse did more with the id than carry it (parsed with its id from then on).
 */
const bodies = new Map<string, BoundedCache<IdFreeBody | null>>()

/**
 * Parses a bibliography's entries one at a time, each through a per-thread cache keyed by its input
 * type and its own text: an entry that another document's bibliography also holds (reviews of one
 * field cite the same works) is not parsed again. citation-js parses an entry on its own, so this
 * gives what parsing the whole file gives; callers use it only where nothing joins entries (no
 * BibTeX `@string` or `crossref`). Items are deep-frozen and shared between the documents holding
 * them (nothing in citeclaim changes an item; copying each would cost as much as the parse saved).
 * An entry given with an id-free text (`EntryText`) is parsed once for every id it comes with: the
 * same work under other numbers in other documents' bibliographies costs a copy, not a parse.
 * Undefined when an entry cannot be parsed or does not give exactly one item: the caller then reads
 * the file as a whole, which reports the problem.
 */
export function parseEach(texts: ReadonlyArray<string | EntryText>, type: string, parseOne: (text: string) => CslItem[]): CslItem[] | undefined {
  let cache = parsed.get(type)
  if (!cache) parsed.set(type, (cache = new BoundedCache<CslItem>()))
  let idFree = bodies.get(type)
  if (!idFree) bodies.set(type, (idFree = new BoundedCache<IdFreeBody | null>()))
  const items: CslItem[] = []
  for (const entry of texts) {
    const cut = typeof entry === 'string' ? undefined : entry.idFree
    if (cut) {
      const item = parseIdFree(cut, idFree, parseOne)
      if (item) {
        items.push(item)
        continue
      }
    }
    const text = typeof entry === 'string' ? entry : entry.text
    let item = cache.get(text)
    if (item === undefined) {
      let one: CslItem[]
      try {
        parses++
        one = parseOne(text)
      } catch {
        return undefined
      }
      if (one.length !== 1) return undefined
      item = deepFreeze(one[0]!)
      cache.set(text, item)
    }
    items.push(item)
  }
  return items
}

/** How many entries this thread has given to the parser (tests count the work saved). */
let parses = 0

/** How many entry texts this thread has parsed (id-free or whole). */
export function parsedEntryCount(): number {
  return parses
}

/**
 * The item of an id-free entry, parsed once per id-free text and shared frozen (its nested values
 * with every item of the same work); undefined when the id-free text cannot stand for the entry.
 */
function parseIdFree(cut: NonNullable<EntryText['idFree']>, cache: BoundedCache<IdFreeBody | null>, parseOne: (text: string) => CslItem[]): CslItem | undefined {
  let body = cache.get(cut.text)
  if (body === undefined) {
    body = null
    try {
      parses++
      const one = parseOne(cut.text)
      // Checked once here (the placeholder only where the id goes); a hit then only copies.
      if (one.length === 1 && withIdRestored(one[0]!, cut.id)) body = {item: deepFreeze(one[0]!), hasKey: one[0]!['citation-key'] === idPlaceholder}
    } catch {
      // Parsed again with its id: that parse reports (or gives up) as it would have.
    }
    cache.set(cut.text, body)
  }
  if (body === null) return undefined
  // Spread keeps each key where it was: the same item, field order and all, as `withIdRestored` gives.
  const item = Object.freeze(body.hasKey ? {...body.item, id: cut.id, 'citation-key': cut.id} : {...body.item, id: cut.id})
  bodyOf.set(item, body.item)
  return item
}

/** A parsed id-free entry, and whether its `citation-key` holds the placeholder too. */
interface IdFreeBody {
  item: CslItem
  hasKey: boolean
}

/**
 * The id-free item an item was made from: the same object for every item of one work whatever its
 * id, so work that ignores the id (formatting, the output CSL item) can be kept per work.
 */
const bodyOf = new WeakMap<CslItem, CslItem>()

/** The item `item` shares its work with (its id-free body), or the item itself when it has none. */
export function sharedItem(item: CslItem): CslItem {
  return bodyOf.get(item) ?? item
}

/**
 * What `make` gives for an item's work (see `sharedItem`), kept in `cache` when the work is frozen:
 * a frozen work cannot change after it was used, so what depends only on it is made once per
 * thread. An item that is not frozen (one an API caller built) is made afresh each time.
 */
export function perWork<T>(cache: WeakMap<CslItem, T>, item: CslItem, make: (work: CslItem) => T): T {
  const work = sharedItem(item)
  if (!Object.isFrozen(work)) return make(work)
  let value = cache.get(work)
  if (value === undefined) cache.set(work, (value = make(work)))
  return value
}

/** Forgets every parsed entry (tests). */
export function clearParsedEntries(): void {
  parsed.clear()
  bodies.clear()
}

/** `value` frozen to its leaves; parts already frozen (a shared work's) are not walked again. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
