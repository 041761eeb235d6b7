import type {CslItem} from '@citation-js/core'
import {BoundedCache} from './bounded-cache.js'

/** Parsed entries of this thread, frozen, by input type and then entry text. */
const parsed = new Map<string, BoundedCache<CslItem>>()

/**
 * Parses a bibliography's entries one at a time, each through a per-thread cache keyed by its input
 * type and its own text: an entry that another document's bibliography also holds (reviews of one
 * field cite the same works) is not parsed again. citation-js parses an entry on its own, so this
 * gives what parsing the whole file gives; callers use it only where nothing joins entries (no
 * BibTeX `@string` or `crossref`). Items are deep-frozen and shared between the documents holding
 * them (nothing in citeclaim changes an item; copying each would cost as much as the parse saved).
 * Undefined when an entry cannot be parsed or does not give exactly one item: the caller then reads
 * the file as a whole, which reports the problem.
 */
export function parseEach(texts: readonly string[], type: string, parseOne: (text: string) => CslItem[]): CslItem[] | undefined {
  let cache = parsed.get(type)
  if (!cache) parsed.set(type, (cache = new BoundedCache<CslItem>()))
  const items: CslItem[] = []
  for (const text of texts) {
    let item = cache.get(text)
    if (item === undefined) {
      let one: CslItem[]
      try {
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

/** Forgets every parsed entry (tests). */
export function clearParsedEntries(): void {
  parsed.clear()
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
