/**
 * Author–year callouts as an entry of the citation-syntax registry: `(Smith et al., 2020; Lee and
 * Park 2018a)` and narrative `Smith et al. (2020)`. Whether such a parenthesis is a callout depends
 * on the whole document (does it name an entry of the bibliography? does the document cite this way
 * elsewhere?), so the entry decides per document (`forDocument`); the groups it finds are numbered by
 * the entries their cites name, and `resolve` maps those numbers to keys like numeric brackets'.
 */
import {reportOn, type DiagnosticCode} from '../../diagnostics.js'
import {authorYearGroups, citeLabel, readAuthorYearCallout, type AuthorYearGroup} from './author-year-groups.js'
import {authorYearSourceOf, type AuthorYearSource} from './author-year-source.js'
import {keysOfNumbers, type CitationDocument, type CitationSyntax} from './citation-syntax.js'
import type {FoundGroup} from './find-citation-groups.js'
import type {ParsedCitationGroup} from './parse-citation-group.js'

const name = 'author-year'

/**
 * The registry's author–year entry. Used without a document (`find` on a lone text), it reads the
 * text as a document without a bibliography: when one callout has an unmistakable form (`et al.`,
 * two authors, several cites), its parenthetical callouts (and narrative ones of that form) are
 * groups without numbers. The citations stage uses `forDocument`, which knows the bibliography and
 * the configured style.
 */
export const authorYearCallouts: CitationSyntax = {
  name,
  style: 'author-year',
  find: (text) => toFound(text, authorYearGroups([text], undefined, 'auto'), 0, undefined),
  parse: (body) => parseCallout(body, undefined),
  // Called only when the bibliography stage runs, after both modules are loaded (they import each other).
  resolve: (group, bibliography) => keysOfNumbers(group, bibliography),
  forDocument: authorYearForDocument
}

/**
 * The entry as it applies to one document: its callouts found once over all its texts, against its
 * bibliography file or else its own reference list; undefined when it has none. A document that
 * cites this way with nothing to resolve against is told so once (`author-year-no-bibliography`).
 */
function authorYearForDocument(document: CitationDocument): CitationSyntax | undefined {
  const source = authorYearSourceOf(document.tree, document.file)
  const findings = authorYearGroups(document.texts, source?.index, document.style === 'author-year' ? 'author-year' : 'auto')
  const byText = new Map<string, FoundGroup[]>()
  document.texts.forEach((text, index) => {
    const found = toFound(text, findings, index, source)
    if (found.length > 0) byText.set(text, found)
  })
  if (byText.size === 0) return undefined
  if (findings.inUse && !source && findings.groups.some((groups) => groups.length > 0)) {
    reportOn(document.file, 'author-year-no-bibliography', 'author–year callouts, but no bibliography file or reference list to resolve them: their groups have no numbers')
  }
  return {...authorYearCallouts, forDocument: undefined, find: (text) => byText.get(text) ?? [], parse: (body) => parseCallout(body, source)}
}

/** The groups and look-alikes of text `index` as found groups, in order; a look-alike overlapping a group is dropped. */
function toFound(text: string, findings: ReturnType<typeof authorYearGroups>, index: number, source: AuthorYearSource | undefined): FoundGroup[] {
  const groups = findings.groups[index]!.map(({start, end}): FoundGroup => ({start, end, body: text.slice(start, end), malformed: false}))
  const lookalike = `reads like an author–year callout, but naming no entry of ${source?.name ?? 'the bibliography'} it`
  const lookalikes = findings.lookalikes[index]!
    .filter(({start, end}) => !groups.some((group) => group.start < end && start < group.end))
    .map(({start, end}): FoundGroup => ({start, end, body: text.slice(start, end), malformed: false, lookalike, lookalikeCode: 'author-year-lookalike'}))
  return lookalikes.length === 0 ? groups : [...groups, ...lookalikes].sort((a, b) => a.start - b.start)
}

/**
 * A callout read and resolved: the numbers of the entries its cites name (ascending, without
 * repeats), its cites as written, and a note for each cite that names no entry or several.
 */
function parseCallout(callout: string, source: AuthorYearSource | undefined): ParsedCitationGroup {
  const group = readAuthorYearCallout(callout, source?.index)
  // Only for a body `find` did not give: `find` keeps only callouts that read.
  if (!group) return {numbers: [], valid: false}
  const notes = source ? group.cites.flatMap((cite) => noteOf(cite, source.name)) : []
  return {
    numbers: group.numbers,
    valid: true,
    data: {authorYear: {narrative: group.narrative, cites: group.cites.map((cite) => ({names: cite.names, etAl: cite.etAl, year: cite.year, suffix: cite.suffix, number: cite.number}))}},
    ...(notes.length > 0 ? {notes} : {})
  }
}

function noteOf(cite: AuthorYearGroup['cites'][number], sourceName: string): Array<{code: DiagnosticCode; message: string}> {
  if (cite.problem === 'missing') return [{code: 'author-year-unresolved', message: `\`${citeLabel(cite)}\` matches no entry of ${sourceName}`}]
  if (cite.problem === 'ambiguous') return [{code: 'author-year-ambiguous', message: `\`${citeLabel(cite)}\` fits entries ${cite.candidates!.join(', ')} of ${sourceName} alike: not linked`}]
  return []
}
