import type {CslItem} from '@citation-js/core'

/**
 * Assigns citation numbers to bibliography entries. An entry's number is its CSL `citation-number`
 * or the number its id or key ends in (`ref-53`, `B53`, `CR53`) when every entry has one; otherwise
 * its position in the file (1-based).
 */
export function numberEntries(items: readonly CslItem[]): Map<number, CslItem> {
  const byNumber = new Map<number, CslItem>()
  const explicit = items.map((item) => explicitNumber(item))
  if (items.length > 0 && explicit.every((n) => n !== undefined) && new Set(explicit).size === items.length) {
    items.forEach((item, index) => byNumber.set(explicit[index]!, item))
  } else {
    items.forEach((item, index) => byNumber.set(index + 1, item))
  }
  return byNumber
}

function explicitNumber(item: CslItem): number | undefined {
  const field = item['citation-number']
  if (field !== undefined && /^\d+$/.test(String(field))) return Number(field)
  const key = /(\d+)$/.exec(String(item.id ?? ''))?.[1]
  return key === undefined ? undefined : Number(key)
}
