import type {Root} from 'mdast'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../../src/config/types.js'
import {createProcessor, type InputFormat} from '../../src/pipeline.js'
import type {Bibliography} from '../../src/stages/bibliography/remark-bibliography.js'
import type {Citation} from '../../src/types.js'

/**
 * The citation nodes of `text` (in document order) run through the whole processor, with
 * `bibliography` attached to the file as the bibliography stage finds it; and the file, for its messages.
 */
export function citationsOf(text: string, options: {config: ResolvedConfig; path: string; bibliography: Bibliography; format?: InputFormat}): {citations: Citation[]; file: VFile} {
  const processor = createProcessor(options.config, options.format)
  const file = new VFile({path: options.path, value: text})
  file.data.bibliography = options.bibliography
  const tree = processor.runSync(processor.parse(file), file) as Root
  const citations: Citation[] = []
  visit(tree, 'citation', (node) => {
    citations.push(node as unknown as Citation)
  })
  return {citations, file}
}
