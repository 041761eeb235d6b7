/**
 * What a pandoc citation key points to: the bibliography entry whose CSL `id` (or `citation-key`) is
 * the key, exactly as written (pandoc keys are case-sensitive); failing that, a key of citeclaim's own
 * form `ref-<n>` (the keys of the annotated Markdown and `<id>.references.csl.json`) is number n.
 */
export function resolveCitationKeys(keys: readonly string[], byKey: ReadonlyMap<string, number>): {numbers: number[]; unresolved: string[]} {
  const numbers: number[] = []
  const unresolved: string[] = []
  for (const key of keys) {
    const number = byKey.get(key) ?? ownNumber(key)
    if (number === undefined) unresolved.push(key)
    else numbers.push(number)
  }
  return {numbers, unresolved}
}

/** Key → citation number of a bibliography's entries, by `id` and by `citation-key`. */
export function keysOfEntries(entries: ReadonlyArray<{number: number; item: {id?: unknown; 'citation-key'?: unknown}}>): Map<string, number> {
  const byKey = new Map<string, number>()
  for (const {number, item} of entries) {
    for (const key of [item.id, item['citation-key']]) if (typeof key === 'string' && key !== '' && !byKey.has(key)) byKey.set(key, number)
  }
  return byKey
}

function ownNumber(key: string): number | undefined {
  const match = /^ref-([1-9]\d{0,8})$/.exec(key)
  return match ? Number(match[1]) : undefined
}
