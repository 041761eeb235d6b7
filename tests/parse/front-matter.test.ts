import {describe, expect, it} from 'vitest'
import {analyseText} from '../helpers/analyse.js'

const body = '## Shelves\n\nMesenchymal stem cells (MSCs) live on deep shelves [@ref-1].\n'

describe('YAML front matter in Markdown input', () => {
  it('reads title and bibliography, and makes no section or sentence of it', () => {
    const text = `---\ntitle: "Lanterns: a review"\nbibliography: [shelf.bib, extra.json]\nauthor: Q. Brandt\n---\n\n${body}`
    const {record} = analyseText(text, {source: 'shelf.md'})
    expect(record.document.title).toBe('Lanterns: a review')
    expect(record.document.sections.map((section) => section.title)).toEqual(['Shelves'])
    expect(record.sentences.map((sentence) => sentence.text)).toEqual(['Mesenchymal stem cells (MSCs) live on deep shelves [@ref-1].'])
    expect(record.sentences[0]!.start.line).toBe(9)
    expect(record.diagnostics.filter((d) => d.code === 'front-matter-invalid')).toEqual([])
  })

  it('reports front matter that is not YAML at its line, and goes on without it', () => {
    const text = `---\ntitle: [unclosed\n---\n\n${body}`
    const {record} = analyseText(text, {source: 'shelf.md'})
    const problem = record.diagnostics.find((d) => d.code === 'front-matter-invalid')
    expect(problem).toMatchObject({severity: 'warning', start: {line: 2}})
    expect(record.document.title).toBeNull()
    expect(record.document.sections.map((section) => section.title)).toEqual(['Shelves'])
    expect(record.sentences).toHaveLength(1)
  })

  it('reports front matter that is a list or a string, not a mapping', () => {
    const {record} = analyseText(`---\n- a\n- b\n---\n\n${body}`, {source: 'shelf.md'})
    expect(record.diagnostics.filter((d) => d.code === 'front-matter-invalid')).toMatchObject([{severity: 'warning', start: {line: 1, column: 1}}])
  })

  it('caps YAML aliases, so that a nested alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghij'[index]}`).join(', ')}]`)].join('\n')
    const {record} = analyseText(`---\n${bomb}\n---\n\n${body}`, {source: 'shelf.md'})
    expect(record.diagnostics.filter((d) => d.code === 'front-matter-invalid')).toHaveLength(1)
    expect(record.sentences).toHaveLength(1)
  })

  it('leaves a thematic break and text in a .txt document alone', () => {
    const {record} = analyseText(`---\ntitle: x\n---\n\nStem cells were studied [1].\n`, {source: 'shelf.txt'})
    expect(record.diagnostics.filter((d) => d.code === 'front-matter-invalid')).toEqual([])
    expect(record.document.title).not.toBe('x')
  })
})
