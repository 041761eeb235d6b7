import type {Parent, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {findCitationGroups} from '../citations/find-citation-groups.js'
import {parseCitationGroup} from '../citations/parse-citation-group.js'
import {reportOn} from '../diagnostics.js'
import {offsetMapOf, positionOf} from '../parse/positions.js'
import type {Citation} from '../types.js'

export interface CitationsOptions {
  /** A range covering more numbers than this makes its group invalid (default 1000). */
  maxRange?: number
}

/** Containers whose text is never a citation: a Markdown link's text is the link's, not a callout. */
const skipped = new Set(['link', 'linkReference', 'inlineCode', 'code', 'html', 'definition'])

/**
 * Turns every bracketed numeric group in text nodes into a `citation` node with its expanded
 * numbers, its exact raw text and its position in the original input. Invalid groups (reversed or
 * too-wide ranges, impossible numbers) stay in the tree with `valid: false` and a warning. Numeric
 * brackets in a formula (`F[1,12] = 8.42`) stay text, reported at `info` level.
 */
export function remarkCitations(options: CitationsOptions = {}) {
  const maxRange = options.maxRange ?? 1000
  return function transform(tree: Root, file: VFile): void {
    let count = 0
    const nextId = (): string => `g${++count}`
    splitTexts(tree, (node) => splitText(node, file, nextId, maxRange))
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

function splitText(node: Text, file: VFile, nextId: () => string, maxRange: number): Array<Text | Citation> | undefined {
  const groups = findCitationGroups(node.value)
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
      reportOn(file, 'citation-lookalike', `\`${shown}\` ${group.lookalike} is not a citation group: left as text`, position)
      continue
    }
    if (group.malformed) {
      const shown = node.value.slice(group.start, group.end).slice(0, 40)
      const [reason, code] = group.unclosed ? [`citation group \`${shown}\` is never closed`, 'citation-unclosed' as const] : [`malformed citation group \`${shown}\``, 'citation-malformed' as const]
      reportOn(file, code, `${reason}: left as text`, position)
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
      reportOn(file, parsed.problem.code, `${parsed.problem.message} in \`${raw.slice(0, 40)}\`: group marked invalid`, position)
    }
    out.push(citation)
    last = group.end
  }
  if (out.length === 0) return undefined
  pushText(last, node.value.length)
  return out
}
