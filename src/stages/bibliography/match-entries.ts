import type {CslItem} from '@citation-js/core'

/** An entry read from a bibliography file: its CSL item and its 1-based position among the file's entries. */
export interface ReadEntry {
  item: CslItem
  position: number
  /** True when the file gave the entry no id and citeclaim made one up (`entry-<position>`). */
  generatedId?: boolean
  /** How to name the entry in a diagnostic (`entry "smith2004" at line 12`). */
  label?: string
}

/** A bibliography entry with the citation number it answers to. */
export interface NumberedEntry {
  number: number
  item: CslItem
  /** How the number was found. */
  by: 'citation-number' | 'id' | 'position'
}

export interface NumberingProblem {
  code: 'bibliography-number-duplicate'
  message: string
  entry: ReadEntry
}

/**
 * Assigns citation numbers to bibliography entries, per entry in this order: its CSL
 * `citation-number`; the number its id or key ends in (`ref-53`, `B53`, `CR53`), when the file's ids
 * follow one such scheme; otherwise its position in the file. A number claimed twice stays with the
 * first entry and the other is reported.
 */
export function numberEntries(entries: readonly ReadEntry[]): {entries: NumberedEntry[]; problems: NumberingProblem[]} {
  const keyed = idScheme(entries)
  const taken = new Map<number, ReadEntry>()
  const out: NumberedEntry[] = []
  const problems: NumberingProblem[] = []
  const candidates = entries.map((entry) => {
    const field = entry.item['citation-number']
    if (field !== undefined && /^\s*\d+\s*$/.test(String(field)) && Number(field) > 0) return {entry, number: Number(field), by: 'citation-number' as const}
    const fromId = keyed?.get(entry)
    if (fromId !== undefined) return {entry, number: fromId, by: 'id' as const}
    return {entry, number: entry.position, by: 'position' as const}
  })
  // Explicit numbers first, so an entry numbered by position never takes an explicit number's place.
  const order = [...candidates].sort((a, b) => Number(a.by === 'position') - Number(b.by === 'position'))
  for (const candidate of order) {
    const holder = taken.get(candidate.number)
    if (holder) {
      problems.push({
        code: 'bibliography-number-duplicate',
        message: `${candidate.entry.label ?? `entry ${candidate.entry.position}`} would be reference ${candidate.number} (by ${candidate.by}), which ${holder.label ?? `entry ${holder.position}`} already is: entry ignored`,
        entry: candidate.entry
      })
      continue
    }
    taken.set(candidate.number, candidate.entry)
    out.push({number: candidate.number, item: candidate.entry.item, by: candidate.by})
  }
  out.sort((a, b) => a.number - b.number)
  return {entries: out, problems}
}

const numberedId = /^(.*?)(\d{1,6})$/

/**
 * The numbers the entries' ids carry, when the ids follow one scheme: every id the file gave ends
 * in a number after one shared prefix (`ref-1` … `ref-360`), the numbers are distinct, and they are
 * not all years behind a name (`smith2004`, `li2005` are author-year keys, not numbers).
 */
function idScheme(entries: readonly ReadEntry[]): Map<ReadEntry, number> | undefined {
  const withIds = entries.filter((entry) => !entry.generatedId && entry.item['citation-number'] === undefined)
  if (withIds.length === 0) return undefined
  let prefix: string | undefined
  const numbers = new Map<ReadEntry, number>()
  for (const entry of withIds) {
    const match = numberedId.exec(String(entry.item.id ?? ''))
    if (!match) return undefined
    const own = match[1]!.toLowerCase()
    if (/\d/.test(own)) return undefined
    if (prefix === undefined) prefix = own
    else if (prefix !== own) return undefined
    const n = Number(match[2])
    if (n < 1) return undefined
    numbers.set(entry, n)
  }
  const values = [...numbers.values()]
  if (new Set(values).size !== values.length) return undefined
  if (prefix!.length >= 2 && values.every((n) => n >= 1800 && n <= 2099)) return undefined
  return numbers
}
