import type {Parent, Root, Text} from 'mdast'
import type {VFile} from 'vfile'
import {findCitationGroups, type FoundGroup} from '../citations/find-citation-groups.js'
import {findPandocCitations, type PandocCitationGroup} from '../citations/pandoc-citations.js'
import {parseCitationGroup} from '../citations/parse-citation-group.js'
import {offsetMapOf, positionOf} from '../parse/positions.js'
import type {Citation} from '../types.js'

export interface CitationsOptions {
  /** A range covering more numbers than this makes its group invalid (default 1000). */
  maxRange?: number
  /**
   * Also read pandoc citations (`[@smith2020; @lee2018, p. 3]`, `@smith2020`, `[-@smith2020]`):
   * Markdown input. Their groups carry `keys`; the bibliography stage gives them numbers.
   */
  pandoc?: boolean
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
  const pandoc = options.pandoc ?? false
  return function transform(tree: Root, file: VFile): void {
    let count = 0
    const nextId = (): string => `g${++count}`
    splitTexts(tree, (node) => splitText(node, file, nextId, maxRange, pandoc))
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

/** Numeric groups and, in Markdown, pandoc citations, in text order; a numeric group inside a pandoc one is the pandoc one's. */
function findGroups(text: string, pandoc: boolean): Array<FoundGroup | (PandocCitationGroup & {pandoc: true})> {
  const numeric = findCitationGroups(text)
  if (!pandoc || !text.includes('@')) return numeric
  const keyed = findPandocCitations(text).map((group) => ({...group, pandoc: true as const}))
  if (keyed.length === 0) return numeric
  // Both lists are in text order: one walk drops the numeric groups a pandoc group overlaps.
  const out: Array<FoundGroup | (PandocCitationGroup & {pandoc: true})> = []
  let next = 0
  for (const group of numeric) {
    while (next < keyed.length && keyed[next]!.end <= group.start) out.push(keyed[next++]!)
    if (next < keyed.length && keyed[next]!.start < group.end) continue
    out.push(group)
  }
  while (next < keyed.length) out.push(keyed[next++]!)
  return out
}

function splitText(node: Text, file: VFile, nextId: () => string, maxRange: number, pandoc: boolean): Array<Text | Citation> | undefined {
  const groups = findGroups(node.value, pandoc)
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
    if ('pandoc' in group) {
      pushText(last, group.start)
      const raw = source.slice(position.start.offset!, position.end.offset!)
      const keys = group.items.map((item) => item.key)
      out.push({type: 'citation', value: node.value.slice(group.start, group.end), position, data: {id: nextId(), raw, numbers: [], valid: true, keys, pandoc: {bracketed: group.bracketed, items: group.items}}})
      last = group.end
      continue
    }
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
