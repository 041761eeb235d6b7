import type {MarkdownCitationStyle} from '../config/types.js'
import type {Citation} from '../types.js'
import {citationStyles} from './citation-styles.js'
import {printPandocCitation} from './pandoc-citation.js'

/**
 * Whether a citation keeps the pandoc form it was written in (prefix, locator, in-text): in pandoc
 * style, a pandoc citation of the input whose keys all resolved. In-text ones start with `@`, not `[`.
 */
export function keepsPandocForm(node: Citation, style: MarkdownCitationStyle): boolean {
  return style === 'pandoc' && node.data.valid && node.data.pandoc !== undefined && node.data.numbers.length === node.data.pandoc.items.length
}

/**
 * A citation node as Markdown in a citation style, for the annotated Markdown and for
 * `citeclaimToMarkdown` alike: a group with numbers in the style (a narrative author–year callout,
 * `Smith et al. (2020)`, keeps its names before it: they are part of the sentence), a pandoc
 * citation of the input in its own form where `keepsPandocForm`, and a group without numbers (invalid,
 * or a callout none of whose keys resolved) as its text. `escape` makes text of the input inert.
 */
export function citationMarkdown(node: Citation, style: MarkdownCitationStyle, escape: (text: string) => string): string {
  if (keepsPandocForm(node, style)) return printPandocCitation(node.data.pandoc!, node.data.numbers, escape)
  if (node.data.valid && node.data.numbers.length > 0) return narrativeNames(node, escape) + citationStyles[style](node.data.numbers)
  return escape(node.value)
}

/** The names of a narrative author–year callout, escaped, with a space before its group; else nothing. */
function narrativeNames(node: Citation, escape: (text: string) => string): string {
  if (!node.data.authorYear?.narrative) return ''
  return `${escape(node.value.slice(0, node.value.lastIndexOf('(')).trimEnd())} `
}
