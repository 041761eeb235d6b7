import type {Text} from 'mdast'
import type {Point, Position} from 'unist'
import {dashClass, dashes} from './dashes.js'
import {keepLineEndHyphen, type Vocabulary} from './hyphenation.js'
import {OffsetMap, OffsetMapBuilder} from './offset-map.js'

/** One line of the input: its text without the line ending, and where it starts. */
export interface Line {
  text: string
  offset: number
}

/** Lines between blank lines. */
export type Block = Line[]

/** A text node of a cleaned value, with its position and its offset map back to the original. */
export function textNode(value: string, map: OffsetMap, point: (offset: number) => Point): Text {
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
export function cleanLines(
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

/**
 * The word a line-end dash follows. The lookbehind lets the search start only at a word's first letter:
 * without it every position of a long word ending in `--` starts a scan to the line end, quadratic in
 * the word's length.
 */
const wordBeforeDash = new RegExp(`(?<![\\p{L}\\p{N}])([\\p{L}\\p{N}]+)[${dashClass}]$`, 'u')

type Join = 'space' | 'none' | 'drop-hyphen'

function joinLines(lastChar: string, previous: string, next: string, vocabulary: Vocabulary): Join {
  if (!dashes.includes(lastChar)) return 'space'
  // A dash set off by a space ("0.78 –/0.90") keeps its spacing on both sides.
  if (/\s\S$/.test(previous)) return 'space'
  const before = wordBeforeDash.exec(previous)?.[1]
  const after = /^[\p{L}\p{N}]+/u.exec(next)?.[0]
  if (!before || !after) return /^[\p{L}\p{N}]/u.test(next) && lastChar !== '-' ? 'none' : 'space'
  // Only a plain hyphen splits words; a dash between numbers is a range (`[304—/306]`).
  if (lastChar !== '-' && lastChar !== '\u2010') return 'none'
  return keepLineEndHyphen(before, after, vocabulary) ? 'none' : 'drop-hyphen'
}
