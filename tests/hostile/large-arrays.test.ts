import {describe, expect, it} from 'vitest'
import {pdfTextParse} from '../../src/stages/parse/pdf-text.js'
import {maxOf, pushAll} from '../../src/push-all.js'
import {analyseText} from '../helpers/analyse.js'

/*
 * Arrays big enough that spreading them into a call's arguments (`Math.max(...xs)`,
 * `out.push(...xs)`) overflows the stack: about 120,000 elements on Node 20. Each case is past that.
 */
const many = 200_000

describe('large arrays are never spread into arguments', () => {
  it('pushAll and maxOf take 200,000 items', () => {
    const items = Array.from({length: many}, (_, index) => index)
    expect(pushAll([-1], items)).toHaveLength(many + 1)
    expect(maxOf(items)).toBe(many - 1)
    expect(maxOf([], 0)).toBe(0)
    expect(maxOf([3, 7, 5], 10)).toBe(10)
  })

  it('analyses a document with a CSL-JSON bibliography of 130,000 entries', () => {
    const entries = 130_000
    const items = Array.from({length: entries}, (_, index) => ({id: `ref-${index + 1}`, type: 'article-journal', title: `Title ${index + 1}`}))
    // One analysis (each takes seconds at this size): a group within the bibliography, then one past its end.
    const {output, record} = analyseText('Mesenchymal stem cells repair tissue in mice [1, 129999].\n\nStem cells repair tissue [130001].\n', {bibliography: {source: 'big.csl.json', text: JSON.stringify(items)}})
    expect(output.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([])
    expect(record.citationGroups).toHaveLength(2)
    expect(record.citationGroups[0]!.valid).toBe(true)
    expect(record.citationGroups[0]!.numbers).toEqual([1, 129999])
    // A number beyond the bibliography's size is still caught: the size is the largest entry number.
    expect(record.citationGroups[1]!.valid).toBe(false)
    expect(output.diagnostics.filter((diagnostic) => diagnostic.code === 'citation-number-out-of-range')).toHaveLength(1)
  }, 120_000)

  it('rejoins a paragraph of 200,000 lines across a page break', () => {
    const text = 'Stem cells repair\n'.repeat(many) + '\n' + 'tissue in mice\n'.repeat(many)
    const tree = pdfTextParse(text)
    expect(tree.children).toHaveLength(1)
    expect(tree.children[0]!.type).toBe('paragraph')
  }, 120_000)
})
