import type {MarkdownCitationStyle} from '../config/types.js'
import {referenceAnchor} from './anchors.js'

/** How a valid citation group is written in the annotated Markdown, one entry per style. */
export const citationStyles: Record<MarkdownCitationStyle, (numbers: readonly number[]) => string> = {
  /** `[[53](#ref:53)–[57](#ref:57)]`: each number links to its entry in the References section. */
  links(numbers) {
    const link = (n: number): string => `[${n}](#${referenceAnchor(n)})`
    return `[${runs(numbers).map(([first, last]) => (first === last ? link(first) : last === first + 1 ? `${link(first)}, ${link(last)}` : `${link(first)}–${link(last)}`)).join(', ')}]`
  },
  /** `[@ref-53; @ref-54]`: pandoc citations, keyed like `<id>.references.csl.json`. */
  pandoc(numbers) {
    return `[${numbers.map((n) => `@ref-${n}`).join('; ')}]`
  }
}

/** Consecutive runs of numbers, as [first, last] pairs, in the order written. */
function runs(numbers: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const n of numbers) {
    const last = out[out.length - 1]
    if (last && n === last[1] + 1) last[1] = n
    else out.push([n, n])
  }
  return out
}
