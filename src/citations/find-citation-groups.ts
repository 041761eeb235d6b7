import {isCitationBody, isMalformedCitationBody, rangeDashes} from './parse-citation-group.js'

/** A bracketed group found in a string, at [start, end) of that string, brackets included. */
export interface FoundGroup {
  start: number
  end: number
  /** The text between the brackets; for the joined form `[2]–[5]`, `2–5`. */
  body: string
  /** True for brackets that look like a citation but do not parse (`[1,,2]`, `[3-]`). */
  malformed: boolean
}

const joinedRangeDash = new RegExp(`^[${rangeDashes}]$`)

/**
 * Finds citation groups in `text` in one pass over its brackets (linear time whatever the input):
 * `[1]`, `[2-9]`, `[19, 21-23]`, and the joined form `[2]–[5]`, which is one group meaning 2 to 5.
 */
export function findCitationGroups(text: string): FoundGroup[] {
  const groups: FoundGroup[] = []
  let open = -1
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 0x5b /* [ */) open = index
    else if (char === 0x5d /* ] */ && open !== -1) {
      const body = text.slice(open + 1, index)
      if (isCitationBody(body)) {
        const previous = groups[groups.length - 1]
        const between = previous ? text.slice(previous.end, open) : ''
        if (previous && !previous.malformed && joinedRangeDash.test(between) && /^\s*\d+\s*$/.test(previous.body) && /^\s*\d+\s*$/.test(body)) {
          previous.body = `${previous.body.trim()}${between}${body.trim()}`
          previous.end = index + 1
        } else groups.push({start: open, end: index + 1, body, malformed: false})
      } else if (isMalformedCitationBody(body)) groups.push({start: open, end: index + 1, body, malformed: true})
      open = -1
    }
  }
  return groups
}
