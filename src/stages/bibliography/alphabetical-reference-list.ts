/**
 * A document's own reference list in author–year style: a "References" heading, then entries that are
 * not numbered but start with their first author's family name, in alphabetical order
 * (`Adolf B, Chapouton P. 2006. Title…`, `Smith, J. A., & Jones, K. (2019). Title…`), each perhaps
 * wrapped over lines. Taken out of the body like a numbered list; entries are numbered by position.
 */
import {foldName, particleAlternation} from '../citations/name-key.js'
import {identifiers, joinEntryLines, locateListHeading, type ListLine, type ReferenceList, type ReferenceListEntry} from './reference-list.js'

/**
 * An entry's first line: a family name (perhaps with particles, hyphenated or of two words) and the
 * first author's initials (`Adolf B,`, `Smith, J. A.,`, `van der Berg, H.`), or a collaboration's name
 * ending in a period before the year (`National Center for Biotechnology Information. 2008.`).
 */
const personEntryStart = new RegExp(
  String.raw`^\s*((?:${particleAlternation(false)}\s+){0,3}\p{Lu}[\p{L}'’\-]+(?:[\s\-]\p{Lu}[\p{L}'’\-]+)?),?\s+(?:\p{Lu}\.?[\s\-]?){1,4}(?:[,.&]|\s+(?:and|&)\s|\s*\(|\s+\d{4})`,
  'u'
)
const collaborationEntryStart = /^\s*(\p{Lu}[\p{L}'’\-]*(?:\s+(?:[Ff]or|[Oo]f|[Tt]he|[Oo]n|[Aa]nd|\p{Lu}[\p{L}'’\-]*)){0,9})\.?\s+(?:\((?:1[5-9]\d\d|20\d\d)[a-z]?\)|(?:1[5-9]\d\d|20\d\d)[a-z]?[.,])/u
/** A short line without a period or a digit after a blank line: the next section (`Figures`, `Tables`). */
const sectionLike = /^\s*\p{Lu}[^.\d]{0,60}$/u

/** The first author's family name an entry line starts with, or undefined when it starts no entry. */
export function entryFirstName(line: string): string | undefined {
  return personEntryStart.exec(line)?.[1] ?? collaborationEntryStart.exec(line)?.[1]
}

/**
 * Finds an unnumbered, alphabetical reference list (see the module comment) in blocks of lines and
 * takes it out. A line starts a new entry when it starts like one (`entryFirstName`) and the line
 * before ended the previous entry (a period, a digit, a DOI or URL). Such an entry out of alphabetical
 * order, or an entry without a year, means the list is not one: nothing is taken. Returns the blocks
 * without the list.
 */
export function takeAlphabeticalReferenceList<L extends ListLine>(blocks: readonly L[][]): {blocks: L[][]; list?: ReferenceList} {
  const unchanged = {blocks: blocks.map((block) => [...block])}
  const found = locate(blocks)
  if (!found) return unchanged
  const entries: Array<{name: string; lines: L[]}> = []
  let endBlock = blocks.length
  outer: for (let b = found.block; b < blocks.length; b++) {
    const block = blocks[b]!
    for (let l = b === found.block ? found.line + 1 : 0; l < block.length; l++) {
      const line = block[l]!
      const previous = entries.at(-1)
      const name = entryFirstName(line.text)
      const previousEnded = !previous || l === 0 || /(?:[.)]|\d|\/\S*)\s*$/.test(previous.lines.at(-1)!.text)
      if (name !== undefined && previousEnded) {
        // An entry out of alphabetical order: not such a list (a citation-order list printed without numbers).
        if (previous && !inOrder(previous.name, name)) return unchanged
        entries.push({name, lines: [line]})
      } else if (l === 0 && b > found.block && sectionLike.test(line.text)) {
        endBlock = b
        break outer
      } else if (previous) previous.lines.push(line)
      else return unchanged
    }
  }
  if (entries.length === 0) return unchanged
  const list: ReferenceListEntry[] = entries.map(({lines}, index) => toEntry(index + 1, lines))
  if (list.some((entry) => entry.year === null && !/\bn\.\s?d\.|\bno date\b|\bin press\b/i.test(entry.raw))) return unchanged
  const before = blocks.slice(0, found.block).map((block) => [...block])
  const headingRest = blocks[found.block]!.slice(0, found.line)
  if (headingRest.length > 0) before.push(headingRest)
  const last = entries.at(-1)!.lines.at(-1)!
  return {
    blocks: [...before, ...blocks.slice(endBlock).map((block) => [...block])],
    list: {start: blocks[found.block]![found.line]!.offset, end: last.offset + last.text.trimEnd().length, entries: list}
  }
}

/**
 * Whether `name` may follow `previous` in an alphabetical list, by first letter (finer orders vary
 * between styles). A name with particles sorts under either (`van der Berg` under V or under B).
 */
function inOrder(previous: string, name: string): boolean {
  return Math.max(...initials(name).map((letter) => letter.charCodeAt(0))) >= Math.min(...initials(previous).map((letter) => letter.charCodeAt(0)))
}

/** The folded first letters a name sorts under: its own, and that of its part after the particles. */
function initials(name: string): string[] {
  const folded = foldName(name)
  const bare = foldName(name.replace(/^(?:\p{Ll}+\s+)+/u, ''))
  return [folded.charAt(0), bare.charAt(0)]
}

/** The last "References" heading line whose next line starts an unnumbered entry. */
function locate(blocks: readonly ListLine[][]): {block: number; line: number} | undefined {
  return locateListHeading(blocks, (text) => entryFirstName(text) !== undefined)
}

function toEntry(number: number, lines: readonly ListLine[]): ReferenceListEntry {
  const first = lines[0]!
  const last = lines.at(-1)!
  const raw = joinEntryLines(lines.map((line) => line.text))
  return {number, raw, ...identifiers(raw), start: first.offset + (first.text.length - first.text.trimStart().length), end: last.offset + last.text.trimEnd().length}
}
