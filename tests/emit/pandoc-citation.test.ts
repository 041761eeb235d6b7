import {describe, expect, it} from 'vitest'
import {printPandocCitation} from '../../src/emit/pandoc-citation.js'

const escape = (text: string): string => text.replace(/[\\[\]*_@<>]/g, '\\$&')
const item = (key: string, prefix = '', suffix = '', suppressAuthor = false) => ({key, prefix, suffix, suppressAuthor})

describe('printPandocCitation', () => {
  it('writes a bracketed group with citeclaim keys, keeping prefixes, locators and "-"', () => {
    expect(printPandocCitation({bracketed: true, items: [item('brandt2011', 'see'), item('lind2001', '', ', p. 3'), item('okafor2009', '', '', true)]}, [1, 3, 2], escape)).toBe('[see @ref-1; @ref-3, p. 3; -@ref-2]')
  })

  it('writes an in-text citation as in-text, its locator in brackets after it', () => {
    expect(printPandocCitation({bracketed: false, items: [item('okafor2009')]}, [2], escape)).toBe('@ref-2')
    expect(printPandocCitation({bracketed: false, items: [item('okafor2009', '', 'p. 33')]}, [2], escape)).toBe('@ref-2 [p. 33]')
  })

  it('escapes the input text it keeps', () => {
    expect(printPandocCitation({bracketed: true, items: [item('a', '*see* <b>', ', [@x]')]}, [1], escape)).toBe('[\\*see\\* \\<b\\> @ref-1, \\[\\@x\\]]')
  })
})
