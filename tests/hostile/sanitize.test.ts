import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {isSafeUrl, sanitizeInputTree} from '../../src/emit/sanitize.js'
import {markdownProblems} from './checks.js'

const parse = (markdown: string): Root => unified().use(remarkParse).parse(markdown)
const print = (tree: Root): string => unified().use(remarkStringify).stringify(tree)

describe('isSafeUrl', () => {
  it.each(['https://example.org/a', 'http://x', 'mailto:a@b.org', '#ref-1', 'relative/path.html', './a:b', '?q=a:b', ''])('keeps %j', (url) => {
    expect(isSafeUrl(url)).toBe(true)
  })
  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:x', 'java\tscript:x', 'java\nscript:x', '\u0000javascript:x', 'data:text/html,<b>', 'vbscript:msgbox', 'file:///etc/passwd', 'x-custom:thing'])(
    'refuses %j',
    (url) => {
      expect(isSafeUrl(url)).toBe(false)
    }
  )
})

describe('sanitizeInputTree', () => {
  const hostile = [
    '<div onclick="x()">block</div>',
    '',
    'Text <script>alert(1)</script> and <b onmouseover="y()">bold</b>.',
    '',
    '[bad](javascript:alert(2)) [ok](https://example.org) ![alt text](data:image/png;base64,AA) ![](https://x/y.png)',
    '',
    '[ref][r] <vbscript:msgbox(3)>',
    '',
    '[r]: javascript:alert(4)',
    ''
  ].join('\n')

  it('prints no raw HTML, no image and no dangerous URL, and keeps the safe link', () => {
    const markdown = print(sanitizeInputTree(parse(hostile)))
    expect(markdownProblems(markdown, {inputLinks: true})).toEqual([])
    expect(markdown).toContain('[ok](https://example.org)')
  })

  it('keeps what the reader saw: the HTML as text, an image as its alt text, a link as its text', () => {
    const markdown = print(sanitizeInputTree(parse(hostile)))
    const visible = toString(parse(markdown))
    for (const text of ['<div onclick="x()">block</div>', '<script>alert(1)</script>', '<b onmouseover="y()">bold</b>', 'alt text', 'bad', 'vbscript:msgbox(3)']) expect(visible).toContain(text)
  })

  it('leaves the tree it was given unchanged', () => {
    const tree = parse(hostile)
    const before = JSON.stringify(tree)
    sanitizeInputTree(tree)
    expect(JSON.stringify(tree)).toBe(before)
  })

  it('shares the nodes that need no change', () => {
    const tree = parse('# Title\n\nPlain [link](https://example.org) text.\n')
    const clean = sanitizeInputTree(tree)
    expect(clean.children[0]).toBe(tree.children[0])
    expect(clean.children[1]).toBe(tree.children[1])
  })
})

describe('sanitizeInputTree: what would pass for citeclaim\'s own or for pandoc attributes', () => {
  it('takes the target off links and definitions into citeclaim\'s anchors, keeping their text', () => {
    const tree = parse('[claim c1: MSC](#claim:c1 "a; b; hedged") [[1](#ref:1)] [x](#REF:2) [z](#ref%3A4) [y][d] [ok](#ref-3)\n\n[d]: #claim:c2\n')
    const markdown = print(sanitizeInputTree(tree))
    expect(markdown).not.toMatch(/\(#(?:claim|ref)(?::|%3a)|\]: #claim:/i)
    expect(markdown).toContain('[ok](#ref-3)')
    expect(toString(parse(markdown))).toContain('claim c1: MSC')
  })

  it('gives a fenced code block no info string (pandoc reads `{=html}` there as raw HTML)', () => {
    const tree = parse('```{=html}\n<script>x()</script>\n```\n\n```python {onclick=y()}\nprint(1)\n```\n')
    const markdown = print(sanitizeInputTree(tree))
    expect(markdown).toBe('```\n<script>x()</script>\n```\n\n```\nprint(1)\n```\n')
  })
})
