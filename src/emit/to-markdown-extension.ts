import type {Handle, Options as ToMarkdownExtension} from 'mdast-util-to-markdown'
import type {Processor} from 'unified'
import type {MarkdownCitationStyle} from '../config/types.js'
import type {Citation, Sentence} from '../types.js'
import {citationMarkdown} from './citation-markdown.js'

/** Options of {@link citeclaimToMarkdown}. */
export interface CiteclaimToMarkdownOptions {
  /** How a valid citation group is written: `links` (default) or `pandoc`, as `citations.markdownStyle`. */
  citationStyle?: MarkdownCitationStyle
}

/**
 * The mdast-util-to-markdown extension that prints citeclaim's own nodes (for `toMarkdown(tree,
 * {extensions: [citeclaimToMarkdown()]})`; in a unified processor, use `remarkCiteclaimStringify`). A valid `citation` prints in the
 * citation style (`[[1](#ref:1)–[3](#ref:3)]`, or `[@ref-1; @ref-2; @ref-3]`), an invalid one as
 * its text, escaped like any text; a `sentence` prints its children in a row, so the paragraph reads
 * as it did. (Without it remark-stringify throws on the unknown nodes.) `toAnnotatedMarkdown` adds
 * the claim tags, the claims section and the references on top of this.
 */
export function citeclaimToMarkdown(options: CiteclaimToMarkdownOptions = {}): ToMarkdownExtension {
  const style = options.citationStyle ?? 'links'
  const print: Handle = (node: Citation, _parent, state, info) => citationMarkdown(node, style, (text) => state.safe(text, info))
  // remark-stringify asks a node's first character before printing it (`[`, `@`, or a narrative callout's first name).
  const citation = Object.assign(print, {peek: (node: Citation, parent: Parameters<Handle>[1], state: Parameters<Handle>[2], info: Parameters<Handle>[3]) => print(node, parent, state, info).charAt(0)})
  const sentence: Handle = (node: Sentence, _parent, state, info) => state.containerPhrasing(node, info)
  return {handlers: {citation, sentence} as ToMarkdownExtension['handlers']}
}

/**
 * Plugin that lets remark-stringify print citeclaim's nodes, the way remark-gfm adds its own: it
 * registers `citeclaimToMarkdown(options)` in the processor's `toMarkdownExtensions`, so
 * `unified().use(remarkParse).use(remarkCitations).use(remarkSentences).use(remarkCiteclaimStringify)
 * .use(remarkStringify)` works. (remark-stringify reads extensions from there, not from its options.)
 */
export function remarkCiteclaimStringify(this: Processor, options: CiteclaimToMarkdownOptions = {}): void {
  const data = this.data()
  const extensions = (data.toMarkdownExtensions ??= [])
  extensions.push(citeclaimToMarkdown(options))
}
