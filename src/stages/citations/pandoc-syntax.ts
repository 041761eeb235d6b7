/**
 * Pandoc citations (`[@smith2020; see @lee2018, p. 3]`, `[-@smith2020]`, in-text `@smith2020`) as an
 * entry of the citation-syntax registry. They are Markdown's: the entry applies to Markdown input
 * only (`forDocument`), in every configured style, since `@key` cannot be mistaken for a numeric or
 * an author–year callout. A callout names keys, not numbers, so it is numbered here, through the
 * bibliography file's ids (or citeclaim's own `ref-<n>` keys); `resolve` then maps the numbers to
 * keys like numeric brackets'.
 */
import type {DiagnosticCode} from '../../diagnostics.js'
import type {CitationDocument, CitationSyntax} from './citation-syntax.js'
import type {FoundGroup} from './find-citation-groups.js'
import type {ParsedCitationGroup} from './parse-citation-group.js'
import {findPandocCitations} from './pandoc-citations.js'
import {keysOfEntries, resolveCitationKeys} from './pandoc-keys.js'

const name = 'pandoc'

/**
 * The registry's pandoc entry. Used without a document (`find` and `parse` on a lone text), it
 * knows no bibliography: only citeclaim's own keys `@ref-<n>` get numbers. The citations stage uses
 * `forDocument`, which reads Markdown documents only and knows their bibliography file.
 */
export const pandocCitations: CitationSyntax = {
  name,
  style: 'auto',
  find: findPandoc,
  parse: (body) => parsePandoc(body, new Map(), undefined),
  // The keys of its entries, like `keysOfNumbers` (not imported: this module is one of the registry's,
  // and a value imported from citation-syntax.ts would make it load before the registry it is in).
  resolve: (group, bibliography) => group.numbers.flatMap((n) => bibliography.byNumber.get(n)?.key ?? []),
  forDocument: pandocForDocument
}

function pandocForDocument(document: CitationDocument): CitationSyntax | undefined {
  if (document.format !== 'markdown') return undefined
  const bibliography = document.file.data.bibliography
  const byKey = keysOfEntries(bibliography?.entries ?? [])
  return {...pandocCitations, forDocument: undefined, parse: (body) => parsePandoc(body, byKey, bibliography?.path)}
}

function findPandoc(text: string): FoundGroup[] {
  // Every pandoc citation has an `@`: most texts are passed over without a scan.
  if (!text.includes('@')) return []
  return findPandocCitations(text).map(({start, end}) => ({start, end, body: text.slice(start, end), malformed: false}))
}

/**
 * A found callout read and numbered: its keys resolved in the order written (a key without an
 * entry is left out and noted, `citation-key-unresolved`), its form kept for pandoc-style output.
 */
function parsePandoc(callout: string, byKey: ReadonlyMap<string, number>, bibliographyPath: string | undefined): ParsedCitationGroup {
  const group = findPandocCitations(callout).find((found) => found.start === 0 && found.end === callout.length)
  // Only for a body `find` did not give: `find` keeps only callouts that read.
  if (!group) return {numbers: [], valid: false}
  const {numbers, unresolved} = resolveCitationKeys(group.items.map((item) => item.key), byKey)
  const where = bibliographyPath ?? 'a bibliography (the document has no bibliography file)'
  const notes = unresolved.map((key) => ({code: 'citation-key-unresolved' as DiagnosticCode, message: `citation key \`@${key}\` has no entry in ${where}`}))
  return {numbers, valid: true, data: {pandoc: {bracketed: group.bracketed, items: group.items}}, ...(notes.length > 0 ? {notes} : {})}
}
