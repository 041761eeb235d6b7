import {maxCalloutLength, narrativeNamesBefore, parseNarrativeYears, parseParentheticalCallout, type AuthorYearCite} from './author-year-callout.js'

/** One way to read a callout: where it starts and the works it names. */
export interface AuthorYearReading {
  /** Offset of the callout's first character: its `(`, or a narrative callout's first name. */
  start: number
  cites: AuthorYearCite[]
}

/** A possible author–year callout found in a string, ending at `end` (after its `)`). */
export interface AuthorYearCandidate {
  end: number
  /** True for `Smith et al. (2020)`, false for `(Smith et al., 2020)`. */
  narrative: boolean
  /** Readings, the preferred first: a narrative callout may read as two authors or one (`Koibuchi and Chin`, `Chin`). */
  readings: AuthorYearReading[]
}

/**
 * Finds the parentheses of `text` that read as author–year callouts, in the order they close (an inner
 * parenthesis before the one around it: `(unpublished data; (Liu et al. 2000))` gives the inner one).
 * Only a parenthesis with no other parenthesis inside is read, so the bodies read are disjoint and the
 * work is linear in the text whatever it holds.
 */
export function findAuthorYearCallouts(text: string): AuthorYearCandidate[] {
  const candidates: AuthorYearCandidate[] = []
  const open: number[] = []
  let previousParenthesis = -1
  // The parentheses are found by a native search: a loop over every character costs more than the rest.
  const parentheses = /[()]/g
  for (let found = parentheses.exec(text); found; found = parentheses.exec(text)) {
    const index = found.index
    if (text.charCodeAt(index) === 0x28 /* ( */) {
      open.push(index)
      previousParenthesis = index
    } else {
      const start = open.pop()
      const innermost = start !== undefined && previousParenthesis === start
      previousParenthesis = index
      if (!innermost || index - start > maxCalloutLength) continue
      const body = text.slice(start + 1, index)
      if (!/\d|n\.\s?d\.|no date|press|forthcoming/.test(body)) continue
      const cites = parseParentheticalCallout(body)
      if (cites) {
        candidates.push({end: index + 1, narrative: false, readings: [{start, cites}]})
        continue
      }
      const years = parseNarrativeYears(body)
      if (!years) continue
      let before = start
      while (before > 0 && /\s/.test(text[before - 1]!) && start - before < 3) before--
      if (before === start && start > 0) continue
      const readings = narrativeNamesBefore(text, before).map(({start: namesStart, names, etAl}) => ({
        start: namesStart,
        cites: years.map(({year, suffix}) => ({names, etAl, year, suffix}))
      }))
      if (readings.length > 0) candidates.push({end: index + 1, narrative: true, readings})
    }
  }
  return candidates
}
