import {rangeDashes} from '../citations/parse-citation-group.js'

/**
 * Abbreviations that end in a period without ending a sentence. Lower-cased, without the final period.
 * ("etc." is left out: it ends sentences as often as not.)
 */
const abbreviations = new Set([
  'al', 'e.g', 'i.e', 'vs', 'cf', 'ca', 'approx', 'dr', 'mr', 'mrs', 'ms', 'prof', 'fig', 'figs', 'no', 'nos', 'eq',
  'eqs', 'ref', 'refs', 'vol', 'pp', 'p', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'resp', 'viz',
  'sp', 'spp', 'ed', 'eds', 'tab', 'suppl', 'ch', 'sec', 'mol', 'wt', 'conc'
])

/** A sentence-ending mark, with any closing quotes or brackets after it, followed by white space. */
const terminal = /[.!?]["'”’)]*(?=\s)/g
const wordBefore = /([\p{L}.]+)$/u
const citationAfter = new RegExp(`^\\s*\\[[${rangeDashes}\\d\\s,;]+\\](?=\\s+["'“‘(]?[\\p{Lu}\\p{N}])`, 'u')
const sentenceStart = /^\s+["'“‘(\[]?[\p{Lu}\p{N}]/u

/** A sentence as a range [start, end) of the text it was split from, white space trimmed. */
export interface SentenceRange {
  start: number
  end: number
}

/**
 * Splits prose into sentences. A period ends a sentence when white space and a capital letter, a
 * digit or an opening bracket follow, and the word before it is not an abbreviation ("et al.", "e.g.",
 * "Dr.") or an initial. A citation group standing after the period ("… fibrosis. [12] Next") stays
 * with the sentence before it. Decimals ("0.3") never split: no space follows their period.
 * Runs in linear time: one pass of a regular expression without nested repetition.
 */
export function splitSentences(text: string): SentenceRange[] {
  const ranges: SentenceRange[] = []
  let start = 0
  terminal.lastIndex = 0
  for (let match = terminal.exec(text); match; match = terminal.exec(text)) {
    let end = match.index + match[0].length
    const rest = text.slice(end, end + 200)
    const citation = citationAfter.exec(rest)
    if (!citation && !sentenceStart.test(rest)) continue
    if (match[0][0] === '.' && isAbbreviation(text.slice(Math.max(start, match.index - 20), match.index))) continue
    if (citation) {
      end += citation[0].length
      terminal.lastIndex = end
    }
    pushTrimmed(text, start, end, ranges)
    start = end
  }
  pushTrimmed(text, start, text.length, ranges)
  return ranges
}

function isAbbreviation(before: string): boolean {
  const word = wordBefore.exec(before)?.[1]
  if (!word) return false
  if (/^\p{Lu}$/u.test(word)) return true
  return abbreviations.has(word.toLowerCase())
}

function pushTrimmed(text: string, start: number, end: number, ranges: SentenceRange[]): void {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  if (end > start) ranges.push({start, end})
}
