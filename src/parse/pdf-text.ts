import type {Heading, Paragraph, Root, RootContent, Text} from 'mdast'
import type {Point, Position} from 'unist'
import {location} from 'vfile-location'
import {endsSentence, headingCase, headingDepth, headingLine, numberedHeading, plainHeading, type HeadingParts} from './heading-line.js'
import {collectVocabulary, keepLineEndHyphen, type Vocabulary} from './hyphenation.js'
import {OffsetMap, OffsetMapBuilder} from './offset-map.js'
import {takeAlphabeticalReferenceList} from './alphabetical-reference-list.js'
import {takeReferenceList} from './reference-list.js'
import {pushAll} from '../push-all.js'

/** One line of the input: its text without the line ending, and where it starts. */
interface Line {
  text: string
  offset: number
}

/** Lines between blank lines. */
type Block = Line[]

/** A block's first line starts with a section number and a word. */
const numberedStart = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+\p{L}/u
/** A run-in heading opens a paragraph: number, a short title, a period, then the text. */
const runInHeading = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+(\p{L}[\p{L}\p{N}'’-]*(?:[ \t]+[\p{L}\p{N}'’-]+){0,9}?)\.[ \t]+(?=\S)/u
const lineBreak = /\r\n|\r|\n/g
const dashes = '-\u2010\u2011\u2012\u2013\u2014\u2212'

/** What a field adds to the parsing of its PDF text. */
export interface PdfTextOptions {
  /**
   * Second parts of hyphenated compounds in the field's writing, lower case (`expressing` in
   * `CD34-/expressing`): a hyphen at a line end before one is kept (config `text.compoundHeads`).
   */
  compoundHeads?: ReadonlySet<string>
}

/**
 * Parses text extracted from a PDF into an mdast tree: a title, numbered headings (also wrapped over
 * two lines, and run-in headings that open a paragraph) and paragraphs rejoined across page breaks,
 * with line-end hyphenation repaired. Every node has a position in `text`; every text node carries
 * an `OffsetMap` from its cleaned value back to `text`.
 */
export function pdfTextParse(text: string, options: PdfTextOptions = {}): Root {
  // The document's own reference list is data, not prose: it goes to `root.data`, not the body.
  const numbered = takeReferenceList(splitBlocks(text))
  const taken = numbered.list ? numbered : takeAlphabeticalReferenceList(numbered.blocks)
  const referenceList = taken.list
  const splitOff = new Set<Block>()
  const blocks: Block[] = []
  for (const block of withoutRunningHeads(taken.blocks)) {
    if (block.length < 2) blocks.push(block)
    else for (const part of splitOffHeadingLines(block, splitOff)) blocks.push(part)
  }
  const headings = findHeadings(blocks, splitOff)
  const words = collectVocabulary(text)
  const vocabulary: Vocabulary = options.compoundHeads ? {has: (word) => words.has(word), compoundHeads: options.compoundHeads} : words
  const place = location(text)
  const point = (offset: number): Point => {
    const p = place.toPoint(offset)
    return p ? {line: p.line, column: p.column, offset} : endPoint(text)
  }
  const children: RootContent[] = []
  let paragraph: Line[] | undefined

  const flush = (): void => {
    if (paragraph) pushAll(children, buildParagraph(paragraph, vocabulary, point))
    paragraph = undefined
  }

  for (const [index, block] of blocks.entries()) {
    const heading = headings[index]
    if (heading) {
      flush()
      children.push(buildHeading(block, heading, vocabulary, point))
      continue
    }
    if (paragraph && continuesParagraph(paragraph, block)) pushAll(paragraph, block)
    else {
      flush()
      paragraph = [...block]
    }
  }
  flush()

  return {
    type: 'root',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: endPoint(text)},
    ...(referenceList ? {data: {referenceList}} : {})
  }
}

