/** One RIS record (`TY  -` … `ER  -`), with where it starts and what is wrong with it. */
export interface RisRecord {
  text: string
  /** 0-based offset and 1-based line of the record's first line in the file. */
  offset: number
  line: number
  /** The record's `TY` type, or null when it has none (the record cannot be read). */
  type: string | null
  /** The record's `ID`, or null when it has none. */
  id: string | null
  /** The first title tag (`TI`, `T1`), for naming the record in diagnostics. */
  title: string | null
  /** True when the file ended before the record's `ER  -`. */
  unterminated: boolean
}

const tagLine = /^([A-Z][A-Z0-9])  -(?: (.*))?$/
const lineBreak = /\r\n|\r|\n/g

/**
 * Splits RIS text into records at `TY  -` and `ER  -` lines. Tagged lines outside a record (a record
 * that lost its `TY`) form a record with `type: null`, so the caller can name and skip it.
 */
export function splitRis(text: string): RisRecord[] {
  const records: RisRecord[] = []
  let current: RisRecord | undefined
  let lineNumber = 0
  let offset = 0
  const close = (end: number, terminated: boolean): void => {
    if (!current) return
    current.text = text.slice(current.offset, end)
    current.unterminated = !terminated
    records.push(current)
    current = undefined
  }
  lineBreak.lastIndex = 0
  for (;;) {
    const match = lineBreak.exec(text)
    const end = match ? match.index : text.length
    const next = match ? end + match[0].length : text.length
    lineNumber++
    // A byte order mark opening the line is not part of its tag.
    const tag = tagLine.exec(text.slice(text.charCodeAt(offset) === 0xfeff ? offset + 1 : offset, end).trimEnd())
    const name = tag?.[1]
    const value = (tag?.[2] ?? '').trim()
    if (name === 'TY') {
      close(offset, false)
      current = {text: '', offset, line: lineNumber, type: value, id: null, title: null, unterminated: false}
    } else if (name === 'ER') {
      if (current) close(next, true)
    } else if (name) {
      current ??= {text: '', offset, line: lineNumber, type: null, id: null, title: null, unterminated: false}
      if (name === 'ID' && current.id === null && value !== '') current.id = value
      if ((name === 'TI' || name === 'T1') && current.title === null && value !== '') current.title = value
    }
    if (!match) break
    offset = next
  }
  close(text.length, false)
  return records
}
