import {bulletPositions, isSpace, outsideAtoms, outsideAtomsFilter, tableRows} from './text-units.js'

/**
 * Abbreviations of English and of scientific writing in general that end in a period without ending
 * a sentence. Lower-cased, without the final period. ("etc." is left out: it ends sentences as often
 * as not.) Dotted ones like `e.g`, `i.e`, `a.k.a` need no entry: any run of single letters joined by
 * periods is read as an abbreviation. A field's own (`sp.`, `spp.` in biology) come from the config
 * (`text.abbreviations`, {@link SplitOptions.abbreviations}).
 */
const abbreviations: ReadonlySet<string> = new Set([
  'al', 'vs', 'cf', 'ca', 'approx', 'dr', 'mr', 'mrs', 'ms', 'prof', 'fig', 'figs', 'no', 'nos', 'eq',
  'eqs', 'ref', 'refs', 'vol', 'pp', 'p', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'resp', 'viz',
  'ed', 'eds', 'tab', 'suppl', 'ch', 'sec', 'mol', 'wt', 'conc'
])

/**
 * English words that open sentences and are not names: after one of them, a single capital with a
 * period (`vitamin C. The`, `type I. However`) ends a sentence instead of being an initial.
 */
const sentenceOpeners = new Set([
  'a', 'after', 'all', 'although', 'an', 'as', 'at', 'because', 'before', 'both', 'but', 'by', 'despite', 'during',
  'finally', 'first', 'for', 'from', 'further', 'furthermore', 'here', 'however', 'if', 'in', 'it', 'its', 'many',
  'moreover', 'most', 'nevertheless', 'no', 'not', 'on', 'one', 'other', 'our', 'several', 'similarly', 'since',
  'some', 'such', 'that', 'the', 'their', 'then', 'there', 'therefore', 'these', 'they', 'this', 'those', 'thus',
  'to', 'we', 'when', 'whether', 'while', 'with'
])

