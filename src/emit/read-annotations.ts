import type {Link, Paragraph, PhrasingContent, Root, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified, type Data, type Processor} from 'unified'
import {SKIP, visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import type {Citation} from '../types.js'
import {defaultClaimsTitle} from '../config/defaults.js'
import {pushAll} from '../push-all.js'

/** How to read annotated Markdown back. */
export interface ReadAnnotationsOptions {
  /**
   * The title citeclaim gave its claims section (`markdown.claimsTitle` of the config that wrote the
   * file; default {@link defaultClaimsTitle}): from the last level-2 heading with exactly this text on,
   * the file is citeclaim's generated sections.
   */
  claimsTitle?: string
}

/** A claim tag read back from annotated Markdown. */
export interface AnnotatedClaim {
  id: string
  entityTypes: string[]
  category: string
  evidence: string
  hedged: boolean
}

/** What annotated Markdown says, read back: citation groups in body order, and claims. */
export interface Annotations {
  groups: number[][]
  claims: AnnotatedClaim[]
}

declare module 'vfile' {
  interface DataMap {
    annotations: Annotations
  }
}

const referenceUrl = /^#ref:([1-9]\d*)$/
const claimUrl = /^#claim:(c[1-9]\d*)$/
const claimLabel = /^claim (c[1-9]\d*): ([^,]+(?:, [^,]+)*)$/
// The optional tail says why each type is there (`; MSC: anaphora, HSC: mention`).
const claimTitle = /^([^;]+); ([^;]+); (hedged|not hedged)(?:; ((?:[^;:,]+: [a-z-]+)(?:, [^;:,]+: [a-z-]+)*))?$/
const pandocGroup = /\[(@ref-\d+(?:; @ref-\d+)*)\]/g

/** An extension of remark-parse's parser (the type remark-parse declares for `fromMarkdownExtensions`). */
type FromMarkdownExtension = Extract<NonNullable<Data['fromMarkdownExtensions']>[number], {enter?: unknown}>

/**
 * Per text node, the ranges of its value that the Markdown wrote through a backslash escape or a
 * character reference (`\[`, `\@`, `&#64;`). citeclaim writes its own annotations literally and
 * escapes those characters in the text it copies from the input, so a look-alike in the input
 * (`\[\@ref-42]`) reads back as text.
 */
const written = new WeakMap<Text, Array<[number, number]>>()

/** A mdast-util-from-markdown extension that fills `written` while the text nodes are built. */
const trackEscapes: FromMarkdownExtension = {
  enter: {
    // The decoded text of a reference or an escape starts at the current length of the text node,
    // which is on the stack (the default handler of the enclosing token put it there).
    characterReferenceValue() {
      markStart(this.stack[this.stack.length - 1] as Text)
    },
    characterEscapeValue() {
      markStart(this.stack[this.stack.length - 1] as Text)
    }
  },
  exit: {
    // A reference ends with its `;`: this replaces the default handler, which takes the text node
    // off the stack and ends its position there.
    characterReference(token) {
      const tail = this.stack.pop() as Text
      tail.position!.end = {line: token.end.line, column: token.end.column, offset: token.end.offset}
      markEnd(tail)
    },
    // An escape ends after its value, whose default handler appended the character and took the
    // text node off the stack: it is the last child of the node on top.
    characterEscape() {
      const parent = this.stack[this.stack.length - 1] as Paragraph
      markEnd(parent.children[parent.children.length - 1] as Text)
    }
  }
}

function markStart(text: Text): void {
  const ranges = written.get(text) ?? []
  ranges.push([text.value.length, text.value.length])
  written.set(text, ranges)
}

function markEnd(text: Text): void {
  const ranges = written.get(text)!
  ranges[ranges.length - 1]![1] = text.value.length
}

/** Whether `text.value.slice(from, to)` was written literally: no escape or reference in it. */
function isLiteral(text: Text, from: number, to: number): boolean {
  const ranges = written.get(text)
  if (!ranges) return true
  // Ranges are in order and apart: find the first that ends after `from` (binary search, so that
  // a paragraph of many escapes and many groups stays linear in practice).
  let low = 0
  let high = ranges.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (ranges[middle]![1] <= from) low = middle + 1
    else high = middle
  }
  return low === ranges.length || ranges[low]![0] >= to
}

/**
 * The reading half of the annotated Markdown (use after remark-parse): turns linked citation groups
 * (`[[53](#ref:53)–[57](#ref:57)]`) and pandoc groups (`[@ref-53; @ref-54]`) back into `citation`
 * nodes, and claim tags (`[claim c3: MSC](#claim:c3 "mechanism; preclinical; hedged")`) into
 * `file.data.annotations`.
 *
 * Only citeclaim's own annotations read back: those written exactly as citeclaim writes them
 * (brackets and `@` literal, not escaped; link text, target and title in its forms), in the places
 * it writes them (directly in a paragraph of the body, a claim tag after a space). Everything from
 * the last level-2 heading titled `options.claimsTitle` (`## Claims by cell type` in the stem-cell
 * preset) on is citeclaim's generated sections and is skipped.
 */
