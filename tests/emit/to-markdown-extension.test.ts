import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {toMarkdown} from 'mdast-util-to-markdown'
import {citeclaimToMarkdown, remarkCitations, remarkCiteclaimStringify, remarkSentences} from '../../src/index.js'

const text = 'Invented cells grow fast [1-3]. They stop [9-4] *at once* [5].\n'

function ownPipeline(options?: Parameters<typeof remarkCiteclaimStringify>[0] | false) {
  const processor = unified().use(remarkParse).use(remarkCitations).use(remarkSentences)
  return (options === false ? processor : processor.use(remarkCiteclaimStringify, options)).use(remarkStringify)
}

describe('citeclaimToMarkdown in a processor of your own', () => {
  it('prints citation and sentence nodes: valid groups linked, an invalid one as its text, the rest as written', async () => {
    const file = await ownPipeline().process(text)
    expect(String(file)).toBe('Invented cells grow fast [[1](#ref:1)–[3](#ref:3)]. They stop \\[9-4] *at once* [[5](#ref:5)].\n')
  })

  it('writes pandoc citations with that style', async () => {
    const file = await ownPipeline({citationStyle: 'pandoc'}).process('Cells grow [1, 2].\n')
    expect(String(file)).toBe('Cells grow [@ref-1; @ref-2].\n')
  })

  it('keeps the names of a narrative author–year callout, as the annotated Markdown does', async () => {
    const value = 'Cells grew (Smith et al., 2020) fast. As Smith et al. (2020) saw, Adams (2011) did not.\n'
    const entries = [
      {number: 1, item: {id: 'smith2020', type: 'book' as const, author: [{family: 'Smith'}, {family: 'Jones'}, {family: 'Ng'}], issued: {'date-parts': [[2020]]}}},
      {number: 2, item: {id: 'adams2011', type: 'book' as const, author: [{family: 'Adams'}], issued: {'date-parts': [[2011]]}}}
    ]
    const file = new VFile({path: 'cells.md', value})
    file.data.bibliography = {path: 'cells.csl.json', entries}
    expect(String(await ownPipeline().process(file))).toBe('Cells grew [[1](#ref:1)] fast. As Smith et al. [[1](#ref:1)] saw, Adams [[2](#ref:2)] did not.\n')
  })

  it('is an mdast-util-to-markdown extension too', () => {
    const processor = unified().use(remarkParse).use(remarkCitations).use(remarkSentences)
    const tree = processor.runSync(processor.parse('Cells grow [2].\n'))
    expect(toMarkdown(tree as Root, {extensions: [citeclaimToMarkdown()]})).toBe('Cells grow [[2](#ref:2)].\n')
  })

  it('is what the processor needs: without it remark-stringify cannot print the nodes', async () => {
    await expect(ownPipeline(false).process(text)).rejects.toThrow(/unknown node/i)
  })
})