/** A sentence-ending mark with any closing quotes or brackets after it. */
const terminal = /[.!?]["'”’)]*/g
/** What may open a sentence after white space: an opening quote or bracket, then a capital or a digit. */
const sentenceStart = /["'“‘(\[]?[\p{Lu}\p{N}]/uy
/** A lower-case word with a capital or digit in it opens a sentence too: `iPSCs`, `p53`, `mRNA`, `miR-125b`. */
const lowerCaseNameStart = /\p{Ll}+[\p{Lu}\p{N}]/uy
/** The word at the start of the next sentence, when it is a whole word (not an initial like `A.`). */
const nextWord = /\p{L}+(?![\p{L}.])/uy
/** A sentence glued to the period before it (`depleted.This`): a capital, then a lower-case letter. */
const gluedSentenceStart = /\p{Lu}\p{Ll}/uy
/** Letters joined by periods (`e.g`, `i.e`, `a.k.a`, `U.S`): an abbreviation, never a sentence end. */
const dottedLetters = /^(?:\p{L}\.)+\p{L}$/u
const initial = /^\p{Lu}$/u
/** The end of a lower-case word of two letters or more, as in the `depleted` of `depleted.This`. */
const lowerCaseWordEnd = /\p{Ll}{2}$/u
/** Opening punctuation taken off the front of the word before a period. */
const openingPunctuation = /^["'“‘(\[]+/

/** A range [start, end) of the text given to {@link splitSentences}. */
export interface SentenceRange {
  start: number
  end: number
}

/** Where the text holds inline nodes that the splitter must read as units rather than as characters. */
export interface SplitOptions {
  /**
   * The citation groups (the `citation` nodes the citations stage made), in order, as ranges of the
   * text. A group standing after a sentence's end mark (`….[12] Next`, `…. [12, 13] Next`,
   * `….[16][17] Next`) belongs to that sentence.
   */
  citations?: readonly SentenceRange[]
  /** Other inline nodes (emphasis, links, code), in order: a sentence never ends inside one. */
  atoms?: readonly SentenceRange[]
  /**
   * The field's abbreviations that end in a period without ending a sentence, lower case, without
   * the period (`spp`), besides the general ones.
   */
  abbreviations?: ReadonlySet<string>
}

/**
 * Splits prose into sentences. A period ends a sentence when white space and a capital letter, a
 * digit or an opening bracket follow (or, with no space, a capitalised word: `depleted.This`), and the
 * word before it is not an abbreviation ("et al.", "e.g.", "Dr.") or an initial. Citation groups after
 * the end mark stay with the sentence before it. Decimals ("0.3") never split: a digit follows their
 * period. A line of a plain-text table (columns set apart by runs of spaces) is a unit of its own, and
 * an item marked with a bullet glyph (`•`) starts one.
 * Runs in linear time: one pass over the end marks, with cursors over the sorted citations and atoms.
 */
export function splitSentences(text: string, options: SplitOptions = {}): SentenceRange[] {
  const ranges: SentenceRange[] = []
  terminal.lastIndex = 0
  const state: Cursors = {citation: 0, atom: 0, mark: terminal.exec(text)}
  const atoms = options.atoms ?? []
  const bullets = outsideAtoms(bulletPositions(text), atoms)
  let bullet = 0
  /** Splits `text[from, to)`, each bulleted item of it starting a unit of its own. */
  const splitItems = (from: number, to: number): void => {
    while (bullet < bullets.length && bullets[bullet]! <= from) bullet++
    for (; bullet < bullets.length && bullets[bullet]! < to; bullet++) {
      splitProse(text, from, bullets[bullet]!, options, state, ranges)
      from = bullets[bullet]!
    }
    splitProse(text, from, to, options, state, ranges)
  }
  let start = 0
  for (const row of tableRows(text).filter(outsideAtomsFilter(atoms))) {
    splitItems(start, row.start)
    pushTrimmed(text, row.start, row.end, ranges)
    start = row.end
  }
  splitItems(start, text.length)
  return ranges
}

/**
 * Where the splitter is: the next citation and atom to look at, and the next end mark. One search for
 * end marks runs through the whole text, across segments, so a segment without marks costs nothing.
 */
interface Cursors {
  citation: number
  atom: number
  mark: RegExpExecArray | null
}

/** Splits `text[from, to)` into sentences, appended to `ranges`; `state` holds the cursors. */
function splitProse(text: string, from: number, to: number, options: SplitOptions, state: Cursors, ranges: SentenceRange[]): void {
  const citations = options.citations ?? []
  const atoms = options.atoms ?? []
  let start = from
  while (state.mark && state.mark.index < from) state.mark = terminal.exec(text)
  for (; state.mark && state.mark.index < to; state.mark = terminal.exec(text)) {
    const match = state.mark
    const mark = match.index
    let end = Math.min(mark + match[0].length, to)
    while (state.atom < atoms.length && atoms[state.atom]!.end < end) state.atom++
    const atom = atoms[state.atom]
    if (atom && atom.start <= mark && end < atom.end) continue
    while (state.citation < citations.length && citations[state.citation]!.start < end) state.citation++
    let attached = false
    for (let next = skipSpace(text, end, to); state.citation < citations.length && citations[state.citation]!.start === next; next = skipSpace(text, end, to)) {
      end = citations[state.citation]!.end
      state.citation++
      attached = true
    }
    const next = skipSpace(text, end, to)
    if (next >= to) break
    if (!startsSentence(text, end, next, mark)) continue
    if (isListMarker(text, start, mark)) continue
    // A callout between the period and a capital closes the sentence even after "et al.": nothing
    // else puts a citation between an abbreviation and the word it abbreviates for.
    if (!attached && text[mark] === '.' && isAbbreviation(wordBefore(text, Math.max(start, from), mark), text, next, options.abbreviations)) continue
    if (attached) terminal.lastIndex = end
    pushTrimmed(text, start, end, ranges)
    start = end
  }
  pushTrimmed(text, start, to, ranges)
}

/** A list item's number or roman numeral (`1.`, `12.`, `iv.`) opening it: part of the item, not a sentence. */
const listMarker = /^\s*(?:\d{1,3}|[ivx]{1,4}|[IVX]{1,4})$/

/** Whether everything from the sentence start to the period at `mark` is a list marker. */
function isListMarker(text: string, start: number, mark: number): boolean {
  return text[mark] === '.' && mark - start <= 8 && listMarker.test(text.slice(start, mark))
}

/** Whether a sentence starts at `next`, after a sentence end at `end` (its mark at `mark`). */
function startsSentence(text: string, end: number, next: number, mark: number): boolean {
  if (next > end) {
    sentenceStart.lastIndex = next
    lowerCaseNameStart.lastIndex = next
    return sentenceStart.test(text) || lowerCaseNameStart.test(text)
  }
  if (text[mark] !== '.') return false
  gluedSentenceStart.lastIndex = next
  return gluedSentenceStart.test(text) && lowerCaseWordEnd.test(text.slice(Math.max(0, mark - 2), mark))
}

/** Longer words are never abbreviations; the cap keeps the look-back short on text without spaces. */
const maxAbbreviationLength = 24

/**
 * The run of non-space characters before `end` (not before `from`), opening punctuation taken off;
 * empty when it is longer than any abbreviation.
 */
function wordBefore(text: string, from: number, end: number): string {
  let index = end
  while (index > from && !isSpace(text.charCodeAt(index - 1))) {
    if (end - index > maxAbbreviationLength) return ''
    index--
  }
  return text.slice(index, end).replace(openingPunctuation, '')
}

/**
 * Whether `word`, just before a period, is an abbreviation or an initial, given the text of what would
 * be the next sentence at `next`: a capital before a word like "The" or "However" is not an initial.
 */
function isAbbreviation(word: string, text: string, next: number, extra: ReadonlySet<string> | undefined): boolean {
  if (word === '') return false
  if (initial.test(word)) {
    nextWord.lastIndex = next
    const following = nextWord.exec(text)?.[0]
    return !(following && sentenceOpeners.has(following.toLowerCase()))
  }
  if (dottedLetters.test(word)) return true
  const lower = word.toLowerCase()
  return abbreviations.has(lower) || (extra?.has(lower) ?? false)
}

function skipSpace(text: string, index: number, to: number): number {
  while (index < to && isSpace(text.charCodeAt(index))) index++
  return index
}

function pushTrimmed(text: string, start: number, end: number, ranges: SentenceRange[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--
  if (end > start) ranges.push({start, end})
}
