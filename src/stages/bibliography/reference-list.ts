import {sectionNumber} from '../parse/section-number.js'

/** A line of the input: its text without the line ending, and its offset in the input. */
export interface ListLine {
  text: string
  offset: number
}

/** One entry of a document's own numbered reference list. */
export interface ReferenceListEntry {
  number: number
  /** The entry as printed, without its number label, lines joined (see `joinEntryLines`). */
  raw: string
  doi: string | null
  pmid: string | null
  year: number | null
  /** Offsets of the entry (label included) in the input: [start, end). */
  start: number
  end: number
}

/** The reference list found at a "References" heading. */
export interface ReferenceList {
  /** Offset of the heading line in the input. */
  start: number
  /** Offset just after the last entry. */
  end: number
  entries: ReferenceListEntry[]
}

declare module 'mdast' {
  interface RootData {
    /** The document's own numbered reference list, taken out of the body by the PDF-text parser. */
    referenceList?: ReferenceList
  }
}

const headingLine = new RegExp(String.raw`^\s*(?:${sectionNumber}\.?\s+)?(?:references?|bibliography|literature cited|cited literature|references and notes|works cited)\s*:?\s*$`, 'i')
/** A reference list's heading line (`References`, `6. References`, `Bibliography`), for the other list layouts. */
export const referenceListHeading: RegExp = headingLine
/**
 * `1. Author`, `1) Author`, `[1] Author`, or `[1]` alone on its line (its text on the next lines, or
 * none: an endnote whose text was lost); the number is checked against the expected one.
 */
const entryStart = /^\s*(?:\[(\d{1,4})\]\s*(?=\S|$)|(\d{1,4})[.)]\s*(?=\S))/
/** A short line in title case without closing punctuation after a blank line: a new section. */
const sectionLike = new RegExp(String.raw`^\s*(?:${sectionNumber}\.?\s+)?\p{Lu}[^.;:,]{0,60}$`, 'u')

/**
 * Finds a numbered reference list — a line "References" (or "6. References", "Bibliography"…) then
 * entries "1. …" or "[1] …" numbered from 1, each possibly wrapped over lines — in blocks of lines
 * (paragraphs between blank lines), and takes it out. The list ends at the last line of the input
 * or at a block after a blank line that is neither the next entry nor a continuation (a short
 * title-case line such as "Figures"). Returns the blocks without the list, and the list. A list
 * without a heading is `takeTrailingEndnotes`'s, which callers try after every list under a heading.
 */
export function takeReferenceList<L extends ListLine>(blocks: readonly L[][]): {blocks: L[][]; list?: ReferenceList} {
  const found = locate(blocks)
  if (!found) return {blocks: blocks.map((block) => [...block])}
  const {blocks: rest, list} = takeFrom(blocks, found.block, found.line, found.line + 1)
  return list ? {blocks: rest, list} : {blocks: rest}
}

/**
 * The list whose heading (or, without one, first entry) is line `startLine` of block `startBlock`,
 * its entries read from line `firstEntryLine` of that block on.
 */
function takeFrom<L extends ListLine>(blocks: readonly L[][], startBlock: number, startLine: number, firstEntryLine: number): {blocks: L[][]; list?: ReferenceList; entries: Array<{number: number; lines: L[]}>; endBlock: number} {
  const entries: Array<{number: number; lines: L[]}> = []
  let endBlock = blocks.length
  let endLine = 0
  outer: for (let b = startBlock; b < blocks.length; b++) {
    const block = blocks[b]!
    for (let l = b === startBlock ? firstEntryLine : 0; l < block.length; l++) {
      const line = block[l]!
      const match = entryStart.exec(line.text)
      const number = match ? Number(match[1] ?? match[2]) : undefined
      if (number === entries.length + 1) {
        entries.push({number, lines: [line]})
      } else if (l === 0 && b > startBlock && sectionLike.test(line.text) && !/[-/]$/.test(entries.at(-1)?.lines.at(-1)?.text.trimEnd() ?? '')) {
        endBlock = b
        endLine = 0
        break outer
      } else if (entries.length > 0) {
        entries.at(-1)!.lines.push(line)
      }
    }
  }
  if (entries.length === 0) return {blocks: blocks.map((block) => [...block]), entries, endBlock}
  const before = blocks.slice(0, startBlock).map((block) => [...block])
  const startRest = blocks[startBlock]!.slice(0, startLine)
  if (startRest.length > 0) before.push(startRest)
  const after = blocks.slice(endBlock).map((block, index) => (index === 0 ? block.slice(endLine) : [...block])).filter((block) => block.length > 0)
  const last = entries.at(-1)!.lines.at(-1)!
  return {
    blocks: [...before, ...after],
    list: {
      start: blocks[startBlock]![startLine]!.offset,
      end: last.offset + last.text.trimEnd().length,
      entries: entries.map(({number, lines}) => toEntry(number, lines))
    },
    entries,
    endBlock
  }
}

/** `[n]` opening a line: an endnote's label. */
const endnoteLabel = /^\s*\[\d{1,4}\]/
/** Fewest endnotes taken for a list without a heading: one or two `[n]` paragraphs may be prose opening with a callout. */
const minimumEndnotes = 3

