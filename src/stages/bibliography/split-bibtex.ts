/** One `@type{…}` chunk of a BibTeX file, with where it starts. */
export interface BibtexChunk {
  /** Entry type, lower case (`article`, `string`, `comment`). */
  type: string
  /** The citation key, when the chunk has one. */
  key: string | null
  text: string
  /** 0-based offset and 1-based line of the `@` in the file. */
  offset: number
  line: number
  /**
   * Text after the item's closing brace, before the next item, that is neither white space nor a
   * `%` comment line: where it starts (offset 0-based, line and column 1-based). BibTeX skips such
   * text without a word, so it is usually the rest of a broken entry.
   */
  stray: {offset: number; line: number; column: number; text: string} | null
}

/** An `@` that opens a BibTeX item: at the start of a line (after white space), `@word{` or `@word(`. */
const itemStart = /^[ \t]*@([A-Za-z]+)[ \t]*[{(][ \t]*([^\s,{}()"=#]*)/gm

/**
 * Splits BibTeX text into items at each `@type{` that opens a line, so that a syntax error in one
 * entry (say, a missing closing brace) does not take the next entries with it. Text before the
 * first item is BibTeX comment and is dropped.
 */
export function splitBibtex(text: string): BibtexChunk[] {
  const starts: Array<{offset: number; type: string; key: string}> = []
  itemStart.lastIndex = 0
  for (let match = itemStart.exec(text); match; match = itemStart.exec(text)) {
    starts.push({offset: match.index + match[0].indexOf('@'), type: match[1]!.toLowerCase(), key: match[2]!})
  }
  const chunks: BibtexChunk[] = []
  let line = 1
  let counted = 0
  for (const [index, start] of starts.entries()) {
    line += countLines(text, counted, start.offset)
    counted = start.offset
    const end = starts[index + 1]?.offset ?? text.length
    const chunkText = text.slice(start.offset, end)
    chunks.push({type: start.type, key: start.key === '' ? null : start.key, text: chunkText, offset: start.offset, line, stray: strayAfter(chunkText, start.offset, line)})
  }
  return chunks
}

/**
 * The first stray text after the item that opens `chunk` (which starts at `offset`, on `line`), or
 * null when the item never closes (another diagnostic's business) or only white space and `%`
 * comment lines follow it.
 */
function strayAfter(chunk: string, offset: number, line: number): BibtexChunk['stray'] {
  const end = itemEnd(chunk)
  if (end === -1) return null
  let lineStart = end
  let lineNumber = line + countLines(chunk, 0, end)
  // The rest of the closing brace's own line counts as well; there the column is not 1.
  let column = end - (chunk.lastIndexOf('\n', end - 1) + 1) + 1
  while (lineStart < chunk.length) {
    const newline = chunk.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? chunk.length : newline
    const content = chunk.slice(lineStart, lineEnd)
    const lead = content.length - content.trimStart().length
    const trimmed = content.trim()
    if (trimmed !== '' && !trimmed.startsWith('%')) {
      return {offset: offset + lineStart + lead, line: lineNumber, column: column + lead, text: trimmed}
    }
    lineStart = lineEnd + 1
    lineNumber++
    column = 1
  }
  return null
}

/**
 * Offset just after the brace (or parenthesis) that closes the item at the start of `chunk`, or -1
 * when it never closes. Braces nest inside either form; a `(` item ends at a `)` outside braces.
 */
function itemEnd(chunk: string): number {
  const open = chunk.search(/[{(]/)
  if (open === -1) return -1
  const parenthesised = chunk[open] === '('
  let depth = 0
  for (let index = open + 1; index < chunk.length; index++) {
    const char = chunk.charCodeAt(index)
    if (char === 123) depth++
    else if (char === 125) {
      if (depth === 0) return parenthesised ? -1 : index + 1
      depth--
    } else if (char === 41 && parenthesised && depth === 0) return index + 1
  }
  return -1
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 10) lines++
  return lines
}
