import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {referenceListHeading, takeReferenceList, takeTrailingEndnotes, type ListLine} from '../bibliography/reference-list.js'

/** A list marker before an entry's label (`- [4] Author`, `* 4. Author`): the label is the entry's. */
const bullet = /^(\s*[-*+]\s+)(?=\[\d{1,4}\]|\d{1,4}[.)]\s)/

/**
 * The document's own numbered reference list in Markdown input: a heading (`## References`, or a
 * line `References` that remark-plain-headings made one, or left a paragraph) followed by entries
 * `1. …` (an ordered list), `[1] …` or `- [1] …`, numbered from 1. The same rules as for
 * PDF-extracted text (`takeReferenceList`) read the source lines up to the next heading; the heading
 * and the entries leave the tree for `root.data.referenceList`, so they never become sentences,
 * claims or citation groups (`[4]` opening an entry is not a callout). Without such a heading, the
 * paragraphs `[1] …`, `[2] …` that end a document are its list (see `takeTrailingEndnotes`).
 */
export function remarkMarkdownReferenceList() {
  return function transform(tree: Root, file: VFile): void {
    const source = String(file.value)
    const children = tree.children
    for (let index = children.length - 1; index >= 0; index--) {
      const heading = children[index]!
      if (heading.type !== 'heading' && heading.type !== 'paragraph') continue
      const title = toString(heading)
      if (!referenceListHeading.test(title)) continue
      let end = index + 1
      while (end < children.length && children[end]!.type !== 'heading') end++
      const start = heading.position?.start.offset
      const last = children[end - 1]?.position?.end.offset
      if (start === undefined || last === undefined || end === index + 1) continue
      const sectionStart = heading.position!.end.offset!
      const blocks: ListLine[][] = [[{text: title, offset: start}], ...linesOf(source, sectionStart, last)]
      const {list} = takeReferenceList(blocks)
      if (!list) continue
      const kept = children.slice(index + 1, end).filter((node) => !within(node, list.start, list.end))
      tree.children = [...children.slice(0, index), ...kept, ...children.slice(end)]
      tree.data = {...tree.data, referenceList: list}
      return
    }
    // No list under a heading: endnotes `[1] …`, `[2] …` closing the document, each a paragraph.
    // Only the paragraphs at the end that open with such a label are read, not the document.
    let first = children.length
    while (first > 0 && opensWithLabel(children[first - 1]!, source)) first--
    const from = children[first]?.position?.start.offset
    const to = children.at(-1)?.position?.end.offset
    if (from === undefined || to === undefined) return
    const {list} = takeTrailingEndnotes(linesOf(source, from, to))
    if (!list) return
    tree.children = children.filter((node) => !within(node, list.start, list.end))
    tree.data = {...tree.data, referenceList: list}
  }
}

/** The source lines in [from, to), split into blocks at blank lines, list markers before a label taken off. */
function linesOf(source: string, from: number, to: number): ListLine[][] {
  const blocks: ListLine[][] = []
  let block: ListLine[] = []
  let offset = from
  for (const line of source.slice(from, to).split('\n')) {
    const text = line.replace(/\r$/, '')
    if (text.trim() === '') {
      if (block.length > 0) blocks.push(block)
      block = []
    } else {
      const marker = bullet.exec(text)?.[1]?.length ?? 0
      block.push({text: text.slice(marker), offset: offset + marker})
    }
    offset += line.length + 1
  }
  if (block.length > 0) blocks.push(block)
  return blocks
}

/** `[n]` at the start of a paragraph's source. */
const endnoteOpening = /^\[\d{1,4}\]/

function opensWithLabel(node: RootContent, source: string): boolean {
  const start = node.position?.start.offset
  return node.type === 'paragraph' && start !== undefined && endnoteOpening.test(source.slice(start, start + 6))
}

function within(node: RootContent, start: number, end: number): boolean {
  const offset = node.position?.start.offset
  return offset !== undefined && offset >= start && offset < end
}
