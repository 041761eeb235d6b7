import type {DiagnosticCode} from '../../diagnostics.js'
import {citationLookalikeReason} from './citation-lookalike.js'
import {isCitationBody, isCitationLike, isMalformedCitationBody, rangeDashes} from './parse-citation-group.js'

/** A bracketed group found in a string, at [start, end) of that string, brackets included. */
export interface FoundGroup {
  start: number
  end: number
  /** The text between the brackets; for the joined form `[2]–[5]`, `2–5`. */
  body: string
  /**
   * True for brackets that look like a citation but do not parse (`[1,,2]`, `[3-]`), and for an
   * opening bracket with citation numbers after it that is never closed (`[12, 13` ending a paragraph).
   */
  malformed: boolean
  /** True for the never-closed kind of malformed group; then `end` is the end of its numbers. */
  unclosed?: boolean
  /**
   * Set when the brackets hold citation numbers but their context makes them something else
   * (`F[1,12] = 8.42`, `χ2[3]`): why, e.g. `glued to the symbol "χ2"`. Such a group is not a citation.
   */
  lookalike?: string
  /** The code a look-alike is reported with (default `citation-lookalike`: numeric brackets in a formula). */
  lookalikeCode?: DiagnosticCode
}

/** Between the brackets of `[2]–[5]`: one dash, perhaps a space from a folded line break around it. */
const joinedRangeDash = new RegExp(`^ ?[${rangeDashes}] ?$`)

/**
 * Finds citation groups in `text` in one pass over its brackets (linear time whatever the input):
 * `[1]`, `[2-9]`, `[19, 21-23]`, and the joined form `[2]–[5]`, which is one group meaning 2 to 5.
 * Numeric brackets that are part of a formula (`F[1,12] = 8.42`, `χ2[3]`) come back with `lookalike` set.
 */
export function findCitationGroups(text: string): FoundGroup[] {
  const groups: FoundGroup[] = []
  let open = -1
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 0x5b /* [ */) {
      if (open !== -1) pushUnclosed(text, open, index, groups)
      open = index
    } else if (char === 0x5d /* ] */ && open !== -1) {
      const body = text.slice(open + 1, index)
      const lookalike = isCitationBody(body) || isMalformedCitationBody(body) ? citationLookalikeReason(text, open, index + 1) : undefined
      if (lookalike) groups.push({start: open, end: index + 1, body, malformed: false, lookalike})
      else if (isCitationBody(body)) {
        const previous = groups[groups.length - 1]
        const between = previous ? text.slice(previous.end, open) : ''
        if (previous && !previous.malformed && !previous.lookalike && joinedRangeDash.test(between) && /^\s*\d+\s*$/.test(previous.body) && /^\s*\d+\s*$/.test(body)) {
          previous.body = `${previous.body.trim()}${between}${body.trim()}`
          previous.end = index + 1
        } else groups.push({start: open, end: index + 1, body, malformed: false})
      } else if (isMalformedCitationBody(body)) groups.push({start: open, end: index + 1, body, malformed: true})
      open = -1
    }
  }
  if (open !== -1) pushUnclosed(text, open, text.length, groups)
  return groups
}

/**
 * Records `[` at `open` as an unclosed group when everything after it, up to `end` (the next `[` or
 * the end of the text), is citation numbers, perhaps followed by the period or colon ending the
 * sentence. Trimming is done by hand: a `\s*$` pattern backtracks quadratically over long space runs.
 */
function pushUnclosed(text: string, open: number, end: number, groups: FoundGroup[]): void {
  let last = trimmedEnd(text, open + 1, end)
  if (last > open + 1 && (text[last - 1] === '.' || text[last - 1] === ':')) last = trimmedEnd(text, open + 1, last - 1)
  const body = text.slice(open + 1, last)
  if (!isCitationLike(body)) return
  groups.push({start: open, end: last, body, malformed: true, unclosed: true})
}

/** The end of `text[start, end)` without its trailing white space. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end
}
