import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {CitationOptions} from '../../config/types.js'
import type {CitationData} from '../../types.js'
import {authorYearCallouts} from './author-year-syntax.js'
import {pandocCitations} from './pandoc-syntax.js'
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

/** Which callouts documents are read for (config `citations.style`). */
export type CitationStyle = CitationOptions['style']

/** The whole document, for a syntax that decides per document (see `CitationSyntax.forDocument`). */
export interface CitationDocument {
  /** Every text the citations stage searches, in document order. */
  texts: readonly string[]
  /** The tree after parsing (its `data.referenceList`, the document's own list, if any). */
  tree: Root
  /** The document (`data.bibliography`: its bibliography file, if any); diagnostics go here. */
  file: VFile
  /** The configured style: `author-year` says the document cites that way without looking. */
  style: CitationStyle
  /** What the document was parsed from: PDF-extracted plain text (default) or Markdown. */
  format?: 'text' | 'markdown'
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
  /**
   * The style it belongs to (default `numeric`): `citations.style` `numeric` or `author-year` reads
   * only that style's syntaxes. `auto`: read whatever the configured style, for a syntax that cannot
   * be mistaken for either style's callouts (pandoc's `[@smith2020]`).
   */
  style?: CitationStyle
  /** Callouts in `text`, in order and not overlapping; a callout overlapping an earlier syntax's is dropped. */
  find: (text: string) => FoundGroup[]
  parse: (body: string, options: ParseCitationOptions) => ParsedCitationGroup
  /** The bibliography keys of a group that is still valid once the bibliography is known. */
  resolve: (group: CitationData, bibliography: BibliographyIndex) => string[]
  /**
   * For a syntax whose callouts cannot be told from ordinary text one text at a time: the syntax as
   * it applies to one document, made once before any `find`, with the same `name`; undefined when the
   * document does not cite this way. Author–year callouts need it: `(Paris 2019)` is a callout only
   * if it names an entry of the document's bibliography, or if the document is seen elsewhere to cite
   * by author and year, and a callout names no number, so it is numbered here, by the entries it names
   * (`parse`); `resolve` then maps the numbers to keys like numeric brackets'.
   */
  forDocument?: (document: CitationDocument) => CitationSyntax | undefined
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
export const numericBrackets: CitationSyntax = {name: 'numeric-brackets', style: 'numeric', find: findCitationGroups, parse: parseCitationGroup, resolve: keysOfNumbers}

const registry: CitationSyntax[] = [numericBrackets, authorYearCallouts, pandocCitations]

/** The registered citation syntaxes, numeric brackets first, then author–year callouts, then pandoc citations; earlier entries win overlapping callouts. */
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

/**
 * The syntaxes to read one document with: those of the configured style (all with `auto`), each
 * that decides per document as it applies to this one. `document` is called at most once, and only
 * when a syntax needs it.
 */
export function syntaxesForDocument(syntaxes: readonly CitationSyntax[], style: CitationStyle, document: () => CitationDocument): CitationSyntax[] {
  let whole: CitationDocument | undefined
  const out: CitationSyntax[] = []
  for (const syntax of syntaxes) {
    if (style !== 'auto' && syntax.style !== 'auto' && (syntax.style ?? 'numeric') !== style) continue
    if (!syntax.forDocument) {
      out.push(syntax)
      continue
    }
    whole ??= document()
    const forDocument = syntax.forDocument(whole)
    if (forDocument) out.push(forDocument)
  }
  return out
}
