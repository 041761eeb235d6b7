import type {CslItem} from '@citation-js/core'
import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {numberEntries} from '../bibliography/match-entries.js'

/** A bibliography handed to the processor with the document (`file.data.bibliography`). */
export interface Bibliography {
  /** Path of the bibliography file, as shown in diagnostics. */
  path: string
  items: CslItem[]
}

declare module 'vfile' {
  interface DataMap {
    bibliography: Bibliography
    /** Citation number → CSL item, for the numbers that have an entry. */
    references: ReadonlyMap<number, CslItem>
  }
}

/**
 * Links citation numbers to bibliography entries. With a bibliography, a group citing a number
 * beyond its size is made invalid, numbers without an entry and entries never cited are reported.
 */
export function remarkBibliography() {
  return function transform(tree: Root, file: VFile): void {
    const bibliography = file.data.bibliography
    const entries = bibliography ? numberEntries(bibliography.items) : new Map<number, CslItem>()
    const size = bibliography ? Math.max(bibliography.items.length, ...entries.keys()) : Infinity
    const cited = new Set<number>()
    visit(tree, 'citation', (citation) => {
      const beyond = citation.data.numbers.filter((n) => n > size)
      if (beyond.length > 0) {
        file.message(`citation number ${beyond[0]} in \`${citation.data.raw}\` is beyond the bibliography's ${size} entries: group marked invalid`, {
          place: citation.position,
          ruleId: 'citation-number-out-of-range',
          source: 'citeclaim'
        })
        citation.data.numbers = []
        citation.data.valid = false
        return
      }
      for (const n of citation.data.numbers) {
        cited.add(n)
        if (bibliography && !entries.has(n)) {
          file.message(`citation number ${n} has no entry in ${bibliography.path}`, {place: citation.position, ruleId: 'reference-unresolved', source: 'citeclaim'})
        }
      }
    })
    if (bibliography) {
      for (const [n, item] of entries) {
        if (!cited.has(n)) {
          const message = file.message(`reference ${n} (${String(item.id)}) of ${bibliography.path} is never cited`, {ruleId: 'reference-uncited', source: 'citeclaim'})
          message.fatal = undefined
        }
      }
    }
    file.data.references = new Map([...entries].filter(([n]) => cited.has(n)))
  }
}
