import type {Nodes, Root} from 'mdast'
import {describe, expect, it} from 'vitest'
import {findMarkdownHazard, findTooDeepNode, markdownLimits} from '../../src/stages/parse/markdown-limits.js'
import {walk} from '../../src/tree-walk.js'
import {analyseText} from '../helpers/analyse.js'

/*
 * Markdown that remark-parse (micromark) parses in super-linear time, or into trees deeper than a
 * stack: refused before analysis with `markdown-too-complex` at the offending place. On the code
 * before these limits, the first cases ran for minutes (the test times out) or overflowed the stack.
 */

/** Analyses `text` as a Markdown file; its diagnostics and whether it got output files. */
function analyseMarkdown(text: string): {codes: string[]; starts: Array<string | undefined>; written: boolean} {
  const {output} = analyseText(text, {source: 'hostile.md'})
  return {
    codes: output.diagnostics.map((diagnostic) => diagnostic.code),
    starts: output.diagnostics.map((diagnostic) => (diagnostic.start ? `${diagnostic.start.line}:${diagnostic.start.column}` : undefined)),
    written: output.files.length > 0
  }
}

describe('Markdown limits: the pre-scan', () => {
  it('counts container levels: > markers, list markers and 4-column indentation', () => {
    const limits = {maxMarkersPerBlock: 100, maxNesting: 3}
    expect(findMarkdownHazard('> > > quoted\n', limits)).toBeUndefined()
    expect(findMarkdownHazard('Intro.\n\n>>>> quoted\n', limits)).toEqual({offset: 8, reason: expect.stringMatching(/nested more than 3 levels/)})
    expect(findMarkdownHazard('- 1. + item\n', limits)).toBeUndefined()
    expect(findMarkdownHazard('- 1. + * item\n', limits)?.offset).toBe(0)
    expect(findMarkdownHazard('- a\n            - deep item\n', limits)?.offset).toBe(4)
    // A dash or a number not followed by white space is text, not a list marker.
    expect(findMarkdownHazard('-1.5 -2 -3 -4 -5\n', limits)).toBeUndefined()
    expect(findMarkdownHazard('2024. 2025. 2026.x text\n', limits)).toBeUndefined()
  })

  it('counts emphasis, link and code markers per paragraph; a blank line, list item or heading starts another', () => {
    const limits = {maxMarkersPerBlock: 10, maxNesting: 32}
    expect(findMarkdownHazard('*a* [b] `c` _d_\n', limits)).toBeUndefined()
    expect(findMarkdownHazard('First line.\n*a* *b* *c*\n[d] [e] [f]\n', limits)).toEqual({offset: 0, reason: expect.stringMatching(/more than 10 emphasis, link or code markers/)})
    expect(findMarkdownHazard('*a* *b* *c*\n\n[d] [e]\n', limits)).toBeUndefined()
    expect(findMarkdownHazard('- *a* *b* *c*\n- [d] [e] [f]\n', limits)).toBeUndefined()
    expect(findMarkdownHazard('# *a* *b* *c*\n[d] [e] [f]\n', limits)).toBeUndefined()
    expect(findMarkdownHazard('Text.\n\nA *b* *c* *d*\nand [e] [f] [g]\n', limits)?.offset).toBe(7)
  })

  it('reads lines ending in CR LF or a lone CR as micromark does', () => {
    const limits = {maxMarkersPerBlock: 10, maxNesting: 3}
    expect(findMarkdownHazard('*a* *b* *c*\r\n\r\n[d] [e]\r\n', limits)).toBeUndefined()
    expect(findMarkdownHazard('*a* *b* *c*\r\r[d] [e]\r', limits)).toBeUndefined()
    expect(findMarkdownHazard('*a* *b* *c*\r\n[d] [e] [f]\r\n', limits)?.offset).toBe(0)
    expect(findMarkdownHazard('Text.\r> > > ok\r>>>> deep\r', limits)?.offset).toBe(15)
  })

  it('passes written Markdown: headings, lists, quotes, emphasis, links and citations', () => {
    const paragraph = 'Mesenchymal stem cells (*MSCs*) repair **damaged** tissue [[12](#ref-12)] and `home` to sites of injury [3, 4].'
    const text = `# Review\n\n${paragraph}\n\n> ${paragraph}\n\n- ${paragraph}\n  - ${paragraph}\n    1. ${paragraph}\n`
    expect(findMarkdownHazard(text.repeat(200))).toBeUndefined()
  })
})

