import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {authorYearEntryOfCsl, indexAuthorYearEntries, type AuthorYearEntry, type AuthorYearIndex} from './author-year-resolve.js'
import {authorYearEntryOfPrinted} from './reference-entry-names.js'

/** The entries author–year callouts are resolved against, and how to name them in a diagnostic. */
export interface AuthorYearSource {
  index: AuthorYearIndex
  name: string
}

/**
 * A document's bibliography for author–year callouts: its bibliography file's entries when it has
 * one (`file.data.bibliography`), else the entries of its own reference list (names and year read
 * from each printed entry); undefined when it has neither.
 */
export function authorYearSourceOf(tree: Root, file: VFile): AuthorYearSource | undefined {
  const bibliography = file.data.bibliography
  if (bibliography) {
    let index = indexes.get(bibliography)
    if (!index) {
      const {entries} = bibliography
      index = indexOnFirstUse(() => entries.map(({number, item}) => authorYearEntryOfCsl(number, item)), entries.length)
      // A frozen bibliography is shared by the documents that name its file: indexed once for all.
      if (Object.isFrozen(bibliography)) indexes.set(bibliography, index)
    }
    return {index, name: bibliography.path}
  }
  const list = tree.data?.referenceList
  if (!list) return undefined
  const entries = list.entries.map((entry) => authorYearEntryOfPrinted(entry.number, entry.raw)).filter((entry): entry is AuthorYearEntry => entry !== undefined)
  return {index: indexAuthorYearEntries(entries), name: "the document's reference list"}
}

const indexes = new WeakMap<NonNullable<VFile['data']['bibliography']>, AuthorYearIndex>()

/**
 * An index whose entries are read and indexed when a callout is first resolved against it: most
 * documents with a bibliography file cite by number and never look an author up, and reading a few
 * hundred entries' names for each of them is a millisecond spent for nothing.
 */
function indexOnFirstUse(entries: () => AuthorYearEntry[], size: number): AuthorYearIndex {
  let built: AuthorYearIndex | undefined
  return {
    get byFirstName() {
      built ??= indexAuthorYearEntries(entries())
      return built.byFirstName
    },
    size
  }
}
