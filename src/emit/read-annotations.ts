import type {Link, Paragraph, PhrasingContent, Root, Text} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {SKIP, visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import type {Citation} from '../types.js'

/** A claim tag read back from annotated Markdown. */
export interface AnnotatedClaim {
  id: string
  cellTypes: string[]
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

const referenceUrl = /^#ref-(\d+)$/
const claimUrl = /^#claim-(c\d+)$/
const claimLabel = /^claim (c\d+): (.*)$/
const pandocGroup = /\[(@ref-\d+(?:;\s*@ref-\d+)*)\]/g
const generatedSections = new Set(['Claims by cell type', 'References'])

/**
 * The reading half of the annotated Markdown (use after remark-parse): turns linked citation groups
 * (`[[53](#ref-53)–[57](#ref-57)]`) and pandoc groups (`[@ref-53; @ref-54]`) back into `citation`
 * nodes, and claim tags (`[claim c3: MSC](#claim-c3 "mechanism; preclinical; hedged")`) into
 * `file.data.annotations`. The generated "Claims by cell type" and "References" sections are skipped.
 */
export function remarkReadAnnotations() {
  return function transform(tree: Root, file: VFile): void {
    const annotations: Annotations = {groups: [], claims: []}
    const bodyEnd = generatedStart(tree.children)
    for (const node of tree.children.slice(0, bodyEnd)) {
      visit(node, 'paragraph', (paragraph: Paragraph) => {
        paragraph.children = readParagraph(paragraph.children, annotations)
        return SKIP
      })
    }
    file.data.annotations = annotations
  }
}

/**
 * Where the generated sections start: at the last "Claims by cell type" heading, which always follows
 * the body, so a heading of the document's own named "References" stays body; without one, at the
 * first generated-section heading.
 */
function generatedStart(children: Root['children']): number {
  const titleOf = (node: Root['children'][number]): string | undefined =>
    node.type === 'heading' && node.depth === 2 ? node.children.map((child) => ('value' in child ? child.value : '')).join('') : undefined
  for (let index = children.length - 1; index >= 0; index--) if (titleOf(children[index]!) === 'Claims by cell type') return index
  const first = children.findIndex((node) => generatedSections.has(titleOf(node) ?? ''))
  return first === -1 ? children.length : first
}

/** Reads annotated Markdown text back: the citation groups and claims it carries. */
export function readAnnotations(markdown: string): Annotations {
  const processor = unified().use(remarkParse).use(remarkReadAnnotations)
  const file = new VFile(markdown)
  processor.runSync(processor.parse(file), file)
  return file.data.annotations!
}

function readParagraph(children: PhrasingContent[], annotations: Annotations): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'link' && claimUrl.test(node.url)) {
      const claim = readClaimTag(node)
      if (claim) annotations.claims.push(claim)
      continue
    }
    if (node.type === 'text' && node.value.endsWith('[') && isReferenceLink(children[index + 1])) {
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
      out.push(...readPandocGroups(node.value, annotations))
      continue
    }
    out.push(node)
  }
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

function isReferenceLink(node: PhrasingContent | undefined): node is Link {
  return node?.type === 'link' && referenceUrl.test(node.url)
}

/** Reads `[n](#ref-n)` links joined by `, ` or `–` up to a text starting with `]`. */
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
    if (node.value.startsWith(']')) return {numbers, end: index}
    if (node.value === '–') rangeOpen = true
    else if (node.value !== ', ') return undefined
  }
  return undefined
}

function readPandocGroups(value: string, annotations: Annotations): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let last = 0
  for (const match of value.matchAll(pandocGroup)) {
    const numbers = match[1]!.split(';').map((key) => Number(key.trim().slice('@ref-'.length)))
    out.push({type: 'text', value: value.slice(last, match.index)}, citationNode(numbers))
    annotations.groups.push(numbers)
    last = match.index + match[0].length
  }
  out.push({type: 'text', value: value.slice(last)})
  return out
}

function readClaimTag(link: Link): AnnotatedClaim | undefined {
  const label = link.children.map((child) => ('value' in child ? child.value : '')).join('')
  const match = claimLabel.exec(label)
  const [category, evidence, hedged] = (link.title ?? '').split(';').map((part) => part.trim())
  if (!match || !category || !evidence || !hedged) return undefined
  return {id: match[1]!, cellTypes: match[2]!.split(',').map((type) => type.trim()), category, evidence, hedged: hedged === 'hedged'}
}

function citationNode(numbers: number[]): Citation {
  return {type: 'citation', value: '', data: {id: '', raw: '', numbers, valid: true}}
}