/**
 * Takes out the endnotes that close the input with no heading of their own, as `takeReferenceList`
 * takes a list under a heading: from a block opening with `[1]` to the last block, every block opens
 * with the next entry's label, `[1]`, `[2]`, … (a block may hold more entries and an entry's wrapped
 * lines, as under a heading), and there are at least `minimumEndnotes` entries. Pandoc writes the notes of a converted web page so, after the page's
 * last sections ("See also", "External links"), and a heading is easily lost in extraction. Only the
 * bracketed label: `1.` opening the last paragraphs is as likely a numbered conclusion.
 */
export function takeTrailingEndnotes<L extends ListLine>(blocks: readonly L[][]): {blocks: L[][]; list?: ReferenceList} {
  let first = blocks.length
  while (first > 0 && endnoteLabel.test(blocks[first - 1]![0]!.text)) first--
  for (let b = first; b < blocks.length; b++) {
    if (entryStart.exec(blocks[b]![0]!.text)?.[1] !== '1') continue
    const {blocks: rest, list, entries, endBlock} = takeFrom(blocks, b, 0, 0)
    if (!list || endBlock !== blocks.length || entries.length < minimumEndnotes) continue
    const openers = new Set(entries.map((entry) => entry.lines[0]))
    // `[2]` then `3. …` on the next line is not a run of endnotes.
    const labelled = entries.every((entry) => endnoteLabel.test(entry.lines[0]!.text))
    if (labelled && blocks.slice(b).every((block) => openers.has(block[0]!))) return {blocks: rest, list}
  }
  return {blocks: blocks.map((block) => [...block])}
}

/** The last "References" heading line followed (after blank lines) by an entry numbered 1. */
function locate(blocks: readonly ListLine[][]): {block: number; line: number} | undefined {
  return locateListHeading(blocks, (text) => {
    const match = entryStart.exec(text)
    return match !== null && Number(match[1] ?? match[2]) === 1
  })
}

/**
 * The last "References" heading line (block and line index) whose next line, after blank lines,
 * `startsList` accepts as a list's first entry: numbered and alphabetical lists differ only there.
 */
export function locateListHeading(blocks: readonly ListLine[][], startsList: (text: string) => boolean): {block: number; line: number} | undefined {
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b]!
    for (let l = block.length - 1; l >= 0; l--) {
      if (!headingLine.test(block[l]!.text)) continue
      const next = l + 1 < block.length ? block[l + 1] : blocks[b + 1]?.[0]
      if (next && startsList(next.text)) return {block: b, line: l}
    }
  }
  return undefined
}

function toEntry(number: number, lines: readonly ListLine[]): ReferenceListEntry {
  const first = lines[0]!
  const label = entryStart.exec(first.text)![0]
  const start = first.offset + (first.text.length - first.text.trimStart().length)
  const last = lines.at(-1)!
  const raw = joinEntryLines([first.text.slice(label.length), ...lines.slice(1).map((line) => line.text)])
  return {number, raw, ...identifiers(raw), start, end: last.offset + last.text.trimEnd().length}
}

/**
 * Joins the lines of an entry: trimmed, separated by one space, except after a line ending in a
 * hyphen or a slash, where PDF extraction broke a word, a DOI or a URL (`10.1111/j.1600-` + `0528…`).
 */
export function joinEntryLines(lines: readonly string[]): string {
  let out = ''
  for (const line of lines) {
    const text = line.trim().replace(/\s+/g, ' ')
    if (text === '') continue
    out += out === '' || /[-/\u2010]$/.test(out) ? text : ` ${text}`
  }
  return out
}

const doiPattern = /\b10\.\d{4,9}\/[^\s"<>]+/i
const pmidPattern = /\bPMID:?\s*(\d{1,9})\b/i

/** DOI, PMID and year of a printed reference, where present. */
export function identifiers(raw: string): {doi: string | null; pmid: string | null; year: number | null} {
  const doi = cleanDoi(doiPattern.exec(raw)?.[0])
  const pmid = pmidPattern.exec(raw)?.[1] ?? null
  // Look for the year away from identifiers, whose digits could pass for one.
  let rest = raw.replace(doiPattern, ' ').replace(/\bPMID:?\s*\d+/gi, ' ').replace(/https?:\/\/\S+/g, ' ')
  rest = rest.replace(/\bPMCID:?\s*PMC\d+/gi, ' ')
  const year = /\((1[89]\d\d|20\d\d)[a-z]?\)/.exec(rest)?.[1] ?? /\b(1[89]\d\d|20\d\d)[a-z]?(?=\s*[;:,.)]|\s*$)/.exec(rest)?.[1] ?? /\b(1[89]\d\d|20\d\d)\b/.exec(rest)?.[1]
  return {doi, pmid, year: year === undefined ? null : Number(year)}
}

function cleanDoi(doi: string | undefined): string | null {
  if (!doi) return null
  let out = doi.replace(/[.,;:]+$/, '')
  // A closing parenthesis or bracket belongs to the DOI only when the DOI opened it.
  while (/[)\]]$/.test(out) && count(out, out.endsWith(')') ? '(' : '[') < count(out, out.at(-1)!)) out = out.slice(0, -1).replace(/[.,;:]+$/, '')
  return out
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}
