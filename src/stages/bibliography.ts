import type {CslItem} from '@citation-js/core'
import type {Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {pointAt} from '../parse/positions.js'
import {keysOfEntries, resolveCitationKeys} from '../bibliography/resolve-keys.js'
import {parseReferenceEntry} from '../parse/reference-entry.js'
import type {ReferenceListEntry} from '../parse/reference-list.js'
import {walk} from '../tree-walk.js'
import {maxOf} from '../push-all.js'

/** A bibliography handed to the processor with the document (`file.data.bibliography`). */
export interface Bibliography {
  /** Path of the bibliography file, as shown in diagnostics. */
  path: string
  /** Entries with the citation numbers they answer to (see `numberEntries`). */
  entries: ReadonlyArray<{number: number; item: CslItem}>
  /** Entries in the file, counting those that could not be read (default: the highest number). */
  size?: number
}

declare module 'vfile' {
  interface DataMap {
    bibliography: Bibliography
    /** Citation number → CSL item, for the cited numbers that have one. */
    references: ReadonlyMap<number, CslItem>
    /** The document's own numbered reference list, when the parser found one. */
    referenceList: ReferenceListEntry[]
  }
}

/** What a citation number can point to: a bibliography item, or only an entry of the printed list. */
interface Target {
  item: CslItem | null
  name: string
  place?: Position
  /** The printed entry, read into a CSL item once it is cited. */
  entry?: ReferenceListEntry
}

/**
 * Links citation numbers to their entries: a bibliography file's when there is one, else the
 * document's own reference list, each cited entry read into a CSL item (`parseReferenceEntry`). A group citing a number beyond the entries' count is made invalid;
 * numbers without an entry (warning) and entries never cited (info) are reported.
 */
export function remarkBibliography() {
  return function transform(tree: Root, file: VFile): void {
    const list = tree.data?.referenceList
    if (list) file.data.referenceList = list.entries
    const bibliography = file.data.bibliography
    const targets = new Map<number, Target>()
    let size = Infinity
    let sourceName = ''
    if (bibliography) {
      for (const {number, item} of bibliography.entries) targets.set(number, {item, name: `${bibliography.path} entry "${String(item.id)}"`})
      size = maxOf(targets.keys(), Math.max(bibliography.size ?? 0, 0))
      sourceName = bibliography.path
      if (list && list.entries.length !== size) {
        file.message(`the document's reference list has ${list.entries.length} entries but ${bibliography.path} has ${size}: the bibliography file is used`, {
          place: pointAt(file, list.start),
          ruleId: 'reference-list-count-mismatch',
          source: 'citeclaim'
        })
      }
    } else if (list) {
      for (const entry of list.entries) targets.set(entry.number, {item: null, entry, name: `entry ${entry.number} of the reference list`, place: {start: pointAt(file, entry.start), end: pointAt(file, entry.end)}})
      size = list.entries.length
      sourceName = "the document's reference list"
    }
    const known = bibliography !== undefined || list !== undefined
    const byKey = keysOfEntries(bibliography?.entries ?? [])

    const cited = new Set<number>()
    walk(tree, (citation) => {
      if (citation.type !== 'citation') return
      if (citation.data.keys) {
        const {numbers, unresolved} = resolveCitationKeys(citation.data.keys, byKey)
        citation.data.numbers = numbers
        for (const key of unresolved) {
          file.message(`citation key \`@${key}\` in \`${citation.data.raw}\` has no entry in ${bibliography ? bibliography.path : 'a bibliography (the document has no bibliography file)'}`, {place: citation.position, ruleId: 'citation-key-unresolved', source: 'citeclaim'})
        }
      }
      const beyond = citation.data.numbers.filter((n) => n > size)
      if (beyond.length > 0) {
        file.message(`citation number ${beyond[0]} in \`${citation.data.raw}\` is beyond the ${size} entries of ${sourceName}: group marked invalid`, {
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
        if (known && !targets.has(n)) {
          file.message(`citation number ${n} in \`${citation.data.raw}\` has no entry in ${sourceName}`, {place: citation.position, ruleId: 'reference-unresolved', source: 'citeclaim'})
        }
      }
    })
    for (const [n, target] of targets) {
      if (cited.has(n)) continue
      const message = file.message(`reference ${n} (${target.name}) is never cited`, {...(target.place ? {place: target.place} : {}), ruleId: 'reference-uncited', source: 'citeclaim'})
      message.fatal = undefined
    }
    const references = new Map<number, CslItem>()
    for (const [n, target] of [...targets].sort((a, b) => a[0] - b[0])) {
      if (!cited.has(n)) continue
      const item = target.item ?? (target.entry ? parseReferenceEntry(target.entry.raw, {id: `ref-${n}`, layout: 'numbered'}) : null)
      if (item) references.set(n, item)
    }
    file.data.references = references
  }
}
