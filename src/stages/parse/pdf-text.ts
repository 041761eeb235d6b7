import type {Heading, Paragraph, Root, RootContent} from 'mdast'
import type {Point} from 'unist'
import {location} from 'vfile-location'
import {cleanLines, textNode, type Block, type Line} from './clean-lines.js'
import {endsSentence, headingCase} from './heading-line.js'
import {collectVocabulary, type Vocabulary} from './hyphenation.js'
import {findHeadings, numberedStart, splitOffHeadingLines, withoutRunningHeads, type FoundHeading} from './pdf-headings.js'
import {sectionNumber} from './section-number.js'
import {takeAlphabeticalReferenceList} from '../bibliography/alphabetical-reference-list.js'
import {takeReferenceList, takeTrailingEndnotes} from '../bibliography/reference-list.js'
import {pushAll} from '../../push-all.js'

/** A run-in heading opens a paragraph: number, a short title, a period, then the text. */
const runInHeading = new RegExp(String.raw`^(${sectionNumber})\.?[ \t]+(\p{L}[\p{L}\p{N}'’-]*(?:[ \t]+[\p{L}\p{N}'’-]+){0,9}?)\.[ \t]+(?=\S)`, 'u')
const lineBreak = /\r\n|\r|\n/g

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
  // Lists under a heading first, numbered then alphabetical; endnotes without one only after both.
  const numbered = takeReferenceList(splitBlocks(text))
  const alphabetical = numbered.list ? numbered : takeAlphabeticalReferenceList(numbered.blocks)
  const taken = alphabetical.list ? alphabetical : takeTrailingEndnotes(alphabetical.blocks)
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

/** Title Case or ALL CAPS: what a run-in title after a bare `5.` must be, to tell it from a list item. */
function isCapitalised(title: string): boolean {
  const kind = headingCase(title)
  return kind === 'title' || kind === 'upper'
}

