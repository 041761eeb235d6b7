import fc from 'fast-check'
import type {PhrasingContent, Root, RootContent} from 'mdast'
import {toMarkdown, type Options} from 'mdast-util-to-markdown'
import {describe, expect, it} from 'vitest'
import {pandocUnsafe} from '../../src/emit/pandoc-unsafe.js'
import {textHandler} from '../../src/emit/plain-text.js'
import {fuzzRuns} from '../helpers/scale.js'

/*
 * The fast text handler must print exactly what mdast-util-to-markdown's own handler prints: it only
 * skips the escape patterns where none can apply. Compared on random trees whose text mixes letters,
 * digits, spaces and every character with an escape rule, in every container where text occurs.
 */
const seed = Number(process.env.CITECLAIM_FUZZ_SEED ?? 20_261_125)
const numRuns = fuzzRuns(500, 2000)

const pieces = ['a', 'Z', 'é', 'ß', '1', '12', ' ', '  ', '\t', '\n', '\r\n', '.', ')', '(', '#', '*', '_', '`', '~', '[', ']', '!', '&', '&amp;', '<', '<a', '>', '-', '+', '=', '\\', '"', "'", ':', '|', '$', '{', '}', '@', '^', '%', 'http://x', 'www.x']
const text = fc.array(fc.constantFrom(...pieces), {maxLength: 12}).map((parts) => parts.join(''))
const textNode = text.map((value): PhrasingContent => ({type: 'text', value}))
const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
  {weight: 6, arbitrary: textNode},
  {weight: 1, arbitrary: fc.array(textNode, {minLength: 1, maxLength: 3}).map((children): PhrasingContent => ({type: 'emphasis', children}))},
  {weight: 1, arbitrary: fc.array(textNode, {minLength: 1, maxLength: 3}).map((children): PhrasingContent => ({type: 'strong', children}))},
  {weight: 1, arbitrary: fc.array(textNode, {minLength: 1, maxLength: 3}).map((children): PhrasingContent => ({type: 'link', url: 'https://example.org/', children}))},
  {weight: 1, arbitrary: text.map((value): PhrasingContent => ({type: 'inlineCode', value: value || 'x'}))},
  {weight: 1, arbitrary: fc.constant<PhrasingContent>({type: 'break'})},
  {weight: 1, arbitrary: text.map((value): PhrasingContent => ({type: 'html', value: `<span>${value.replace(/[<>\n\r]/g, '')}</span>`}))}
)
const inline = fc.array(phrasing, {minLength: 1, maxLength: 6})
const block: fc.Arbitrary<RootContent> = fc.oneof(
  inline.map((children): RootContent => ({type: 'paragraph', children})),
  fc.tuple(fc.integer({min: 1, max: 6}), inline).map(([depth, children]): RootContent => ({type: 'heading', depth: depth as 1, children})),
  inline.map((children): RootContent => ({type: 'blockquote', children: [{type: 'paragraph', children}]})),
  fc.tuple(fc.boolean(), inline).map(([ordered, children]): RootContent => ({type: 'list', ordered, children: [{type: 'listItem', children: [{type: 'paragraph', children}]}]}))
)
const tree = fc.array(block, {minLength: 1, maxLength: 4}).map((children): Root => ({type: 'root', children}))

const fast: Options = {handlers: {text: textHandler}}
// As the annotated Markdown prints: with the pandoc escapes too.
const pandoc: Options = {unsafe: pandocUnsafe}
const fastPandoc: Options = {...pandoc, handlers: {text: textHandler}}

describe('the fast text handler', () => {
  it('prints the same bytes as the default text handler', () => {
    fc.assert(
      fc.property(tree, (root) => {
        expect(toMarkdown(root, fast)).toBe(toMarkdown(root))
        expect(toMarkdown(root, fastPandoc)).toBe(toMarkdown(root, pandoc))
      }),
      {seed, numRuns}
    )
  })

  it('leaves prose alone and still escapes what needs it', () => {
    const paragraph = (value: string): Root => ({type: 'root', children: [{type: 'paragraph', children: [{type: 'text', value}]}]})
    expect(toMarkdown(paragraph('MSCs (CD73+) reduce fibrosis.'), fast)).toBe('MSCs (CD73+) reduce fibrosis.\n')
    expect(toMarkdown(paragraph('1. not a list'), fast)).toBe('1\\. not a list\n')
    expect(toMarkdown(paragraph('a *b* [c] <d> _e_ &amp;'), fast)).toBe('a \\*b\\* \\[c] \\<d> \\_e\\_ \\&amp;\n')
    expect(toMarkdown(paragraph('- item'), fast)).toBe('\\- item\n')
  })
})
