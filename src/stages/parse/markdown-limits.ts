import type {Node, Parent} from 'unist'

/**
 * Limits on Markdown that remark-parse (micromark) cannot parse in linear time or without deep
 * recursion. micromark resolves emphasis, links and code spans by scanning back over a paragraph's
 * earlier tokens, so a paragraph with thousands of `*`, `_`, `[`, `]` or `` ` `` takes time growing
 * with their square (4 KB of `*` around a word: over a minute); container blocks (`>` quotes, list
 * items) are re-opened on every line, and nested ones become nested calls, so 2 KB of `>` overflows
 * the stack. A document past one of these limits is refused before it is parsed. The limits sit far
 * above what written text uses, so a real document never meets them.
 */
export const markdownLimits = {
  /**
   * Emphasis, link and code-span markers in one paragraph (a block of lines without a blank line, or
   * a list item): micromark's scans back cost their square (1.5 s at 2,000 markers, 0.1 s at 500).
   */
  maxMarkersPerBlock: 500,
  /** Container depth of one line: `>` markers, list markers, and indentation counted a level per 4 columns. */
  maxNesting: 32,
  /**
   * Depth of the parsed tree (nested emphasis, links, containers): printing it back with
   * mdast-util-to-markdown costs the square of the depth, and recursive walks a stack frame per level.
   */
  maxTreeDepth: 64
} as const

/** Why a Markdown text is refused, and where. */
export interface MarkdownHazard {
  /** Offset in the text of the line or block that passes a limit. */
  offset: number
  reason: string
}

/** Characters micromark matches against earlier ones in the same paragraph. */
function isMarker(code: number): boolean {
  // * _ [ ] `
  return code === 42 || code === 95 || code === 91 || code === 93 || code === 96
}

/**
 * The first place where `text` passes one of `markdownLimits`, or undefined. One pass over the
 * text, a few operations per character.
 */
export function findMarkdownHazard(text: string, limits: {maxMarkersPerBlock: number; maxNesting: number} = markdownLimits): MarkdownHazard | undefined {
  let blockStart = -1
  let markers = 0
  let lineStart = 0
  while (lineStart <= text.length) {
    // Lines end at LF, CR LF or a lone CR, as in micromark.
    let lineEnd = lineStart
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++
    const next = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1
    const {depth, opensBlock, heading} = nestingOf(text, lineStart, lineEnd, limits.maxNesting)
    // A list item or a heading starts a paragraph of its own: micromark never scans back past it.
    if (opensBlock) {
      blockStart = -1
      markers = 0
    }
    if (depth > limits.maxNesting) {
      return {offset: lineStart, reason: `Markdown nested more than ${limits.maxNesting} levels deep (block quotes, list items or indentation)`}
    }
    let blank = true
    for (let index = lineStart; index < lineEnd; index++) {
      const code = text.charCodeAt(index)
      if (code !== 32 && code !== 9 && code !== 62) blank = false
      if (isMarker(code)) markers++
    }
    if (!blank) {
      if (blockStart === -1) blockStart = lineStart
      if (markers > limits.maxMarkersPerBlock) {
        return {offset: blockStart, reason: `more than ${limits.maxMarkersPerBlock} emphasis, link or code markers (*, _, [, ], \`) in one paragraph`}
      }
    }
    // A heading is a paragraph of one line: the next line starts another.
    if (blank || heading) {
      blockStart = -1
      markers = 0
    }
    lineStart = next
  }
  return undefined
}

/**
 * Container levels a line opens or continues, read from its start: each `>`, each list marker
 * (`-`, `+`, `*` or a number with `.` or `)`, followed by white space) and each 4 columns of
 * indentation; whether it starts a new paragraph (a list item or a heading), and is a heading. Stops counting
 * once past `max`.
 */
function nestingOf(text: string, start: number, end: number, max: number): {depth: number; opensBlock: boolean; heading: boolean} {
  let depth = 0
  let opensBlock = false
  let heading = false
  let columns = 0
  let index = start
  while (index < end && depth + Math.floor(columns / 4) <= max) {
    const code = text.charCodeAt(index)
    if (code === 32) {
      columns++
      index++
    } else if (code === 9) {
      columns += 4
      index++
    } else if (code === 62) {
      depth++
      index++
    } else if ((code === 45 || code === 43 || code === 42) && isSpaceAt(text, index + 1, end)) {
      depth++
      opensBlock = true
      index++
    } else if (code >= 48 && code <= 57) {
      let digit = index
      while (digit < end && digit - index < 9 && text.charCodeAt(digit) >= 48 && text.charCodeAt(digit) <= 57) digit++
      const after = text.charCodeAt(digit)
      if ((after !== 46 && after !== 41) || !isSpaceAt(text, digit + 1, end)) break
      depth++
      opensBlock = true
      index = digit + 1
    } else {
      if (code === 35) opensBlock = heading = true
      break
    }
  }
  return {depth: depth + Math.floor(columns / 4), opensBlock, heading}
}

function isSpaceAt(text: string, index: number, end: number): boolean {
  if (index >= end) return true
  const code = text.charCodeAt(index)
  return code === 32 || code === 9
}

/**
 * The first node (in preorder) deeper than `maxDepth` below `tree`, or undefined. Iterative: the
 * tree may be deeper than the stack.
 */
export function findTooDeepNode(tree: Node, maxDepth: number = markdownLimits.maxTreeDepth): Node | undefined {
  const stack: Array<[Node, number]> = [[tree, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    if (depth > maxDepth) return node
    const children = (node as Partial<Parent>).children
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, depth + 1])
  }
  return undefined
}
