import type {Heading, List, Paragraph, PhrasingContent, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {endsSentence, headingDepth, headingLine, numberedHeading, type HeadingParts} from './heading-line.js'

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
 * headings. Real `#` headings are left as they are.
 */
export function remarkPlainHeadings() {
  return function transform(tree: Root): void {
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
  }
}

/** `previous` is undefined after the start and after a line that is itself a heading. */
function candidate(node: RootContent, previous: RootContent | undefined, next: RootContent | undefined): Candidate | undefined {
  if (!next || startsInLowerCase(next) || !previousEnds(previous)) return undefined
  if (node.type === 'paragraph') {
    const text = singleLine(node)
    const parts = text === undefined ? undefined : headingLine(text)
    return parts ? {...parts, children: node.children} : undefined
  }
  if (node.type === 'list') return numberedListTitle(node)
  return undefined
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
