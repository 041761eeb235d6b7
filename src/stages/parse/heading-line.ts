/**
 * Whether one line of text reads as a section heading, in the layouts reviews use: numbered
 * (`2.`, `2.1`, `2.1.3`, `IV.`, with or without the final period after an Arabic number) in any
 * case, or unnumbered in title case, sentence case or ALL CAPS. These are tests on the line alone;
 * the parsers add what the neighbouring lines say (a heading is followed by text, is not one of a
 * run of short lines, does not cut a sentence).
 */
import {dashClass} from './dashes.js'
import {sectionNumber} from './section-number.js'

/** A heading's number as printed (`2.3`, `IV`, or null) and its title. */
export interface HeadingParts {
  number: string | null
  title: string
}

/** `2.3.` / `2.3` / `IV.` (and a `|` after it, as some journals print) then the title. Roman numbers need their period ("I think" is not one). */
const numberedLine = new RegExp(String.raw`^(?:(${sectionNumber})(\.?)|([IVX]{1,5})\.)(?:[ \t]+\|)?[ \t]+(\S.*)$`, 'u')
/** Figure and table labels and captions are never headings. */
const figureLabel = /^(?:(?:supplementa(?:ry|l)|appendix|extended\s+data)\s+)?(?:fig(?:ure)?s?|tables?|schemes?|charts?|plates?|panels?|videos?|movies?)\b\.?\s*(?:[A-Z]?\d|[IVX]+\b|S\d)/iu
/** What headings never hold: a citation bracket, a sentence end inside, a semicolon (keyword lists), math or statistics signs. */
const notInHeading = /\[\s*\d|[.!?]["'”’)\]]*\s+\S|[;=<>≤≥±%§|{}]|https?:|www\./u
/** A heading does not end in punctuation that a sentence or a list item ends in. */
const closingPunctuation = new RegExp(`[.,;:!?${dashClass}/([]$`, 'u')
/** A line that stops on one of these words was cut from a sentence. */
const danglingWords = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'to', 'for', 'with', 'by', 'from', 'at', 'as', 'and', 'or', 'but', 'nor', 'that', 'which', 'who', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'than', 'into', 'its', 'their', 'this', 'these', 'such'])
const minorWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'vs', 'versus', 'with', 'using', 'via', 'between', 'during', 'after', 'before', 'under', 'over', 'within', 'without', 'through', 'among', 'against', 'toward', 'towards', 'its', 'their', 'not'])

/** A first word in lower case; `iPSC`, `mRNA`, `hESCs` are names that start so and count as capitalised. */
const startsLowerCase = /^[^\p{L}\p{N}]*\p{Ll}(?!\p{Ll}*\p{Lu})/u

/** An auxiliary verb makes a line in sentence case a sentence that lacks its period, not a heading. */
const finiteVerb = /\s(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|does|do|did)\s/iu

/** Longest heading in characters and in words. */
const maxLength = 120
const maxWords = 14

/** The case a heading title is written in; lower case is one only after a number. */
export type HeadingCase = 'upper' | 'title' | 'sentence' | 'lower'

/** The case of a title: ALL CAPS, Title Case, Sentence case (first word capitalised) or lower case. */
export function headingCase(title: string): HeadingCase | undefined {
  const words = title.split(/\s+/u).filter((word) => /\p{L}/u.test(word))
  if (words.length === 0 || words.length > maxWords) return undefined
  if (/\p{L}{2}/u.test(title) && !/\p{Ll}/u.test(title)) return 'upper'
  if (startsLowerCase.test(words[0]!)) return 'lower'
  if (words.every((word) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(word) || minorWords.has(word.toLowerCase()))) return 'title'
  return 'sentence'
}

/** True when the title could head a section: short, no sentence inside, no closing punctuation, fewer than three commas (an address or a list). */
function isTitleText(title: string): boolean {
  if (title.length === 0 || title.length > maxLength) return false
  if (closingPunctuation.test(title) || notInHeading.test(title) || figureLabel.test(title)) return false
  if (!/\p{L}{2}/u.test(title) || /(?:,[^,]*){3}/u.test(title)) return false
  const last = /[\p{L}]+$/u.exec(title)?.[0]
  return !(last && danglingWords.has(last.toLowerCase()) && /\p{Ll}/u.test(last))
}

/**
 * A numbered heading line: `2.3. Mesenchymal stem cells`, `1 INTRODUCTION`, `IV. Results`. A title
 * in lower case needs the number's period or a dotted number (`1. introduction`, `2.1 methods`), so a
 * line that starts with a count (`12 patients`) is not one.
 */
export function numberedHeading(line: string): HeadingParts | undefined {
  const match = numberedLine.exec(line.trim())
  if (!match) return undefined
  const [, arabic, period, roman, rawTitle] = match
  const title = rawTitle!.trim()
  if (!isTitleText(title)) return undefined
  const kind = headingCase(title)
  if (!kind) return undefined
  if (kind === 'lower' && arabic && !period && !arabic.includes('.')) return undefined
  return {number: arabic ?? roman!, title}
}

/**
 * An unnumbered heading line: `Materials and methods`, `Cell Fate Determination`, `DISCUSSION`. It
 * starts with a capital letter (or a name such as `iPSC`, `mRNA`); a line in lower case is text, and
 * a figure label is a label.
 */
export function plainHeading(line: string): HeadingParts | undefined {
  const title = line.trim()
  if (!isTitleText(title) || numberedLine.test(title)) return undefined
  if (!/^(?:\p{Lu}|\p{Ll}{1,2}\p{Lu})/u.test(title)) return undefined
  const kind = headingCase(title)
  if (!kind || kind === 'lower' || (kind === 'sentence' && finiteVerb.test(title))) return undefined
  return {number: null, title}
}

/** A numbered or an unnumbered heading line. */
export function headingLine(line: string): HeadingParts | undefined {
  return numberedHeading(line) ?? plainHeading(line)
}

/** Depth of a numbered heading in mdast terms: `2` → 2, `2.3` → 3; roman and unnumbered → 2. */
export function headingDepth(number: string | null): 1 | 2 | 3 | 4 | 5 | 6 {
  if (number === null || !/^\d/u.test(number)) return 2
  return Math.min(6, number.split('.').length + 1) as 2 | 3 | 4 | 5 | 6
}

const sentenceEnd = /[.!?:]["'”’)\]]*$/u
const sentenceEndThenCitation = new RegExp(String.raw`[.!?]["'”’)]*\s?(?:\[[\d,\s${dashClass}]+\])+$`, 'u')

/**
 * True when `text` ends a sentence: a stop (closing quotes and brackets after it allowed), or a stop
 * followed by citation groups (`….[12]`, `…. [3, 4]`, `….[1][2]`).
 */
export function endsSentence(text: string): boolean {
  const end = text.trimEnd()
  return sentenceEnd.test(end) || sentenceEndThenCitation.test(end)
}
