import {describe, expect, it} from 'vitest'
import type {ResolvedConfig} from '../../src/config/types.js'
import type {DocumentRecord} from '../../src/emit/document.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'
import {liveHtml, renderers} from './render.js'

/*
 * Issue 9, point 13: the annotated Markdown stays inert under CommonMark, GFM and pandoc's Markdown
 * reader, whatever the input (.txt or .md) says. Each class of pandoc construct is written into an
 * invented document, run through the pipeline, and the Markdown rendered by the real renderers:
 * no element, attribute, citation or anchor id may come from the input, and the input's text stays
 * visible.
 */

const pandocStyle: ResolvedConfig = {...shippedConfig, citations: {...shippedConfig.citations, markdownStyle: 'pandoc'}}
const styles = {links: shippedConfig, pandoc: pandocStyle}

const references = ['References', '', '1. A. Smith. Title one. J Biol 2001.', '2. B. Jones. Title two. J Biol 2002.', '3. C. Doe. Title three. J Biol 2003.', '']

/** An invented review: a heading, the paragraphs given, a reference list. */
function txt(...paragraphs: string[]): string {
  return ['1. Introduction', '', ...paragraphs.flatMap((paragraph) => [paragraph, '']), ...references].join('\n')
}

function md(...blocks: string[]): string {
  return ['# Introduction', '', ...blocks.flatMap((block) => [block, '']), '## References', '', ...references.slice(2)].join('\n')
}

/** What each renderer makes alive of `input`'s annotated Markdown, in both citation styles. */
function problemsOf(input: string, source: string): {problems: string[]; html: Record<string, string>} {
  const problems: string[] = []
  const html: Record<string, string> = {}
  for (const [style, config] of Object.entries(styles)) {
    const {markdown, record} = analyseText(input, {source, config})
    const citeKeys = new Set((record as DocumentRecord).citationGroups.flatMap((group) => group.numbers.map((n) => `ref-${n}`)))
    for (const [name, render] of Object.entries(renderers)) {
      const out = render(markdown)
      html[`${style}/${name}`] = out
      for (const problem of liveHtml(out, {inputLinks: source.endsWith('.md'), citeKeys})) problems.push(`${style}/${name}: ${problem}`)
    }
  }
  return {problems, html}
}

/** The text of rendered HTML, tags dropped and the usual entities decoded. */
const visible = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

function expectInert(input: string, source: string, kept: string[] = []): void {
  const {problems, html} = problemsOf(input, source)
  expect(problems).toEqual([])
  for (const [where, out] of Object.entries(html)) for (const text of kept) expect(visible(out), `${where} keeps ${text}`).toContain(text)
}

