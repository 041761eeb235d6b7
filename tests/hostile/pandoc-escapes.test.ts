import type {Root} from 'mdast'
import {toMarkdown} from 'mdast-util-to-markdown'
import {describe, expect, it} from 'vitest'
import {pandocUnsafe} from '../../src/emit/pandoc-unsafe.js'
import {textHandler} from '../../src/emit/plain-text.js'
import {renderers} from './render.js'

/*
 * Each escape rule for pandoc's Markdown reader (src/emit/pandoc-unsafe.ts) on an invented
 * sentence: printed with the annotated Markdown's text handler, the construct comes out escaped,
 * and pandoc, CommonMark and GFM all render the sentence as the text it was.
 */

const print = (...values: string[]): string => {
  const tree: Root = {type: 'root', children: [{type: 'paragraph', children: values.map((value) => ({type: 'text', value}))}]}
  return toMarkdown(tree, {unsafe: pandocUnsafe, handlers: {text: textHandler}})
}

const visible = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim()

describe('pandoc escapes in the annotated Markdown text', () => {
  it.each([
    ['attributes', 'Cells heal {#id .class onclick=alert(1)}.', 'Cells heal \\{#id .class onclick=alert(1)}.'],
    ['raw attribute', 'Cells `x`{=html}.', 'Cells \\`x\\`\\{=html}.'],
    ['citations', 'As @smith2020 and [@ref-2] say.', 'As \\@smith2020 and \\[\\@ref-2] say.'],
    ['TeX math', 'At $x$ and $$y$$ doses.', 'At \\$x\\$ and \\$\\$y\\$\\$ doses.'],
    ['raw TeX', 'Cells \\begin{x}y\\end{x} heal.', 'Cells \\\\begin\\{x}y\\\\end\\{x} heal.'],
    ['inline notes and superscript', 'Cells^[a note] heal 2^10^ times.', 'Cells\\^\\[a note] heal 2\\^10\\^ times.'],
    ['subscript and strikeout', 'H~2~O and ~~gone~~.', 'H\\~2\\~O and \\~\\~gone\\~\\~.'],
    ['line blocks and pipe tables', '| a | b |', '\\| a \\| b \\|'],
    ['fenced divs', '::: {.warn}', '\\::: \\{.warn}'],
    ['definition lists', 'Term\n: definition', 'Term\n\\: definition'],
    ['title blocks', '% Title', '\\% Title']
  ])('escapes %s', (_name, text, escaped) => {
    expect(print(text)).toBe(`${escaped}\n`)
    for (const [name, render] of Object.entries(renderers)) expect(visible(render(print(text))), name).toBe(text.replace(/\s+/g, ' '))
  })

  it('escapes a marker that a neighbouring node completes', () => {
    expect(print('Cells^', '[1] heal.')).toBe('Cells\\^\\[1] heal.\n')
    expect(print('Cells heal ', '{onclick=x}')).toBe('Cells heal \\{onclick=x}\n')
  })

  it('leaves prose alone: a colon or a percent sign inside a line', () => {
    expect(print('Ratio 1:2 at 50% confluence: ok.')).toBe('Ratio 1:2 at 50% confluence: ok.\n')
  })
})
