import type {Root} from 'mdast'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {findMarkdownHazard, findTooDeepNode, markdownLimits} from './markdown-limits.js'
import {pointAt} from './positions.js'

/** The diagnostic code of a Markdown document refused by `remarkMarkdownLimits`. */
export const markdownTooComplex = 'markdown-too-complex'

/**
 * Puts `markdownLimits` around the parser set by remark-parse (use it after remark-parse): a
 * document past a limit, before parsing or in the tree it parses to, fails with a fatal
 * `markdown-too-complex` message at the offending block or node, instead of parsing or printing for
 * minutes or overflowing the stack.
 */
export function remarkMarkdownLimits(this: Processor): void {
  const parse = this.parser
  if (!parse) throw new Error('remarkMarkdownLimits needs a parser: use it after remark-parse')
  this.parser = (document: string, file: VFile): Root => {
    const hazard = findMarkdownHazard(document)
    if (hazard) {
      file.fail(`document too complex to parse as Markdown: ${hazard.reason}; simplify or split it`, {place: pointAt(file, hazard.offset), ruleId: markdownTooComplex, source: 'citeclaim'})
    }
    const tree = parse(document, file) as Root
    const deep = findTooDeepNode(tree)
    if (deep) {
      file.fail(`document too complex to parse as Markdown: nested more than ${markdownLimits.maxTreeDepth} levels deep (emphasis, links, block quotes or lists); simplify or split it`, {place: deep.position?.start ?? pointAt(file, 0), ruleId: markdownTooComplex, source: 'citeclaim'})
    }
    return tree
  }
}
