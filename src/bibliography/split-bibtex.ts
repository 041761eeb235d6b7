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
    chunks.push({type: start.type, key: start.key === '' ? null : start.key, text: text.slice(start.offset, end), offset: start.offset, line})
  }
  return chunks
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 10) lines++
  return lines
}
