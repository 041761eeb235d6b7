import fc from 'fast-check'
import type {PhrasingContent, Root, RootContent} from 'mdast'
import {toMarkdown, type Handle, type Options} from 'mdast-util-to-markdown'
import {describe, expect, it} from 'vitest'
import {joinLiterals} from '../../src/emit/markdown.js'
import {textHandler} from '../../src/emit/plain-text.js'
import {fuzzRuns} from '../helpers/scale.js'

/*
 * The annotated Markdown joins citations and claim tags with the plain texts between them into one
 * literal before remark-stringify sees the paragraph: the bytes must be those of the paragraph as it
 * was. Compared on random paragraphs whose texts mix letters with every character that can need an
 * escape, and whose literals end in brackets, line endings or spaces, in every flow container.
 */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_125)
const numRuns = fuzzRuns(500, 2000)

interface Literal {
  type: 'claimTag'
  value: string
}
const literalHandler = Object.assign((node: Literal) => node.value, {peek: () => '['})
const options: Options = {handlers: {claimTag: literalHandler as unknown as Handle, text: textHandler} as Options['handlers']}
const print = (node: {type: string; value?: string}): string | undefined => (node.type === 'claimTag' ? node.value : undefined)

const textPieces = ['a', 'Z', 'é', '1', ' ', '  ', '\t', '\n', '.', ',', ')', '(', '#', '*', '_', '`', '~', '[', ']', '!', '&', '<', '>', '-', '+', '=', '\\', ':', '|', 'http://x', 'www.x']
const literalValues = ['[1](#ref-1)', '[[2](#ref-2)–[4](#ref-4)]', '\\[5\\]', '[claim c1: MSC](#claim-c1 "mechanism; preclinical; hedged")', 'x]', 'y\n', '\r', '(', ' ', '*', '!', '[@ref-1; @ref-2]']
const text = fc.array(fc.constantFrom(...textPieces), {minLength: 1, maxLength: 8}).map((parts): PhrasingContent => ({type: 'text', value: parts.join('')}))
const literal = fc.constantFrom(...literalValues).map((value) => ({type: 'claimTag', value}) as unknown as PhrasingContent)
const other = fc.constantFrom<PhrasingContent>({type: 'emphasis', children: [{type: 'text', value: 'em'}]}, {type: 'break'}, {type: 'inlineCode', value: 'c'})
const child = fc.oneof({weight: 4, arbitrary: text}, {weight: 5, arbitrary: literal}, {weight: 1, arbitrary: other})
const paragraph = fc.array(child, {minLength: 1, maxLength: 10})
const inContainer = (children: PhrasingContent[], container: number): RootContent[] => {
  const p: RootContent = {type: 'paragraph', children}
  if (container === 1) return [{type: 'blockquote', children: [p]}]
  if (container === 2) return [{type: 'list', ordered: false, children: [{type: 'listItem', children: [p]}]}]
  return [{type: 'heading', depth: 2, children: [{type: 'text', value: 'Title'}]}, p]
}

describe('joinLiterals', () => {
  it('leaves the printed paragraph byte for byte as it was', () => {
    fc.assert(
      fc.property(paragraph, fc.integer({min: 0, max: 2}), (children, container) => {
        const before: Root = {type: 'root', children: inContainer(children, container)}
        const after: Root = {type: 'root', children: inContainer(joinLiterals(children, print) as PhrasingContent[], container)}
        expect(toMarkdown(after, options)).toBe(toMarkdown(before, options))
      }),
      {seed, numRuns}
    )
  })

  it('joins a run of literals and the plain texts between them', () => {
    const children = [
      {type: 'text', value: 'Cells repair '},
      {type: 'claimTag', value: '[1](#ref-1)'},
      {type: 'text', value: ' and heal '},
      // An invalid group prints escaped and ends in `]`: a `(` after it would open a link, so the text
      // after it is left to the text handler, and the run ends there.
      {type: 'claimTag', value: '\\[2\\]'},
      {type: 'text', value: '(x) '},
      {type: 'claimTag', value: '[3](#ref-3)'},
      {type: 'text', value: '.'}
    ]
    expect(joinLiterals(children, print)).toEqual([
      children[0],
      {type: 'claimTag', value: '[1](#ref-1) and heal \\[2\\]'},
      children[4],
      children[5],
      children[6]
    ])
  })
})
