import type {Parent, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {citationSyntaxes, syntaxesForDocument, type CitationStyle, type CitationSyntax} from './citation-syntax.js'
import type {FoundGroup} from './find-citation-groups.js'
import {reportOn} from '../../diagnostics.js'
import {offsetMapOf, positionOf} from '../parse/positions.js'
import type {Citation} from '../../types.js'
import {defaults} from '../../config/defaults.js'

export interface CitationsOptions {
  /** A range covering more numbers than this makes its group invalid (default 1000). */
  maxRange?: number
  /** The citation syntaxes to find, in priority order (default: the registered ones, numeric brackets first). */
  syntaxes?: readonly CitationSyntax[]
  /**
   * Which callouts to read (config `citations.style`, default `auto`): the syntaxes of one style
   * (`numeric`: `[12]`; `author-year`: `(Smith et al., 2020)`), or all of them, each deciding for
   * itself whether the document cites its way.
   */
  style?: CitationStyle
  /**
   * What the tree was parsed from (default `text`, PDF-extracted plain text): `markdown` also reads
   * Markdown's own citations, pandoc's `[@smith2020]`.
   */
  format?: 'text' | 'markdown'
}

/** Containers whose text is never a citation: a Markdown link's text is the link's, not a callout. */
const skipped = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'definition'])

/**
 * Turns every bracketed numeric group in text nodes into a `citation` node with its expanded
 * numbers, its exact raw text and its position in the original input; so does every other registered
 * citation syntax (author–year callouts, numbered by the entries they name; in Markdown, pandoc
 * citations, numbered through the bibliography file's keys). Invalid groups (reversed or
 * too-wide ranges, impossible numbers) stay in the tree with `valid: false` and a warning. Numeric
 * brackets in a formula (`F[1,12] = 8.42`) stay text, reported at `info` level.
 */
export function remarkCitations(options: CitationsOptions = {}) {
  const maxRange = options.maxRange ?? defaults.citations.maxRange
  const style = options.style ?? defaults.citations.style
  const registered = options.syntaxes ?? citationSyntaxes()
  const format = options.format ?? 'text'
  return function transform(tree: Root, file: VFile): void {
    const syntaxes = syntaxesForDocument(registered, style, () => {
      const texts = new TextCollector()
      splitTexts(tree, texts)
      return {texts: texts.values, tree, file, style, format}
    })
    splitTexts(tree, new CitationSplitter(file, maxRange, syntaxes))
  }
}

/**
 * What `splitTexts` does with each text node: the nodes to put in its place, or undefined to leave
 * it. Objects, not closures made per document (V8 drops a dead closure's optimised code at every
 * full collection, and compiled these again for the documents that followed).
 */
interface TextSplit {
  split(node: Text): Array<Text | Citation> | undefined
}

/** Collects the values of the text nodes, leaving them in place. */
class TextCollector implements TextSplit {
  readonly values: string[] = []

  split(node: Text): undefined {
    this.values.push(node.value)
    return undefined
  }
}

/** Cuts the citation groups out of each text node (`splitText`), numbering them `g1`, `g2`, … in document order. */
class CitationSplitter implements TextSplit {
  private count = 0

  constructor(
    readonly file: VFile,
    readonly maxRange: number,
    readonly syntaxes: readonly CitationSyntax[]
  ) {}

  split(node: Text): Array<Text | Citation> | undefined {
    return splitText(node, this)
  }

  nextId(): string {
    return `g${++this.count}`
  }
}

/**
 * Replaces every text node below `parent` (outside `skipped` containers) by what `split` makes of it,
 * in document order; the new nodes are not visited again.
 */
function splitTexts(parent: Parent, split: TextSplit): void {
  let children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (skipped.has(child.type)) continue
    if (child.type !== 'text') {
      if ('children' in child && child.children) splitTexts(child as Parent, split)
      continue
    }
    const replacement = split.split(child as Text)
    if (!replacement) continue
    // Not `splice(index, 1, ...replacement)`: spreading 100,000 groups into arguments overflows the stack.
    children = children.slice(0, index).concat(replacement as typeof children, children.slice(index + 1))
    parent.children = children
    index += replacement.length - 1
  }
}

function splitText(node: Text, splitter: CitationSplitter): Array<Text | Citation> | undefined {
  const {file, maxRange, syntaxes} = splitter
  const groups = findGroups(node.value, syntaxes)
  if (groups.length === 0) return undefined
  const map = offsetMapOf(node)
  const source = String(file.value)
  const out: Array<Text | Citation> = []
  let last = 0
  const pushText = (start: number, end: number): void => {
    if (end <= start) return
    out.push({type: 'text', value: node.value.slice(start, end), position: positionOf(file, map, start, end), data: {offsetMap: map.slice(start, end)}})
  }
  for (const group of groups) {
    const position = positionOf(file, map, group.start, group.end)
    if (group.lookalike) {
      const shown = node.value.slice(group.start, group.end).slice(0, 40)
      reportOn(file, group.lookalikeCode ?? 'citation-lookalike', `\`${shown}\` ${group.lookalike} is not a citation group: left as text`, position)
      continue
    }
    if (group.malformed) {
      const shown = node.value.slice(group.start, group.end).slice(0, 40)
      const [reason, code] = group.unclosed ? [`citation group \`${shown}\` is never closed`, 'citation-unclosed' as const] : [`malformed citation group \`${shown}\``, 'citation-malformed' as const]
      reportOn(file, code, `${reason}: left as text`, position)
      continue
    }
    pushText(last, group.start)
    const parsed = group.syntax.parse(group.body, {maxRange})
    const raw = source.slice(position.start.offset!, position.end.offset!)
    const citation: Citation = {
      type: 'citation',
      value: node.value.slice(group.start, group.end),
      position,
      data: {id: splitter.nextId(), raw, numbers: parsed.numbers, valid: parsed.valid, syntax: group.syntax.name, ...parsed.data}
    }
    if (parsed.problem) {
      reportOn(file, parsed.problem.code, `${parsed.problem.message} in \`${raw.slice(0, 40)}\`: group marked invalid`, position)
    }
    for (const note of parsed.notes ?? []) reportOn(file, note.code, `${note.message}, in \`${raw.replace(/\s+/g, ' ').slice(0, 80)}\``, position)
    out.push(citation)
    last = group.end
  }
  if (out.length === 0) return undefined
  pushText(last, node.value.length)
  return out
}

/**
 * The callouts of every syntax in `text`, in text order; where two overlap, the one of the earlier
 * syntax stays. Each syntax's list is merged in one pass (linear, whatever the number of callouts).
 */
function findGroups(text: string, syntaxes: readonly CitationSyntax[]): Array<FoundGroup & {syntax: CitationSyntax}> {
  let groups: Array<FoundGroup & {syntax: CitationSyntax}> = []
  for (const syntax of syntaxes) {
    const found = syntax.find(text)
    if (found.length === 0) continue
    if (groups.length === 0) {
      groups = found.map((group) => ({...group, syntax}))
      continue
    }
    const merged: typeof groups = []
    let index = 0
    for (const group of found) {
      while (index < groups.length && groups[index]!.end <= group.start) merged.push(groups[index++]!)
      // Kept groups are sorted and disjoint: only the next one can overlap a group ending before its end.
      if (index < groups.length && groups[index]!.start < group.end) continue
      merged.push({...group, syntax})
    }
    while (index < groups.length) merged.push(groups[index++]!)
    groups = merged
  }
  return groups
}
