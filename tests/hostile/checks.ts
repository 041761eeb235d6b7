import type {Nodes, Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {DocumentRecord, OutputPoint} from '../../src/emit/document.js'

/*
 * Checks shared by the hostile-input tests. They are written independently of src/ (their own line
 * counting, their own URL rules) so a bug there cannot hide itself.
 */

/** Offsets where each line of `text` starts; CRLF, CR and LF each end a line. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) starts.push(index + 1)
  }
  return starts
}

/** Line and column (1-based) of `offset` in a text with the given line starts. */
export function lineColumn(starts: readonly number[], offset: number): {line: number; column: number} {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return {line: low + 1, column: offset - starts[low]! + 1}
}

/**
 * Every way a record's positions can disagree with its input: a point outside the text, a line or
 * column that does not match its offset, an end before its start, a group whose `raw` is not the
 * input from its start on, a claim whose sentence is not in the record. Empty when all agree.
 */
export function positionProblems(text: string, record: DocumentRecord): string[] {
  const starts = lineStarts(text)
  const problems: string[] = []
  const check = (what: string, point: OutputPoint | null): void => {
    if (point === null) return
    if (point.offset < 0 || point.offset > text.length) {
      problems.push(`${what}: offset ${point.offset} outside 0..${text.length}`)
      return
    }
    const expected = lineColumn(starts, point.offset)
    if (expected.line !== point.line || expected.column !== point.column) {
      problems.push(`${what}: ${point.line}:${point.column} but offset ${point.offset} is ${expected.line}:${expected.column}`)
    }
  }
  const range = (what: string, start: OutputPoint, end: OutputPoint): void => {
    check(`${what} start`, start)
    check(`${what} end`, end)
    if (end.offset < start.offset) problems.push(`${what}: ends at ${end.offset} before it starts at ${start.offset}`)
  }
  for (const group of record.citationGroups) {
    check(`${group.id} start`, group.start)
    const atOffsets = text.slice(group.start.offset, group.start.offset + group.raw.length)
    if (atOffsets !== group.raw) problems.push(`${group.id}: raw ${JSON.stringify(group.raw)} but the input there is ${JSON.stringify(atOffsets)}`)
  }
  for (const sentence of record.sentences) range(sentence.id, sentence.start, sentence.end)
  // A claim's position is its sentence's.
  const sentenceIds = new Set(record.sentences.map((sentence) => sentence.id))
  for (const claim of record.claims) if (!sentenceIds.has(claim.sentenceId)) problems.push(`${claim.id}: sentence ${claim.sentenceId} is not in the record`)
  for (const section of record.document.sections) check(section.id, section.start)
  for (const diagnostic of record.diagnostics) check(`diagnostic ${diagnostic.code}`, diagnostic.start)
  return problems
}

/**
 * The anchors citeclaim itself writes into the annotated Markdown, its only raw HTML: whole, or (when
 * CommonMark reads them as inline HTML) as an opening and a closing tag.
 */
const ownAnchor = /^(?:<a id="(?:ref:[1-9]\d*|claim:c[1-9]\d*)">(?:<\/a>)?|<\/a>)$/
/** Link targets citeclaim itself writes: a reference or a claim. */
const ownTarget = /^#(?:ref:[1-9]\d*|claim:c[1-9]\d*)$/

/** Whether a URL would run code or embed data when a renderer follows it. */
export function isDangerousUrl(url: string): boolean {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()
  return /^(?:javascript|data|vbscript):/.test(compact)
}

/**
 * What is unsafe in annotated Markdown, read back with remark-parse: any `html` node other than
 * citeclaim's anchors, any image, any dangerous link or definition URL, and, unless `inputLinks`
 * (Markdown input may carry its own safe links), any link citeclaim did not make.
 */
export function markdownProblems(markdown: string, options: {inputLinks: boolean}): string[] {
  const tree: Root = unified().use(remarkParse).parse(markdown)
  const problems: string[] = []
  visit(tree, (node: Nodes) => {
    if (node.type === 'html' && !ownAnchor.test(node.value)) problems.push(`raw HTML: ${JSON.stringify(node.value.slice(0, 80))}`)
    if (node.type === 'image' || node.type === 'imageReference') problems.push(`image: ${JSON.stringify('url' in node ? node.url : node.identifier)}`)
    if (node.type === 'link' || node.type === 'definition') {
      if (isDangerousUrl(node.url)) problems.push(`dangerous URL: ${JSON.stringify(node.url.slice(0, 80))}`)
      else if (!options.inputLinks && !ownTarget.test(node.url)) problems.push(`link from input text: ${JSON.stringify(node.url.slice(0, 80))}`)
    }
  })
  return problems
}
