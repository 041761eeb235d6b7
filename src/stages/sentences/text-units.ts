/*
 * Units the sentence splitter keeps whole or starts afresh, found before it looks at end marks:
 * rows of plain-text tables, items after a bullet glyph, and the atoms (citation groups, inline
 * nodes) no unit may start inside.
 */

/** A range `[start, end)` of the text. */
export interface TextRange {
  start: number
  end: number
}

/** Drops the positions (ascending) that fall strictly inside an atom: a unit never starts inside one. */
export function outsideAtoms(positions: number[], atoms: readonly TextRange[]): number[] {
  const keep = outsideAtomsFilter(atoms)
  return positions.filter((position) => keep({start: position, end: position}))
}

/**
 * A filter for ranges in ascending order that keeps those whose ends do not fall strictly inside an
 * atom; one cursor over the atoms, so a whole pass is linear.
 */
export function outsideAtomsFilter(atoms: readonly TextRange[]): (range: TextRange) => boolean {
  let atom = 0
  const inside = (position: number): boolean => {
    while (atom < atoms.length && atoms[atom]!.end <= position) atom++
    return atom < atoms.length && atoms[atom]!.start < position
  }
  return (range) => !inside(range.start) && !inside(range.end)
}

/** A bullet glyph at the start of the text or after white space: a list item starts there. */
const bulletGlyph = /(?<=^|\s)[•●▪◦‣∙]/gu

/** Where list items marked with a bullet glyph start (`… lineages: • Red cells … • Lymphocytes …`). */
export function bulletPositions(text: string): number[] {
  const positions: number[] = []
  for (const match of text.matchAll(bulletGlyph)) positions.push(match.index)
  return positions
}

/**
 * The lines of `text` that are rows of a plain-text table: two or more gaps of two or more spaces
 * between non-space characters (`_CFU_      CFU-L      CFU-E`). Only text with line breaks has rows.
 */
export function tableRows(text: string): TextRange[] {
  const rows: TextRange[] = []
  if (!text.includes('\n') || !text.includes('  ')) return rows
  let lineStart = 0
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    if (columnGaps(text, lineStart, lineEnd) >= 2) rows.push({start: lineStart, end: lineEnd})
    lineStart = lineEnd + 1
  }
  return rows
}

/** How many runs of two or more spaces stand between non-space characters in `text[start, end)`. */
function columnGaps(text: string, start: number, end: number): number {
  let gaps = 0
  let spaces = 0
  let seenText = false
  for (let index = start; index < end; index++) {
    if (text.charCodeAt(index) === 0x20) spaces++
    else {
      if (spaces >= 2 && seenText) gaps++
      spaces = 0
      if (!isSpace(text.charCodeAt(index))) seenText = true
    }
  }
  return gaps
}

const unicodeSpace = /\s/

/** White space, by a fast path for ASCII. */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return unicodeSpace.test(String.fromCharCode(code))
}
