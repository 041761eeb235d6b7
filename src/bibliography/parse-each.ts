import type {CslItem} from '@citation-js/core'
import {BoundedCache} from './bounded-cache.js'

/** Parsed entries of this thread, as JSON, by input type and entry text. */
const parsed = new BoundedCache()

/**
 * Parses a bibliography's entries one at a time, each through a per-thread cache keyed by its input
 * type and its own text: an entry that another document's bibliography also holds (reviews of one
 * field cite the same works) is not parsed again. citation-js parses an entry on its own, so this
 * gives what parsing the whole file gives; callers use it only where nothing joins entries (no
 * BibTeX `@string` or `crossref`). Every item comes back as a fresh copy, from the JSON kept.
 * Undefined when an entry cannot be parsed or does not give exactly one item: the caller then reads
 * the file as a whole, which reports the problem.
 */
export function parseEach(texts: readonly string[], type: string, parseOne: (text: string) => CslItem[]): CslItem[] | undefined {
  const items: CslItem[] = []
  for (const text of texts) {
    const key = `${type}\u0000${text}`
    let json = parsed.get(key)
    if (json === undefined) {
      let one: CslItem[]
      try {
        one = parseOne(text)
      } catch {
        return undefined
      }
      if (one.length !== 1) return undefined
      json = JSON.stringify(one[0])
      parsed.set(key, json)
    }
    items.push(JSON.parse(json) as CslItem)
  }
  return items
}

/** Forgets every parsed entry (tests). */
export function clearParsedEntries(): void {
  parsed.clear()
}
