import type {CslItem} from '@citation-js/core'
import type {Nodes, Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {citationSyntaxes, numericBrackets, type BibliographyIndex, type CitationSyntax} from '../citations/citation-syntax.js'
import {reportOn} from '../../diagnostics.js'
import {pointAt} from '../parse/positions.js'
import {parseReferenceEntry} from './reference-entry.js'
import type {ReferenceListEntry} from './reference-list.js'
import {walk} from '../../tree-walk.js'
import {maxOf} from '../../push-all.js'

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
    /** The entries of the document's own numbered reference list that have text, when the parser found one. */
    referenceList: ReferenceListEntry[]
  }
}

export interface RemarkBibliographyOptions {
  /** The syntaxes that resolve the groups they found (default: the registered ones). */
  syntaxes?: readonly CitationSyntax[]
}

/** What a citation number can point to: a bibliography item, or only an entry of the printed list. */
interface Target {
  item: CslItem | null
  /** The entry's key (see `BibliographyIndex`). */
  key: string
  name: string
  place?: Position
  /** The printed entry, read into a CSL item once it is cited. */
  entry?: ReferenceListEntry
}

/**
 * A bibliography's entries by citation number, and how many numbers it has. Made once per frozen
 * bibliography (one that documents share, see `bibliographyFromBytes`): a library's file of 20,000
 * entries cost a document 20,000 of them otherwise.
 */
function bibliographyTargets(bibliography: Bibliography): {targets: ReadonlyMap<number, Target>; size: number} {
  const known = targetsOf.get(bibliography)
  if (known) return known
  const targets = new Map<number, Target>()
  for (const {number, item} of bibliography.entries) targets.set(number, {item, key: String(item.id), name: `${bibliography.path} entry "${String(item.id)}"`})
  const made = {targets, size: maxOf(targets.keys(), Math.max(bibliography.size ?? 0, 0))}
  if (Object.isFrozen(bibliography)) targetsOf.set(bibliography, made)
  return made
}

/**
 * An entry without text (an endnote `[4]` whose text was lost) counts for the list's size and keeps
 * its number, but is no entry: it gives no CSL item, and the outputs say there is none.
 */
function hasText(entry: ReferenceListEntry): boolean {
  return entry.raw !== ''
}

const targetsOf = new WeakMap<Bibliography, {targets: ReadonlyMap<number, Target>; size: number}>()

/**
 * Uncited entries reported one by one; the others in one diagnostic. A bibliography shared by many
 * documents (a library's file) is mostly uncited by each: one info per entry made a three-sentence
 * document with a 20,000-entry file carry 19,997 of them (a 2.9 MB record).
 */
export const uncitedReportedEach = 20

/**
 * Links citation numbers to their entries: a bibliography file's when there is one, else the
 * document's own reference list, each cited entry read into a CSL item (`parseReferenceEntry`). A group citing a number beyond the entries' count is made invalid;
 * numbers without an entry (warning) and entries never cited (info; past `uncitedReportedEach`, counted in one) are reported.
 */
