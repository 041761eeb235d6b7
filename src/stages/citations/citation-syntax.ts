import type {CitationData} from '../../types.js'
import {findCitationGroups, type FoundGroup} from './find-citation-groups.js'
import {parseCitationGroup, type ParseCitationOptions, type ParsedCitationGroup} from './parse-citation-group.js'

/** What a citation syntax resolves against: the entries the document's citation numbers can point to. */
export interface BibliographyIndex {
  /**
   * Citation number → the entry's key: its id in the bibliography file (a BibTeX key, a CSL-JSON or
   * RIS id), or `ref-<n>` for an entry of the document's own reference list, which has no key.
   */
  byNumber: ReadonlyMap<number, {key: string; item: unknown}>
}

/**
 * One way of writing citations in the text, as one entry: `find` its callouts in a text, `parse` a
 * callout's inside into the numbers it cites (or why it is invalid), `resolve` a parsed group to the
 * bibliography keys it cites. The citations stage tries every registered syntax; the bibliography
 * stage resolves each group with the syntax that found it (`citation.data.syntax`).
 */
export interface CitationSyntax {
  /** Stored on every group it finds as `data.syntax`. */
  name: string
  /** Callouts in `text`, in order and not overlapping; a callout overlapping an earlier syntax's is dropped. */
  find: (text: string) => FoundGroup[]
  parse: (body: string, options: ParseCitationOptions) => ParsedCitationGroup
  /** The bibliography keys of a group that is still valid once the bibliography is known. */
  resolve: (group: CitationData, bibliography: BibliographyIndex) => string[]
}

/** Keys of the numbers a group cites that have an entry, in the group's order. */
export function keysOfNumbers(group: CitationData, bibliography: BibliographyIndex): string[] {
  const keys: string[] = []
  for (const n of group.numbers) {
    const key = bibliography.byNumber.get(n)?.key
    if (key !== undefined) keys.push(key)
  }
  return keys
}

/** Numeric brackets: `[53]`, `[19, 21-23]`, `[304—306]`, `[2]–[5]`. */
export const numericBrackets: CitationSyntax = {name: 'numeric-brackets', find: findCitationGroups, parse: parseCitationGroup, resolve: keysOfNumbers}

const registry: CitationSyntax[] = [numericBrackets]

/** The registered citation syntaxes, numeric brackets first; earlier entries win overlapping callouts. */
export function citationSyntaxes(): readonly CitationSyntax[] {
  return registry
}

/**
 * Adds a citation syntax after the registered ones. Processors built before (and worker threads,
 * which know only this module's entries) do not see it; a new syntax that ships is one more entry
 * in `registry` above.
 */
export function registerCitationSyntax(syntax: CitationSyntax): void {
  if (registry.some((known) => known.name === syntax.name)) throw new Error(`a citation syntax named "${syntax.name}" is already registered`)
  registry.push(syntax)
}