function endPoint(text: string): Point {
  const lines = text.split(lineBreak)
  return {line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length}
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let current: Block = []
  let offset = 0
  lineBreak.lastIndex = 0
  for (;;) {
    const match = lineBreak.exec(text)
    const end = match ? match.index : text.length
    const line = {text: text.slice(offset, end), offset}
    if (line.text.trim() === '') {
      if (current.length > 0) blocks.push(current)
      current = []
    } else current.push(line)
    if (!match) break
    offset = end + match[0].length
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

/** A heading found in the blocks, with its depth (1 for the document title). */
interface FoundHeading extends HeadingParts {
  depth: Heading['depth']
}

/**
 * Which blocks are headings. The first block may be the title. A numbered block reads as a heading
 * on its own; an unnumbered line (see `plainHeading`) when the text after it does not continue a
 * sentence in lower case, and, in sentence case, when it follows the end of a sentence or another
 * heading. Short lines in a row are a list, not headings: three or more unnumbered ones, or two
 * numbered ones of the same depth.
 */
function findHeadings(blocks: Block[], splitOff: Set<Block>): (FoundHeading | undefined)[] {
  const found: (FoundHeading | undefined)[] = blocks.map((block, index) => {
    const next = blocks[index + 1]
    if (index === 0 && next) {
      const title = asTitle(block, next)
      if (title) return {...title, depth: 1}
    }
    const numbered = asNumberedHeading(block)
    if (numbered) return {...numbered, depth: headingDepth(numbered.number)}
    const plain = next && !/^\s*\p{Ll}/u.test(next[0]!.text) ? asPlainHeading(block) : undefined
    return plain ? {...plain, depth: headingDepth(null)} : undefined
  })
  for (let start = 0; start < found.length; ) {
    let end = start
    while (end < found.length && found[end] && found[end]!.depth > 1) end++
    if (end - start >= 2) dropListRun(found, start, end)
    start = end + 1
  }
  // An unnumbered line in sentence case after text that does not end a sentence may be that text's
  // last line, cut by a page break; not so a line in Title Case or capitals, nor a short line taken
  // off the text it heads (a page's first line is a full one).
  for (const [index, heading] of found.entries()) {
    if (!heading || heading.number !== null || heading.depth === 1 || index === 0) continue
    if (found[index - 1] || splitOff.has(blocks[index]!) || headingCase(heading.title) !== 'sentence') continue
    const last = blocks[index - 1]!.at(-1)!.text.trimEnd()
    if (!endsSentence(last)) found[index] = undefined
  }
  return found
}

/**
 * Drops the running heads and feet of the pages ("Stem Cells International", "Page 3"): a line that
 * stands alone three times or more, page numbers aside, without ending a sentence. They are not
 * headings, and without them a paragraph cut by a page break is rejoined. A line that opens with a
 * dotted section number (`2.3 Methods`) is a heading, however often it repeats: page numbers are
 * whole numbers.
 */
function withoutRunningHeads(blocks: Block[]): Block[] {
  const keys = blocks.map((block) => {
    const line = block.length === 1 ? block[0]!.text : ''
    return line.length > 0 && line.length <= 160 && /\p{L}/u.test(line) && !endsSentence(line) && !/^\s*\d+\.\d/.test(line) ? line.toLowerCase().replace(/\d+/g, '').replace(/\s+/g, ' ').trim() : undefined
  })
  const counts = new Map<string, number>()
  for (const key of keys) if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1)
  if (![...counts.values()].some((count) => count >= 3)) return blocks
  return blocks.filter((_, index) => keys[index] === undefined || counts.get(keys[index]!)! < 3)
}

/** Drops the headings of a run that reads as a list: its numbered items share a depth, or it is three unnumbered lines or more. */
function dropListRun(found: (FoundHeading | undefined)[], start: number, end: number): void {
  const run = found.slice(start, end) as FoundHeading[]
  const plain = run.filter((heading) => heading.number === null).length
  const sameDepth = run.some((heading, i) => i > 0 && heading.number !== null && run[i - 1]!.number !== null && heading.depth === run[i - 1]!.depth)
  if (plain < 3 && !sameDepth) return
  for (let i = start; i < end; i++) if (plain >= 3 ? found[i]!.number === null : true) found[i] = undefined
}

/** A short first block (at most three lines) without closing punctuation is the document title. */
function asTitle(block: Block, next: Block): HeadingParts | undefined {
  if (block.length > 3) return undefined
  const title = block.map((line) => line.text.trim()).join(' ')
  if (title.length > 250 || /[,;]$/.test(title) || endsSentence(title) || /\[\s*\d/.test(title) || !/\s/.test(title) || numberedStart.test(title)) return undefined
  // A sentence end inside, or a next block that starts in lower case, makes it prose cut by a page break.
  if (/[.!?]\s/.test(title) || /^\s*\p{Ll}/u.test(next[0]!.text)) return undefined
  return {number: null, title}
}

/** A numbered block of at most three short lines without closing punctuation (a heading may wrap); a second numbered line makes it a list. */
function asNumberedHeading(block: Block): HeadingParts | undefined {
  if (block.length > 3 || block.slice(1).some((line) => numberedStart.test(line.text.trimStart()))) return undefined
  const whole = block.map((line) => line.text.trim()).join(' ')
  if (whole.length > 160) return undefined
  return numberedHeading(whole)
}

/** An unnumbered heading is one line, or two when it wraps (a heading is short: two lines of prose are not). */
function asPlainHeading(block: Block): HeadingParts | undefined {
  if (block.length > 2) return undefined
  return plainHeading(block.map((line) => line.text.trim()).join(' '))
}

/**
 * A heading line followed by its text in the same block ("Methods" and then the paragraph, with no
 * blank line between) becomes a block of its own. The line opens the block or follows a sentence
 * end, is much shorter than the block's text lines, and text ending a sentence follows it; a block
 * that is one heading wrapped over lines stays whole. The lines taken off are added to `splitOff`.
 */
function splitOffHeadingLines(block: Block, splitOff: Set<Block>): Block[] {
  if (block.length < 2 || asNumberedHeading(block) || asPlainHeading(block)) return [block]
  let longest = 0
  for (const line of block) longest = Math.max(longest, line.text.length)
  // Only a short line can be a heading: most blocks have none but their last, which is never taken off.
  const short = longest * 0.6
  let lastSentenceEnd: number | undefined
  const parts: Block[] = []
  let from = 0
  for (let i = 0; i < block.length - 1; i++) {
    if (block[i]!.text.length > short || (i > 0 && !endsSentence(block[i - 1]!.text))) continue
    if (!/^[\p{Lu}\p{N}[("“]/u.test(block[i + 1]!.text.trimStart())) continue
    lastSentenceEnd ??= lastSentenceEndIn(block)
    const line = block[i]!.text.trim()
    if (lastSentenceEnd <= i) continue
    // In running text a lower-case line after a number is more likely a quantity ("2.5 mg was given").
    const found = headingLine(line)
    if (!found || headingCase(found.title) === 'lower') continue
    if (i > from) parts.push(block.slice(from, i))
    const heading = [block[i]!]
    splitOff.add(heading)
    parts.push(heading)
    from = i + 1
  }
  parts.push(block.slice(from))
  return parts
}

/**
 * A page break leaves a blank line inside a paragraph: the text before it does not end a sentence, or
 * the text after it starts in lower case.
 */
function continuesParagraph(previous: Line[], block: Block): boolean {
  const last = previous[previous.length - 1]!.text.trimEnd()
  const first = block[0]!.text.trimStart()
  if (numberedStart.test(first) && runInHeading.test(first)) return false
  return !endsSentence(last) || /^\p{Ll}/u.test(first)
}

function buildHeading(
  block: Block,
  parts: FoundHeading,
  vocabulary: Vocabulary,
  point: (offset: number) => Point
): Heading {
  const {text, position} = cleanLines(block, vocabulary, point)
  return {
    type: 'heading',
    depth: parts.depth,
    children: [text],
    position,
    data: {number: parts.number, title: cleanTitle(text.value, parts.number)}
  }
}

function cleanTitle(value: string, number: string | null): string {
  const title = number === null ? value : value.replace(/^\S+\s+(?:\|\s+)?/, '')
  return title.replace(/\.$/, '')
}

/** A paragraph, or a run-in heading followed by the paragraph it opens. */
function buildParagraph(lines: Line[], vocabulary: Vocabulary, point: (offset: number) => Point): RootContent[] {
  const {text, position} = cleanLines(lines, vocabulary, point)
  const match = runInHeading.exec(text.value)
  // Subsection numbers (`2.3`) are heading enough; a bare `5.` needs a title in Title Case or capitals.
  if (!match || !(match[1]!.includes('.') || isCapitalised(match[2]!))) return [{type: 'paragraph', children: [text], position}]
  const map = text.data!.offsetMap!
  const headingEnd = match[1]!.length + match[0].slice(match[1]!.length).trimEnd().length
  const headingText = textNode(text.value.slice(0, headingEnd), map.slice(0, headingEnd), point)
  const rest = textNode(text.value.slice(match[0].length), map.slice(match[0].length, text.value.length), point)
  const heading: Heading = {
    type: 'heading',
    depth: Math.min(6, match[1]!.split('.').length + 1) as Heading['depth'],
    children: [headingText],
    position: headingText.position!,
    data: {number: match[1]!, title: match[2]!, runIn: true}
  }
  const paragraph: Paragraph = {type: 'paragraph', children: [rest], position: rest.position!}
  return [heading, paragraph]
}

/** Index of the block's last line that ends a sentence, or -1. */
function lastSentenceEndIn(block: Block): number {
  for (let i = block.length - 1; i >= 0; i--) if (endsSentence(block[i]!.text)) return i
  return -1
}

/** Title Case or ALL CAPS: what a run-in title after a bare `5.` must be, to tell it from a list item. */
function isCapitalised(title: string): boolean {
  const kind = headingCase(title)
  return kind === 'title' || kind === 'upper'
}

function textNode(value: string, map: OffsetMap, point: (offset: number) => Point): Text {
  return {
    type: 'text',
    value,
    position: {start: point(map.toOriginal(0)), end: point(map.toOriginalEnd(value.length))},
    data: {offsetMap: map}
  }
}

/**
 * Joins lines into one cleaned string: leading and trailing spaces dropped, runs of white space
 * folded into one space, line breaks into a space, and line-end hyphenation repaired.
 */
function cleanLines(
  lines: Line[],
  vocabulary: Vocabulary,
  point: (offset: number) => Point
): {text: Text; position: Position} {
  const builder = new OffsetMapBuilder()
  for (const [index, line] of lines.entries()) {
    const leading = line.text.length - line.text.trimStart().length
    const content = line.text.trim()
    const start = line.offset + leading
    if (index > 0 && builder.size > 0) {
      const join = joinLines(builder.lastChar(), lines[index - 1]!.text.trimEnd(), content, vocabulary)
      if (join === 'drop-hyphen') builder.dropLast()
      else if (join === 'space') builder.insert(' ', line.offset - 1)
    }
    copyFoldingSpace(builder, content, start)
  }
  const {text, map} = builder.build()
  const node = textNode(text, map, point)
  return {text: node, position: node.position!}
}

/** White space other than a lone space: a run of two or more, or one tab, line break, no-break space… */
const foldedSpace = /\s{2,}|[^\S ]/g

/**
 * Appends `content` (copied from the original at `start`) with every run of white space folded into
 * one space. A lone space already is one, so the text is copied in as few pieces as there are other
 * runs: usually the whole line at once.
 */
function copyFoldingSpace(builder: OffsetMapBuilder, content: string, start: number): void {
  let copied = 0
  foldedSpace.lastIndex = 0
  for (let match = foldedSpace.exec(content); match; match = foldedSpace.exec(content)) {
    builder.copy(content.slice(copied, match.index), start + copied)
    builder.insert(' ', start + match.index)
    copied = match.index + match[0].length
  }
  builder.copy(content.slice(copied), start + copied)
}

type Join = 'space' | 'none' | 'drop-hyphen'

function joinLines(lastChar: string, previous: string, next: string, vocabulary: Vocabulary): Join {
  if (!dashes.includes(lastChar)) return 'space'
  // A dash set off by a space ("0.78 –/0.90") keeps its spacing on both sides.
  if (/\s\S$/.test(previous)) return 'space'
  // The lookbehind lets the search start only at a word's first letter: without it every position of
  // a long word ending in `--` starts a scan to the line end, quadratic in the word's length.
  const before = /(?<![\p{L}\p{N}])([\p{L}\p{N}]+)[-\u2010\u2011\u2012\u2013\u2014\u2212]$/u.exec(previous)?.[1]
  const after = /^[\p{L}\p{N}]+/u.exec(next)?.[0]
  if (!before || !after) return /^[\p{L}\p{N}]/u.test(next) && lastChar !== '-' ? 'none' : 'space'
  // Only a plain hyphen splits words; a dash between numbers is a range (`[304—/306]`).
  if (lastChar !== '-' && lastChar !== '\u2010') return 'none'
  return keepLineEndHyphen(before, after, vocabulary) ? 'none' : 'drop-hyphen'
}
