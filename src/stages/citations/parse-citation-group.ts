import type {DiagnosticCode} from '../../diagnostics.js'
import type {CitationData} from '../../types.js'
import {dashClass, dashes} from '../parse/dashes.js'

/** Every dash a journal prints as a range sign: hyphen, hyphen variants, en dash, em dash, minus. */
export const rangeDashes = dashes

const item = `\\d+(?:\\s*[${rangeDashes}]\\s*\\d+)?`
/** The inside of a citation group: numbers and ranges separated by commas or semicolons. */
const groupBody = new RegExp(`^\\s*${item}(?:\\s*[,;]\\s*${item})*\\s*$`)
/**
 * Only digits, white space, separators and dashes. The dashes are escaped: unescaped, `;-\u2010` would
 * be a character range taking in every letter. Tested together with `/\d/` rather than as one
 * `^[…]*\d[…]*$`, whose backtracking is quadratic in the length of a near-miss like `1,1,…,1x`.
 */
const citationChars = new RegExp(`^[\\d\\s,;${dashClass}]+$`)
/** Longest text between brackets read as a citation group; longer ones are reported, not expanded. */
export const maxGroupBodyLength = 10_000
const rangeSplit = new RegExp(`\\s*[${rangeDashes}]\\s*`)

export interface ParseCitationOptions {
  /** A range covering more numbers than this makes the group invalid. */
  maxRange: number
}

/** Why a citation group is invalid; the codes are the diagnostics' `ruleId`s. */
export type CitationProblem =
  | {code: 'citation-reversed-range'; message: string}
  | {code: 'citation-range-too-wide'; message: string}
  | {code: 'citation-number-invalid'; message: string}

export interface ParsedCitationGroup {
  /** Expanded numbers in the order written, without repeats; empty when invalid. */
  numbers: number[]
  valid: boolean
  problem?: CitationProblem
  /** What the syntax adds to the `citation` node's data (an author–year callout: its cites as written; a pandoc citation: its keys and form). */
  data?: Pick<CitationData, 'authorYear' | 'pandoc'>
  /**
   * Problems that leave the group valid, reported where it stands: an author–year cite among others
   * that names no entry, or several.
   */
  notes?: Array<{code: DiagnosticCode; message: string}>
}

/** Whether the text between brackets is a citation group (`19, 21-23`). */
export function isCitationBody(body: string): boolean {
  return body.length < maxGroupBodyLength && groupBody.test(body)
}

/** Whether a text holds only what a citation group holds (digits, separators, dashes) and a digit. */
export function isCitationLike(body: string): boolean {
  return citationChars.test(body) && /\d/.test(body)
}

/**
 * Whether the text between brackets looks like a citation group but is malformed (`1,,2`, `3-`), or
 * is too long to be one.
 */
export function isMalformedCitationBody(body: string): boolean {
  return isCitationLike(body) && !isCitationBody(body)
}

/**
 * Expands the inside of a citation group (`19, 21-23` → 19, 21, 22, 23). A reversed range, a range
 * wider than `maxRange`, or a number that is zero or too large makes the group invalid.
 */
export function parseCitationGroup(body: string, options: ParseCitationOptions): ParsedCitationGroup {
  const numbers: number[] = []
  const seen = new Set<number>()
  const add = (n: number): void => {
    if (!seen.has(n)) {
      seen.add(n)
      numbers.push(n)
    }
  }
  for (const part of body.split(/[,;]/)) {
    const [first, last] = part.trim().split(rangeSplit) as [string, string | undefined]
    const from = toNumber(first)
    const to = last === undefined ? from : toNumber(last)
    if (from === undefined || to === undefined) {
      return invalid({code: 'citation-number-invalid', message: `citation number "${(from === undefined ? first : last)!.slice(0, 20)}" is not a reference number`})
    }
    if (to < from) {
      return invalid({code: 'citation-reversed-range', message: `reversed citation range ${from}–${to}`})
    }
    if (to - from + 1 > options.maxRange) {
      return invalid({code: 'citation-range-too-wide', message: `citation range ${from}–${to} spans ${to - from + 1} references, more than the limit of ${options.maxRange}`})
    }
    for (let n = from; n <= to; n++) add(n)
  }
  return {numbers, valid: true}
}

function invalid(problem: CitationProblem): ParsedCitationGroup {
  return {numbers: [], valid: false, problem}
}

/** A positive safe integer, or undefined (`0`, `007` is fine, a 20-digit number is not). */
function toNumber(digits: string): number | undefined {
  if (!/^\d{1,15}$/.test(digits)) return undefined
  const n = Number(digits)
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined
}