describe('Markdown limits: the tree', () => {
  /** A chain of `depth` nested emphasis nodes around one text. */
  function chain(depth: number): Root {
    let node: Nodes = {type: 'text', value: 'deep'}
    for (let level = 0; level < depth; level++) node = {type: 'emphasis', children: [node]}
    return {type: 'root', children: [{type: 'paragraph', children: [node as never]}]}
  }

  it('finds the first node deeper than the limit without recursion, on a tree 200,000 levels deep', () => {
    // root (0) → paragraph (1) → ten emphasis nodes (2–11) → text (12)
    expect(findTooDeepNode(chain(10), 12)).toBeUndefined()
    expect(findTooDeepNode(chain(10), 11)).toEqual({type: 'text', value: 'deep'})
    expect(findTooDeepNode(chain(10), 10)).toMatchObject({type: 'emphasis', children: [{type: 'text'}]})
    expect(findTooDeepNode(chain(200_000))).toBeDefined()
  })

  it('walks a tree 200,000 levels deep in preorder without overflowing the stack', () => {
    let visited = 0
    let deepest = ''
    walk(chain(200_000), (node) => {
      visited++
      if (node.type === 'text') deepest = node.value
    })
    expect(visited).toBe(200_003)
    expect(deepest).toBe('deep')
  })
})

describe('Markdown inputs past the limits', () => {
  it('refuses 4 KB of * around a word (over a minute of parsing before)', () => {
    const result = analyseMarkdown('Intro paragraph.\n\n' + '*'.repeat(2000) + 'word' + '*'.repeat(2000) + '\n')
    expect(result).toEqual({codes: ['markdown-too-complex'], starts: ['3:1'], written: false})
  }, 60_000)

  it('refuses 2 KB of > (a stack overflow before)', () => {
    expect(analyseMarkdown('>'.repeat(2048) + ' quoted\n')).toEqual({codes: ['markdown-too-complex'], starts: ['1:1'], written: false})
  }, 60_000)

  it('refuses a 650 KB list nested by indentation at the first line past the limit', () => {
    let text = ''
    for (let level = 0; text.length < 650_000; level++) text += ' '.repeat(level * 2) + '- item\n'
    const result = analyseMarkdown(text)
    expect(result.codes).toEqual(['markdown-too-complex'])
    expect(result.written).toBe(false)
    // Level n is indented 2n columns: 4 × 32 columns plus its marker make level 64 the first too deep.
    expect(result.starts).toEqual([`${64 + 1}:1`])
  }, 60_000)

  it('refuses emphasis nested deeper than the tree limit, at the node past it', () => {
    const depth = markdownLimits.maxTreeDepth + 10
    const text = '*a '.repeat(depth) + 'b' + ' a*'.repeat(depth) + '\n'
    const result = analyseMarkdown(text)
    expect(result.codes).toEqual(['markdown-too-complex'])
    expect(result.written).toBe(false)
    expect(result.starts[0]).toMatch(/^1:\d+$/)
  }, 60_000)

  it('analyses Markdown just inside the limits', () => {
    const depth = 20
    const result = analyseMarkdown('>'.repeat(markdownLimits.maxNesting) + ' ' + '*a '.repeat(depth) + 'Stem cells repair tissue [1].' + ' a*'.repeat(depth) + '\n')
    expect(result.codes).not.toContain('markdown-too-complex')
    expect(result.written).toBe(true)
  }, 60_000)
})
