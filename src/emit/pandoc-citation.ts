import type {PandocCitationItem} from '../stages/citations/pandoc-citations.js'

/**
 * A pandoc citation of the input written back with citeclaim's keys (`@ref-<n>`, those of
 * `<id>.references.csl.json`), keeping what pandoc renders from it: prefix, locator, `-` (author
 * left out) and the in-text form (`@ref-2 [p. 3] says`). `numbers` are the items' numbers, in order;
 * `escape` makes the input's prefix and locator text inert.
 */
export function printPandocCitation(citation: {bracketed: boolean; items: readonly PandocCitationItem[]}, numbers: readonly number[], escape: (text: string) => string): string {
  if (!citation.bracketed) {
    const item = citation.items[0]!
    return `@ref-${numbers[0]}${item.suffix ? ` [${escape(item.suffix)}]` : ''}`
  }
  const parts = citation.items.map((item, index) => {
    const prefix = item.prefix ? `${escape(item.prefix)} ` : ''
    const suffix = item.suffix ? `${/^[,\s]/.test(item.suffix) ? '' : ' '}${escape(item.suffix)}` : ''
    return `${prefix}${item.suppressAuthor ? '-' : ''}@ref-${numbers[index]}${suffix}`
  })
  return `[${parts.join('; ')}]`
}
