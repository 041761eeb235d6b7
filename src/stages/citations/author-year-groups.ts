/**
 * Decides which author–year callouts of a document are citation groups: finds them in each text,
 * resolves each cite against the document's bibliography and applies the style. Pure: texts in,
 * groups and the look-alikes left as text out, at offsets of each text.
 */
import type {AuthorYearCite} from './author-year-callout.js'
import {resolveAuthorYear, type AuthorYearIndex} from './author-year-resolve.js'
import {findAuthorYearCallouts, type AuthorYearCandidate} from './find-author-year-callouts.js'

/** A cite with what the bibliography says of it. */
export interface ResolvedCite extends AuthorYearCite {
  /** The entry's citation number, or null when it is missing or ambiguous. */
  number: number | null
  /** Why there is no number. */
  problem?: 'missing' | 'ambiguous'
  /** For an ambiguous cite: the entries it fits. */
  candidates?: number[]
}

/** An author–year callout that is a citation group, at [start, end) of its text. */
export interface AuthorYearGroup {
  start: number
  end: number
  narrative: boolean
  cites: ResolvedCite[]
  /**
   * The resolved entries' numbers without repeats, ascending: in bibliography order, the order an
   * author–year list is written in by convention (the order as written is that of `cites`).
   */
  numbers: number[]
}

/** What {@link authorYearGroups} found in each text, by the text's index. */
export interface AuthorYearFindings {
  groups: AuthorYearGroup[][]
  /** Callouts left as text: they name no entry and nothing else says the document cites this way. */
  lookalikes: Array<Array<{start: number; end: number}>>
  /** Whether the document cites by author and year (always, with style `author-year`). */
  inUse: boolean
}

/**
 * The author–year citation groups of a document's texts. With a bibliography (`index`), a callout is a
 * group when one of its cites names an entry (or fits several: ambiguous); a callout naming no entry
 * is a group only when the document cites this way and its form leaves no doubt (`et al.`; in a
 * parenthesis also two authors or several cites), else it stays text and is reported as a look-alike.
 * Without a bibliography, callouts are groups without numbers when the document cites this way (style
 * `author-year`, or `auto` and one callout of that unmistakable form); a narrative one then needs
 * `et al.` or two authors.
 */
export function authorYearGroups(texts: readonly string[], index: AuthorYearIndex | undefined, style: 'auto' | 'author-year'): AuthorYearFindings {
  const read = texts.map((text) => findAuthorYearCallouts(text).map((candidate) => choose(candidate, index)))
  const all = read.flat()
  const inUse = style === 'author-year' || (index ? all.some((callout) => callout.matched > 0) : all.some((callout) => callout.strong))
  const groups: AuthorYearGroup[][] = []
  const lookalikes: Array<Array<{start: number; end: number}>> = []
  for (const callouts of read) {
    const accepted: AuthorYearGroup[] = []
    const left: Array<{start: number; end: number}> = []
    for (const callout of callouts) {
      const {group} = callout
      if (accepted.some((other) => other.start < group.end && group.start < other.end)) continue
      const isGroup = index ? callout.matched > 0 || (inUse && callout.strong) : inUse && (callout.strong || !group.narrative)
      if (isGroup) accepted.push(group)
      else if (index) left.push({start: group.start, end: group.end})
    }
    groups.push(accepted.sort((a, b) => a.start - b.start))
    lookalikes.push(left)
  }
  return {groups, lookalikes, inUse}
}

/**
 * One callout as a group's bounds give it (`(Smith et al., 2020)`, `Lee and Park (2018)`), read and
 * resolved the way {@link authorYearGroups} read it in its text: the best reading that starts where
 * the callout does. Undefined when `callout` does not read as one.
 */
export function readAuthorYearCallout(callout: string, index: AuthorYearIndex | undefined): AuthorYearGroup | undefined {
  const candidate = findAuthorYearCallouts(callout).find((found) => found.end === callout.length)
  const readings = candidate?.readings.filter((reading) => reading.start === 0) ?? []
  if (!candidate || readings.length === 0) return undefined
  return choose({...candidate, readings}, index).group
}

/** A candidate's best reading: the one whose cites name the most entries (the longest on a tie). */
function choose(candidate: AuthorYearCandidate, index: AuthorYearIndex | undefined): {group: AuthorYearGroup; matched: number; strong: boolean} {
  let best: {group: AuthorYearGroup; matched: number; strong: boolean} | undefined
  for (const reading of candidate.readings) {
    const cites = reading.cites.map((cite) => resolve(cite, index))
    const matched = cites.filter((cite) => cite.number !== null || cite.problem === 'ambiguous').length
    const numbers = [...new Set(cites.flatMap((cite) => (cite.number === null ? [] : [cite.number])))].sort((x, y) => x - y)
    // A narrative callout that names no entry of a bibliography needs `et al.` to be taken for one: `Paris and Rome (2019)` is not.
    const strong = reading.cites.length > 1 || reading.cites.some((cite) => cite.etAl || (cite.names.length > 1 && !(candidate.narrative && index)))
    if (!best || matched > best.matched) best = {group: {start: reading.start, end: candidate.end, narrative: candidate.narrative, cites, numbers}, matched, strong}
  }
  return best!
}

function resolve(cite: AuthorYearCite, index: AuthorYearIndex | undefined): ResolvedCite {
  if (!index) return {...cite, number: null}
  const resolution = resolveAuthorYear(cite, index)
  if ('number' in resolution) return {...cite, number: resolution.number}
  return resolution.problem === 'ambiguous' ? {...cite, number: null, problem: 'ambiguous', candidates: resolution.numbers} : {...cite, number: null, problem: 'missing'}
}

/** How a cite reads in a diagnostic: `Smith et al. 2018a`. */
export function citeLabel(cite: AuthorYearCite): string {
  const names = cite.names.length === 2 ? `${cite.names[0]} and ${cite.names[1]}` : cite.names.join(', ')
  return `${names}${cite.etAl ? ' et al.' : ''} ${cite.year}${cite.suffix}`
}
