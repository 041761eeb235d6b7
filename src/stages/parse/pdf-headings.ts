import type {Heading} from 'mdast'
import type {Block} from './clean-lines.js'
import {endsSentence, headingCase, headingDepth, headingLine, numberedHeading, plainHeading, type HeadingParts} from './heading-line.js'
import {sectionNumber} from './section-number.js'

/** A block's first line starts with a section number and a word. */
export const numberedStart = new RegExp(String.raw`^(${sectionNumber})\.?[ \t]+\p{L}`, 'u')

/** A heading found in the blocks, with its depth (1 for the document title). */
export interface FoundHeading extends HeadingParts {
  depth: Heading['depth']
}

/**
 * Which blocks are headings. The first block may be the title. A numbered block reads as a heading
 * on its own; an unnumbered line (see `plainHeading`) when the text after it does not continue a
 * sentence in lower case, and, in sentence case, when it follows the end of a sentence or another
 * heading. Short lines in a row are a list, not headings: three or more unnumbered ones, or two
 * numbered ones of the same depth.
 */
export function findHeadings(blocks: Block[], splitOff: Set<Block>): (FoundHeading | undefined)[] {
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
export function withoutRunningHeads(blocks: Block[]): Block[] {
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
export function splitOffHeadingLines(block: Block, splitOff: Set<Block>): Block[] {
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

/** Index of the block's last line that ends a sentence, or -1. */
function lastSentenceEndIn(block: Block): number {
  for (let i = block.length - 1; i >= 0; i--) if (endsSentence(block[i]!.text)) return i
  return -1
}
