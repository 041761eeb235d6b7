import type {Heading, List, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {pointAt} from './positions.js'
import {endsSentence, headingCase, headingDepth, headingLine, numberedHeading, type HeadingParts} from './heading-line.js'

/** A candidate heading among the root's children: its parts and the inline content it keeps. */
interface Candidate extends HeadingParts {
  children: PhrasingContent[]
}

/** Inline nodes a heading line may be made of. */
const headingInline = new Set(['text', 'emphasis', 'strong', 'inlineCode'])

/**
 * Markdown written without `#`: a paragraph that is one short line in title case, sentence case or
 * ALL CAPS ("Cell fate determination"), or a one-item ordered list that is a numbered title
 * ("1. Introduction"), becomes a heading when it stands between the end of a sentence (or another
 * heading, list or table) and more text. Three such lines in a row are a list of short items, not
 * headings. A heading line followed by its text with no blank line between ("Methods" and the
 * paragraph) is taken off the paragraph. Real `#` headings are left as they are.
 */
export function remarkPlainHeadings() {
  return function transform(tree: Root, file: VFile): void {
    const children = tree.children
    const candidates: (Candidate | undefined)[] = []
    for (const [index, node] of children.entries()) {
      candidates.push(candidate(node, candidates[index - 1] ? undefined : children[index - 1], children[index + 1]))
    }
    for (let start = 0; start < candidates.length; ) {
      let end = start
      while (end < candidates.length && candidates[end]) end++
      if (end - start >= 3) for (let i = start; i < end; i++) if (candidates[i]!.number === null) candidates[i] = undefined
      start = end + 1
    }
    for (const [index, found] of candidates.entries()) {
      if (!found) continue
      const node = children[index]!
      const heading: Heading = {
        type: 'heading',
        depth: headingDepth(found.number),
        children: found.children,
        ...(node.position ? {position: node.position} : {}),
        data: {number: found.number, title: found.title}
      }
      children[index] = heading
    }
    const out: RootContent[] = []
    for (const node of children) {
      const previous = out.at(-1)
      const split = node.type === 'paragraph' && previousEnds(previous?.type === 'heading' ? undefined : previous) ? leadingHeadingLine(node, file) : undefined
      if (split) out.push(...split)
      else out.push(node)
    }
    tree.children = out
  }
}

/**
 * A paragraph whose first line is a heading ("Methods", then the text on the next lines) as a
 * heading and the paragraph's rest. The line is plain text, much shorter than the longest line, and
 * the rest starts like a sentence and holds a sentence end. The rest's position is checked against
 * the source, so it is only split where its place in the file is known.
 */
function leadingHeadingLine(paragraph: Paragraph, file: VFile): [Heading, Paragraph] | undefined {
  const first = paragraph.children[0]
  if (first?.type !== 'text' || !first.position || !paragraph.position) return undefined
  const lineEnd = first.value.indexOf('\n')
  if (lineEnd <= 0) return undefined
  const line = first.value.slice(0, lineEnd)
  const restValue = first.value.slice(lineEnd + 1)
  if (line !== line.trim() || !/^[\p{Lu}\p{N}[("“]/u.test(restValue)) return undefined
  const parts = headingLine(line)
  if (!parts) return undefined
  const text = toString(paragraph)
  let longest = 0
  for (const other of text.split('\n')) longest = Math.max(longest, other.length)
  if (line.length > longest * 0.6 || !/[.!?]/.test(text.slice(lineEnd))) return undefined
  const source = String(file.value)
  const start = first.position.start.offset!
  if (source.slice(start, start + line.length) !== line) return undefined
  const lineBreak = /^(?:\r\n|\r|\n)[ \t]*/.exec(source.slice(start + line.length, start + line.length + 80))
  const restStart = start + line.length + (lineBreak?.[0].length ?? 0)
  if (!lineBreak || !source.startsWith(restValue.slice(0, 40), restStart)) return undefined
  const headingText: Text = {type: 'text', value: line, position: {start: first.position.start, end: pointAt(file, start + line.length)}}
  const rest: Text = {type: 'text', value: restValue, position: {start: pointAt(file, restStart), end: first.position.end}}
  const heading: Heading = {
    type: 'heading',
    depth: headingDepth(parts.number),
    children: [headingText],
    position: headingText.position!,
    data: {number: parts.number, title: parts.title}
  }
  const body: Paragraph = {type: 'paragraph', children: [rest, ...paragraph.children.slice(1)], position: {start: rest.position!.start, end: paragraph.position.end}}
  return [heading, body]
}

/** `previous` is undefined after the start and after a line that is itself a heading. */
function candidate(node: RootContent, previous: RootContent | undefined, next: RootContent | undefined): Candidate | undefined {
  if (!next || startsInLowerCase(next)) return undefined
  const found = node.type === 'paragraph' ? paragraphTitle(node) : node.type === 'list' ? numberedListTitle(node) : undefined
  // As in PDF text: a line in sentence case after text that does not end a sentence may be its last line.
  if (!found || (found.number === null && headingCase(found.title) === 'sentence' && !previousEnds(previous))) return undefined
  return found
}

function paragraphTitle(paragraph: Paragraph): Candidate | undefined {
  const text = singleLine(paragraph)
  const parts = text === undefined ? undefined : headingLine(text)
  return parts ? {...parts, children: paragraph.children} : undefined
}

/** `1. Introduction` in Markdown is an ordered list of one item holding one short line. */
function numberedListTitle(list: List): Candidate | undefined {
  if (!list.ordered || list.children.length !== 1) return undefined
  const item = list.children[0]!
  const paragraph = item.children[0]
  if (item.children.length !== 1 || paragraph?.type !== 'paragraph') return undefined
  const text = singleLine(paragraph)
  const parts = text === undefined ? undefined : numberedHeading(`${list.start ?? 1}. ${text}`)
  return parts ? {...parts, children: paragraph.children} : undefined
}

/** The paragraph's text when it is one line of plain inline content. */
function singleLine(paragraph: Paragraph): string | undefined {
  if (!paragraph.children.every((child) => headingInline.has(child.type))) return undefined
  const text = toString(paragraph)
  return text.includes('\n') || text.length > 160 ? undefined : text
}

/** A heading follows the start, another heading, any block that is not a paragraph, or a finished sentence. */
function previousEnds(previous: RootContent | undefined): boolean {
  if (!previous || previous.type !== 'paragraph') return true
  const last = previous.children.at(-1)
  const text = last && 'value' in last ? last.value : toString(previous)
  return endsSentence(text)
}

/** A paragraph that starts in lower case continues a sentence, so the line before it is not a heading. */
function startsInLowerCase(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false
  const first = node.children[0]
  return first?.type === 'text' && /^\s*\p{Ll}/u.test(first.value)
}
