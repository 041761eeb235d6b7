import type {Parent, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {authorYearCitation} from '../citations/author-year-citation.js'
import {authorYearGroups, type AuthorYearGroup, type CitationStyle} from '../citations/author-year-groups.js'
import {authorYearSourceOf} from '../citations/author-year-source.js'
import {findCitationGroups, type FoundGroup} from '../citations/find-citation-groups.js'
import {parseCitationGroup} from '../citations/parse-citation-group.js'
import {offsetMapOf, positionOf} from '../parse/positions.js'
import type {Citation} from '../types.js'

export interface CitationsOptions {
  /** A range covering more numbers than this makes its group invalid (default 1000). */
  maxRange?: number
  /**
   * Which callouts to read (default `auto`): numeric brackets, author–year callouts, or both, the
   * author–year ones when the document is found to cite that way.
   */
  style?: CitationStyle
}

/** A text's author–year groups, and the callouts that stay text as look-alikes. */
interface AuthorYearInText {
  groups: AuthorYearGroup[]
  lookalikes: Array<{start: number; end: number}>
}

/** Containers whose text is never a citation: a Markdown link's text is the link's, not a callout. */
const skipped = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'definition'])

/**
 * Turns every bracketed numeric group in text nodes into a `citation` node with its expanded
 * numbers, its exact raw text and its position in the original input; with `style` `auto` or
 * `author-year`, author–year callouts too, numbered by the bibliography entries they resolve to. Invalid groups (reversed or
 * too-wide ranges, impossible numbers) stay in the tree with `valid: false` and a warning. Numeric
 * brackets in a formula (`F[1,12] = 8.42`) stay text, reported at `info` level.
 */
export function remarkCitations(options: CitationsOptions = {}) {
  const maxRange = options.maxRange ?? 1000
  const style = options.style ?? 'auto'
  return function transform(tree: Root, file: VFile): void {
    let count = 0
    const nextId = (): string => `g${++count}`
    const authorYear = new Map<Text, AuthorYearInText>()
    const source = style === 'numeric' ? undefined : authorYearSourceOf(tree, file)
    if (style !== 'numeric') {
      const texts: Text[] = []
      splitTexts(tree, (node) => void texts.push(node))
      const found = authorYearGroups(texts.map((node) => node.value), source?.index, style)
      texts.forEach((node, index) => {
        if (found.groups[index]!.length > 0 || found.lookalikes[index]!.length > 0) authorYear.set(node, {groups: found.groups[index]!, lookalikes: found.lookalikes[index]!})
      })
      if (found.inUse && !source && found.groups.some((groups) => groups.length > 0)) {
        file.message('author–year callouts, but no bibliography file or reference list to resolve them: their groups have no numbers', {ruleId: 'author-year-no-bibliography', source: 'citeclaim'})
      }
    }
    splitTexts(tree, (node) => splitText(node, file, nextId, maxRange, style !== 'author-year', authorYear.get(node), source?.name))
  }
}

/**
 * Replaces every text node below `parent` (outside `skipped` containers) by what `split` makes of it,
 * in document order; the new nodes are not visited again.
 */
function splitTexts(parent: Parent, split: (node: Text) => Array<Text | Citation> | undefined): void {
  let children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (skipped.has(child.type)) continue
    if (child.type !== 'text') {
      if ('children' in child && child.children) splitTexts(child as Parent, split)
      continue
    }
    const replacement = split(child as Text)
    if (!replacement) continue
    // Not `splice(index, 1, ...replacement)`: spreading 100,000 groups into arguments overflows the stack.
    children = children.slice(0, index).concat(replacement as typeof children, children.slice(index + 1))
    parent.children = children
    index += replacement.length - 1
  }
}

function splitText(node: Text, file: VFile, nextId: () => string, maxRange: number, numeric: boolean, authorYear: AuthorYearInText | undefined, sourceName: string | undefined): Array<Text | Citation> | undefined {
  const numericGroups = numeric ? findCitationGroups(node.value) : []
  if (authorYear) reportLookalikes(node, file, authorYear.lookalikes, sourceName)
  const groups: Array<FoundGroup | AuthorYearGroup> = authorYear && authorYear.groups.length > 0 ? [...numericGroups, ...authorYear.groups].sort((a, b) => a.start - b.start) : numericGroups
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
    if ('cites' in group) {
      pushText(last, group.start)
      out.push(authorYearCitation(node, group, file, nextId(), sourceName))
      last = group.end
      continue
    }
    const position = positionOf(file, map, group.start, group.end)
    if (group.lookalike) {
      const shown = node.value.slice(group.start, group.end).slice(0, 40)
      const message = file.message(`\`${shown}\` ${group.lookalike} is not a citation group: left as text`, {place: position, ruleId: 'citation-lookalike', source: 'citeclaim'})
      message.fatal = undefined
      continue
    }
    if (group.malformed) {
      const shown = node.value.slice(group.start, group.end).slice(0, 40)
      const [reason, ruleId] = group.unclosed ? [`citation group \`${shown}\` is never closed`, 'citation-unclosed'] : [`malformed citation group \`${shown}\``, 'citation-malformed']
      file.message(`${reason}: left as text`, {place: position, ruleId, source: 'citeclaim'})
      continue
    }
    pushText(last, group.start)
    const parsed = parseCitationGroup(group.body, {maxRange})
    const raw = source.slice(position.start.offset!, position.end.offset!)
    const citation: Citation = {
      type: 'citation',
      value: node.value.slice(group.start, group.end),
      position,
      data: {id: nextId(), raw, numbers: parsed.numbers, valid: parsed.valid}
    }
    if (parsed.problem) {
      file.message(`${parsed.problem.message} in \`${raw.slice(0, 40)}\`: group marked invalid`, {place: position, ruleId: parsed.problem.code, source: 'citeclaim'})
    }
    out.push(citation)
    last = group.end
  }
  if (out.length === 0) return undefined
  pushText(last, node.value.length)
  return out
}

/** Author–year look-alikes stay text, reported at `info` level where they stand. */
function reportLookalikes(node: Text, file: VFile, lookalikes: ReadonlyArray<{start: number; end: number}>, sourceName: string | undefined): void {
  const map = offsetMapOf(node)
  for (const {start, end} of lookalikes) {
    const shown = node.value.slice(start, end).slice(0, 60)
    const message = file.message(`\`${shown}\` reads like an author–year callout but names no entry of ${sourceName ?? 'the bibliography'}: left as text`, {place: positionOf(file, map, start, end), ruleId: 'author-year-lookalike', source: 'citeclaim'})
    message.fatal = undefined
  }
}