export function remarkReadAnnotations(this: Processor, options: ReadAnnotationsOptions = {}) {
  const generatedHeading = options.claimsTitle ?? defaultClaimsTitle
  const data = this.data()
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), trackEscapes]
  return function transform(tree: Root, file: VFile): void {
    const annotations: Annotations = {groups: [], claims: []}
    let end = tree.children.length
    for (let index = 0; index < tree.children.length; index++) {
      const node = tree.children[index]!
      if (node.type === 'heading' && node.depth === 2 && toString(node) === generatedHeading) end = index
    }
    const body = tree.children.slice(0, end)
    for (const node of body) {
      visit(node, 'paragraph', (paragraph: Paragraph) => {
        paragraph.children = readParagraph(paragraph.children, annotations)
        return SKIP
      })
    }
    file.data.annotations = annotations
  }
}

/**
 * Reads annotated Markdown text back: the citation groups and claims it carries. Pass the
 * `claimsTitle` of the config that wrote it (`config.markdown`).
 */
export function readAnnotations(markdown: string, options: ReadAnnotationsOptions = {}): Annotations {
  const processor = unified().use(remarkParse).use(remarkReadAnnotations, options)
  const file = new VFile(markdown)
  processor.runSync(processor.parse(file), file)
  return file.data.annotations!
}

function readParagraph(children: PhrasingContent[], annotations: Annotations): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'link' && claimUrl.test(node.url)) {
      const before = children[index - 1]
      const claim = before?.type === 'text' && before.value.endsWith(' ') ? readClaimTag(node) : undefined
      if (claim) {
        annotations.claims.push(claim)
        continue
      }
    }
    if (node.type === 'text' && node.value.endsWith('[') && isLiteral(node, node.value.length - 1, node.value.length) && isReferenceLink(children[index + 1])) {
      const group = readLinkedGroup(children, index + 1)
      if (group) {
        out.push({type: 'text', value: node.value.slice(0, -1)})
        out.push(citationNode(group.numbers))
        annotations.groups.push(group.numbers)
        const rest = (children[group.end] as Text).value.slice(1)
        children[group.end] = {type: 'text', value: rest}
        index = group.end - 1
        continue
      }
    }
    if (node.type === 'text') {
      pushAll(out, readPandocGroups(node, annotations))
      continue
    }
    out.push(node)
  }
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

/** A link citeclaim writes for one number of a group: `[53](#ref:53)`, no title. */
function isReferenceLink(node: PhrasingContent | undefined): node is Link {
  if (node?.type !== 'link' || node.title != null) return false
  const match = referenceUrl.exec(node.url)
  return match !== null && node.children.length === 1 && node.children[0]!.type === 'text' && node.children[0].value === match[1]
}

/** Reads `[n](#ref:n)` links joined by `, ` or `–` up to a text starting with a literal `]`. */
function readLinkedGroup(children: PhrasingContent[], start: number): {numbers: number[]; end: number} | undefined {
  const numbers: number[] = []
  let rangeOpen = false
  for (let index = start; index < children.length; index++) {
    const node = children[index]!
    if (isReferenceLink(node)) {
      const n = Number(referenceUrl.exec(node.url)![1])
      if (rangeOpen) {
        const from = numbers[numbers.length - 1]!
        for (let k = from + 1; k <= n; k++) numbers.push(k)
        rangeOpen = false
      } else numbers.push(n)
      continue
    }
    if (node.type !== 'text') return undefined
    if (node.value.startsWith(']')) return isLiteral(node, 0, 1) ? {numbers, end: index} : undefined
    if (node.value === '–') rangeOpen = true
    else if (node.value !== ', ') return undefined
  }
  return undefined
}

/** Splits a text at the pandoc groups written literally in it (`[@ref-53; @ref-54]`). */
function readPandocGroups(text: Text, annotations: Annotations): PhrasingContent[] {
  const value = text.value
  const out: PhrasingContent[] = []
  let last = 0
  for (const match of value.matchAll(pandocGroup)) {
    if (!isLiteral(text, match.index, match.index + match[0].length)) continue
    const numbers = match[1]!.split('; ').map((key) => Number(key.slice('@ref-'.length)))
    out.push({type: 'text', value: value.slice(last, match.index)}, citationNode(numbers))
    annotations.groups.push(numbers)
    last = match.index + match[0].length
  }
  if (last === 0) return [text]
  out.push({type: 'text', value: value.slice(last)})
  return out
}

/** A claim tag as citeclaim writes it: label `claim c3: MSC, HSC`, target `#claim:c3`, title `category; evidence; hedged|not hedged[; TYPE: reason, …]`. */
function readClaimTag(link: Link): AnnotatedClaim | undefined {
  const label = link.children.length === 1 && link.children[0]!.type === 'text' ? link.children[0].value : ''
  const match = claimLabel.exec(label)
  const title = claimTitle.exec(link.title ?? '')
  if (!match || !title || `#claim:${match[1]}` !== link.url) return undefined
  // The tail, when there, names exactly the label's types in the label's order.
  if (title[4] !== undefined && title[4].split(', ').map((part) => part.slice(0, part.indexOf(':'))).join(', ') !== match[2]) return undefined
  return {id: match[1]!, entityTypes: match[2]!.split(', '), category: title[1]!, evidence: title[2]!, hedged: title[3] === 'hedged'}
}

function citationNode(numbers: number[]): Citation {
  return {type: 'citation', value: '', data: {id: '', raw: '', numbers, valid: true}}
}