export function remarkBibliography(options: RemarkBibliographyOptions = {}) {
  const syntaxes = new Map((options.syntaxes ?? citationSyntaxes()).map((syntax) => [syntax.name, syntax]))
  return function transform(tree: Root, file: VFile): void {
    const list = tree.data?.referenceList
    if (list) file.data.referenceList = list.entries.filter(hasText)
    const bibliography = file.data.bibliography
    // Read only: a shared bibliography's targets are made once for every document citing it.
    let targets: ReadonlyMap<number, Target> = new Map()
    let size = Infinity
    let sourceName = ''
    if (bibliography) {
      const made = bibliographyTargets(bibliography)
      targets = made.targets
      size = made.size
      sourceName = bibliography.path
      if (list && list.entries.length !== size) {
        reportOn(file, 'reference-list-count-mismatch', `the document's reference list has ${list.entries.length} entries but ${bibliography.path} has ${size}: the bibliography file is used`, pointAt(file, list.start))
      }
    } else if (list) {
      targets = new Map(list.entries.map((entry) => [entry.number, {item: null, key: `ref-${entry.number}`, ...(hasText(entry) ? {entry} : {}), name: `entry ${entry.number} of the reference list`, place: {start: pointAt(file, entry.start), end: pointAt(file, entry.end)}}]))
      size = list.entries.length
      sourceName = "the document's reference list"
    }
    const known = bibliography !== undefined || list !== undefined
    const index: BibliographyIndex = {byNumber: targets}

    const resolving: CitationResolving = {file, syntaxes, index, targets, size, sourceName, known, cited: new Set()}
    walk(tree, resolveCitation, resolving)
    // What follows costs what the document cites, not what the bibliography holds: a library's file of
    // 20,000 entries is mostly uncited by each document, and sorting and scanning all of it per
    // document took 8.6% of the analysis of documents naming such a file.
    const cited = [...resolving.cited].filter((n) => targets.has(n)).sort((a, b) => a - b)
    const uncited = targets.size - cited.length
    // The first uncited entries in the bibliography's order: a scan that stops once it has them.
    const reportedEach = Math.min(uncited, uncitedReportedEach)
    let reported = 0
    for (const [n, target] of targets) {
      if (reported === reportedEach) break
      if (resolving.cited.has(n)) continue
      reportOn(file, 'reference-uncited', `reference ${n} (${target.name}) is never cited`, target.place)
      reported++
    }
    if (uncited > uncitedReportedEach) {
      const rest = uncited - uncitedReportedEach
      reportOn(file, 'reference-uncited', `${rest} more ${rest === 1 ? 'entry' : 'entries'} of ${sourceName} ${rest === 1 ? 'is' : 'are'} never cited (${uncited} in all; the first ${uncitedReportedEach} are reported one by one)`)
    }
    const references = new Map<number, CslItem>()
    for (const n of cited) {
      const target = targets.get(n)!
      const item = target.item ?? (target.entry ? parseReferenceEntry(target.entry.raw, {id: `ref-${n}`, layout: 'numbered'}) : null)
      if (item) references.set(n, item)
    }
    file.data.references = references
  }
}

/** What `resolveCitation` reads and fills while it walks one document. */
interface CitationResolving {
  file: VFile
  syntaxes: ReadonlyMap<string, CitationSyntax>
  index: BibliographyIndex
  targets: ReadonlyMap<number, Target>
  /** How many entries there are (Infinity without a bibliography or reference list). */
  size: number
  sourceName: string
  /** Whether there is a bibliography or reference list to resolve against. */
  known: boolean
  /** The numbers cited so far. */
  cited: Set<number>
}

/** Resolves a citation group's numbers to entries, reporting numbers beyond the entries and numbers without one. */
function resolveCitation(citation: Nodes, _parent: unknown, resolving: CitationResolving): void {
  if (citation.type !== 'citation') return
  const {file, size, sourceName} = resolving
  const beyond = citation.data.numbers.filter((n) => n > size)
  if (beyond.length > 0) {
    reportOn(file, 'citation-number-out-of-range', `citation number ${beyond[0]} in \`${citation.data.raw}\` is beyond the ${size} entries of ${sourceName}: group marked invalid`, citation.position)
    citation.data.numbers = []
    citation.data.valid = false
    citation.data.keys = []
    return
  }
  citation.data.keys = citation.data.valid ? (resolving.syntaxes.get(citation.data.syntax ?? numericBrackets.name) ?? numericBrackets).resolve(citation.data, resolving.index) : []
  for (const n of citation.data.numbers) {
    resolving.cited.add(n)
    if (resolving.known && !resolving.targets.has(n)) {
      reportOn(file, 'reference-unresolved', `citation number ${n} in \`${citation.data.raw}\` has no entry in ${sourceName}`, citation.position)
    }
  }
}