describe('annotated Markdown under CommonMark, GFM and pandoc (issue 9, point 13)', () => {
  it('gives no attributes from `{…}` after a citation group, a claim or plain text (.txt)', () => {
    const input = txt(
      'Mesenchymal stem cells reduce fibrosis in mice [1]{onclick=alert(1)}. MSCs home to the liver [2]{#ref-2 .evil}.',
      'MSCs are safe {onmouseover=alert(2)} in rats [3] {=html}.'
    )
    expectInert(input, 'attributes.txt', ['{onclick=alert(1)}', '{#ref-2 .evil}', '{onmouseover=alert(2)}'])
  })

  it('gives no attributes from `{…}` after a heading, a link or a code span (.md)', () => {
    const input = md(
      '## Results {onmouseover=alert(1) #ref-1}',
      'Mesenchymal stem cells reduce fibrosis in mice [1]. See [the site](https://example.org){onclick=alert(2)} and `code`{.x onclick=alert(3)}.'
    )
    expectInert(input, 'attributes.md', ['Results {onmouseover=alert(1) #ref-1}', '{onclick=alert(2)}', '{.x onclick=alert(3)}'])
  })

  it('makes no raw HTML from `{=html}` on a code block or a code span (.md and .txt)', () => {
    const markdown = md(
      '```{=html}\n<script>alert(1)</script>\n```',
      'Mesenchymal stem cells reduce fibrosis in mice [1] `<b onclick=alert(2)>bold</b>`{=html}.',
      '~~~ {=html}\n<img src=x onerror=alert(3)>\n~~~'
    )
    expectInert(markdown, 'raw.md', ['<script>alert(1)</script>', '<b onclick=alert(2)>bold</b>', '<img src=x onerror=alert(3)>'])
    expectInert(txt('Mesenchymal stem cells reduce fibrosis in mice [1] `<b onclick=alert(2)>bold</b>`{=html}.'), 'raw.txt', ['<b onclick=alert(2)>bold</b>'])
  })

  it('gives a fenced code block no class or attribute from its info string (.md)', () => {
    const input = md('```python {onclick=alert(1)}\nprint(1)\n```', '``` {#x .y onclick=alert(2)}\nz\n```', 'Mesenchymal stem cells reduce fibrosis in mice [1].')
    expectInert(input, 'fences.md', ['print(1)'])
  })

  it('makes no bracketed span, inline note or footnote (.txt and .md)', () => {
    const sentence = 'Mesenchymal stem cells reduce fibrosis^[1] in mice [2]. See [MSC]{.c onclick=alert(1)} and ^[a note] and [^1].'
    expectInert(txt(sentence), 'spans.txt', ['[MSC]{.c onclick=alert(1)}', '^[a note]'])
    expectInert(md(sentence, '[^1]: a footnote'), 'spans.md', ['[MSC]{.c onclick=alert(1)}', '^[a note]', '[^1]: a footnote'])
  })

  it('makes no citation, math or raw TeX from the input text (.txt)', () => {
    const input = txt('Mesenchymal stem cells reduce fibrosis in mice [1], as @smith2020 and [@ref-2; @ref-3] say, at $x$ and $$y$$ doses \\begin{equation}z\\end{equation} and \\emph{w} (@).')
    expectInert(input, 'tex.txt', ['@smith2020', '[@ref-2; @ref-3]', '$x$', '$$y$$', '\\begin{equation}z\\end{equation}', '\\emph{w}'])
  })

  it('makes no fenced div, definition list, line block, title block, YAML block or table (.md)', () => {
    const input = [
      '% The Title',
      '% An Author',
      '',
      ...md(
        '::: {.warn onclick=alert(1)}\nMesenchymal stem cells reduce fibrosis in mice [1].\n:::',
        'Term one\n: definition one',
        'Term two\n~ definition two',
        '| line block one\n| line block two',
        'a | b\n--|--\n1 | 2',
        '+---+---+\n| c | d |\n+---+---+'
      ).split('\n')
    ].join('\n')
    expectInert(input, 'blocks.md', ['% The Title', '::: {.warn onclick=alert(1)}', ': definition one', '~ definition two', '| line block one', 'a | b'])
  })

  it('makes no YAML metadata from a .txt that starts like one', () => {
    const input = ['---', 'title: <script>alert(1)</script>', 'header-includes: <b onclick=alert(2)>x</b>', '...', '', ...txt('Mesenchymal stem cells reduce fibrosis in mice [1].').split('\n')].join('\n')
    expectInert(input, 'yaml.txt', ['title: <script>alert(1)</script>'])
  })

  it('lets no input heading take the id of a generated anchor (.md and .txt)', () => {
    const input = md('## ref-1', '## claim-c1', '## ref:2', '## Claim:C1', 'Mesenchymal stem cells reduce fibrosis in mice [1]. MSCs home to the liver [2].')
    expectInert(input, 'headings.md', ['ref-1', 'claim-c1'])
    const text = ['1. ref-1', '', 'Mesenchymal stem cells reduce fibrosis in mice [1].', '', '2. claim-c1', '', 'MSCs home to the liver [2].', '', ...references].join('\n')
    expectInert(text, 'headings.txt')
  })
})
