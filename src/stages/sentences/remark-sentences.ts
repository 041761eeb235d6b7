import type {Nodes, Paragraph, PhrasingContent, Root, RootContent, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {offsetMapOf, positionOf} from '../parse/positions.js'
import {foldWhiteSpace} from '../parse/white-space.js'
import {splitSentences, type SentenceRange} from './split-sentences.js'
import {skipChildren, walk} from '../../tree-walk.js'
import type {Sentence} from '../../types.js'
import {pushAll} from '../../push-all.js'

/** What a field adds to sentence splitting. */
export interface SentencesOptions {
  /** The field's abbreviations that end in a period without ending a sentence (`spp`; config `text.abbreviations`). */
  abbreviations?: readonly string[]
}

/**
 * Splits every paragraph into `sentence` nodes. Citation groups and other inline nodes stay whole
 * inside the sentence where they start; text nodes are cut at sentence boundaries. Each sentence
 * records its folded text and the id of its section (from `remarkSections`).
 */
export function remarkSentences(options: SentencesOptions = {}) {
  const abbreviations = options.abbreviations && options.abbreviations.length > 0 ? new Set(options.abbreviations.map((word) => word.toLowerCase().replace(/\.$/, ''))) : undefined
  return function transform(tree: Root, file: VFile): void {
    walk(tree, splitParagraphs, {file, abbreviations, sectionId: null, count: 0})
  }
}

/** What `splitParagraphs` keeps while it walks one document. */
interface SentenceSplitting {
  file: VFile
  abbreviations: ReadonlySet<string> | undefined
  /** The section of the latest heading. */
  sectionId: string | null
  /** Sentences made so far: the next is `s<count + 1>`. */
  count: number
}

function splitParagraphs(node: Nodes, _parent: unknown, splitting: SentenceSplitting): boolean | void {
  if (node.type === 'heading') {
    splitting.sectionId = node.data?.sectionId ?? splitting.sectionId
    return skipChildren
  }
  if (node.type !== 'paragraph') return
  node.children = splitParagraph(node, splitting) as PhrasingContent[]
  return skipChildren
}

function plainText(node: PhrasingContent): string {
  if (node.type === 'text' || node.type === 'citation') return node.value
  if (node.type === 'break') return '\n'
  return toString(node)
}

/** Nodes that print as their text alone: a link's or reference's brackets and destination are not prose. */
const printedAsText = new Set(['link', 'linkReference'])

/**
 * The text of a node as the input writes it: inline Markdown markup (`_emphasis_`, `` `code` ``) kept,
 * taken from the source by the node's position, except that links print as their text (the URL is not
 * part of the sentence). Text and citations are as they are.
 */
function writtenText(node: PhrasingContent, source: string): string {
  if (node.type === 'text' || node.type === 'citation' || node.type === 'break') return plainText(node)
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const children = 'children' in node ? (node.children as PhrasingContent[]) : []
  if (printedAsText.has(node.type) || start === undefined || end === undefined) return children.length > 0 ? children.map((child) => writtenText(child, source)).join('') : toString(node)
  if (children.length === 0) return source.slice(start, end)
  const opening = children[0]!.position?.start.offset
  const closing = children[children.length - 1]!.position?.end.offset
  if (opening === undefined || closing === undefined) return toString(node)
  return source.slice(start, opening) + children.map((child) => writtenText(child, source)).join('') + source.slice(closing, end)
}

function splitParagraph(paragraph: Paragraph, splitting: SentenceSplitting): RootContent[] {
  const {file, sectionId, abbreviations} = splitting
  const children = paragraph.children
  const texts = children.map(plainText)
  const starts: number[] = []
  let length = 0
  for (const text of texts) {
    starts.push(length)
    length += text.length
  }
  const whole = texts.join('')
  const citations: SentenceRange[] = []
  const atoms: SentenceRange[] = []
  children.forEach((node, index) => {
    if (node.type === 'text') return
    const span = {start: starts[index]!, end: starts[index]! + texts[index]!.length}
    ;(node.type === 'citation' ? citations : atoms).push(span)
  })
  const source = String(file.value)
  const out: RootContent[] = []
  let child = 0
  let offsetInChild = 0
  const takeUntil = (end: number, into: PhrasingContent[]): void => {
    while (child < children.length && starts[child]! + offsetInChild < end) {
      const node = children[child]!
      const nodeStart = starts[child]!
      const nodeEnd = nodeStart + texts[child]!.length
      if (node.type === 'text' && nodeEnd > end) {
        into.push(sliceText(node, file, offsetInChild, end - nodeStart))
        offsetInChild = end - nodeStart
        return
      }
      into.push(offsetInChild === 0 ? node : sliceText(node as Text, file, offsetInChild, nodeEnd - nodeStart))
      child++
      offsetInChild = 0
    }
  }
  for (const range of splitSentences(whole, abbreviations ? {citations, atoms, abbreviations} : {citations, atoms})) {
    const between: PhrasingContent[] = []
    takeUntil(range.start, between)
    pushAll(out, between.filter((node) => node.type !== 'text' || node.value.trim() !== ''))
    const content: PhrasingContent[] = []
    takeUntil(range.end, content)
    if (content.length === 0) continue
    const first = content[0]!
    const last = content[content.length - 1]!
    const text = foldWhiteSpace(whole.slice(range.start, range.end))
    const written = atoms.length === 0 ? text : foldWhiteSpace(content.map((node) => writtenText(node, source)).join('').trim())
    const sentence: Sentence = {
      type: 'sentence',
      children: content,
      position: {start: first.position!.start, end: last.position!.end},
      data: {id: `s${++splitting.count}`, text, ...(written === text ? {} : {written}), sectionId}
    }
    out.push(sentence, {type: 'text', value: ' '})
  }
  const rest: PhrasingContent[] = []
  takeUntil(whole.length, rest)
  pushAll(out, rest.filter((node) => node.type !== 'text' || node.value.trim() !== ''))
  if (out[out.length - 1]?.type === 'text') out.pop()
  return out
}

function sliceText(node: Text, file: VFile, start: number, end: number): Text {
  const map = offsetMapOf(node)
  return {
    type: 'text',
    value: node.value.slice(start, end),
    position: positionOf(file, map, start, end),
    data: {offsetMap: map.slice(start, end)}
  }
}
