import type {Nodes, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {skipChildren, walk} from '../../tree-walk.js'
import {sectionNumber} from './section-number.js'

/** A section of the document, opened by a heading. */
export interface Section {
  /** `sec-2.3` for a numbered heading, `sec-<slug of the title>` otherwise; `-2`, `-3` on repeats. */
  id: string
  number: string | null
  title: string
  /** Heading depth (1 for a title, 2 for `1.`, 3 for `2.3`). */
  level: number
  start: Point
}

declare module 'vfile' {
  interface DataMap {
    sections: Section[]
  }
}

/** `2.3.`, `2.3` or `IV.` before a Markdown heading's title. */
const leadingNumber = new RegExp(String.raw`^(${sectionNumber}|[IVX]{1,5}(?=\.))\.?\s+`)

/** Gives every heading a section id and lists the sections in `file.data.sections`. */
export function remarkSections() {
  return function transform(tree: Root, file: VFile): void {
    const numbering: SectionNumbering = {sections: [], used: new Set(), repeats: new Map()}
    walk(tree, numberSection, numbering)
    file.data.sections = numbering.sections
  }
}

/** What `numberSection` keeps while it walks one document. */
interface SectionNumbering {
  sections: Section[]
  used: Set<string>
  /** The next suffix to try per base id. */
  repeats: Map<string, number>
}

function numberSection(node: Nodes, _parent: unknown, numbering: SectionNumbering): boolean | void {
  // No heading is inside a paragraph: its phrasing content is most of the tree.
  if (node.type === 'paragraph') return skipChildren
  if (node.type !== 'heading') return
  const heading = node
  const {sections, used, repeats} = numbering
  const text = toString(heading).replace(/\s+/g, ' ').trim()
  const number = heading.data?.number !== undefined ? heading.data.number : leadingNumber.exec(text)?.[1] ?? null
  const title = heading.data?.title ?? (number ? text.replace(leadingNumber, '') : text).replace(/\.$/, '')
  const base = number ? `sec-${number}` : `sec-${slug(title) || sections.length + 1}`
  // Repeats get -2, -3, …; the next suffix per base is remembered, so many repeats stay linear.
  let id = base
  for (let n = repeats.get(base) ?? 2; used.has(id); n++) {
    id = `${base}-${n}`
    repeats.set(base, n + 1)
  }
  used.add(id)
  heading.data = {...heading.data, number, title, sectionId: id}
  sections.push({id, number, title, level: heading.depth, start: heading.position!.start})
  return skipChildren
}

function slug(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '')
}
