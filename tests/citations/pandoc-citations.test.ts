import {describe, expect, it} from 'vitest'
import {findPandocCitations, parseBracketBody} from '../../src/stages/citations/pandoc-citations.js'

const keysOf = (text: string) => findPandocCitations(text).map((group) => ({raw: text.slice(group.start, group.end), bracketed: group.bracketed, keys: group.items.map((item) => item.key)}))

describe('findPandocCitations', () => {
  it('finds a bracketed group with several keys, prefixes and locators', () => {
    const text = 'Shelves are deep [see @brandt2011; @okafor-2009, p. 3].'
    expect(findPandocCitations(text)).toEqual([
      {
        start: 17,
        end: 54,
        bracketed: true,
        items: [
          {key: 'brandt2011', prefix: 'see', suffix: '', suppressAuthor: false},
          {key: 'okafor-2009', prefix: '', suffix: ', p. 3', suppressAuthor: false}
        ]
      }
    ])
  })

  it('reads "[-@key]" as a citation without the author', () => {
    expect(findPandocCitations('Brandt says so [-@brandt2011].')[0]!.items[0]).toEqual({key: 'brandt2011', prefix: '', suffix: '', suppressAuthor: true})
  })

  it('finds in-text citations, with an optional bracketed locator', () => {
    expect(keysOf('@brandt2011 says so, and @okafor2009 [p. 33] agrees.')).toEqual([
      {raw: '@brandt2011', bracketed: false, keys: ['brandt2011']},
      {raw: '@okafor2009 [p. 33]', bracketed: false, keys: ['okafor2009']}
    ])
    expect(findPandocCitations('@okafor2009 [p. 33] agrees.')[0]!.items[0]!.suffix).toBe('p. 33')
  })

  it('ends a key before punctuation that no letter or digit follows, and reads braced keys', () => {
    expect(keysOf('As @ref-12. showed, and @{Smith: 2020} too.').map((group) => group.keys)).toEqual([['ref-12'], ['Smith: 2020']])
  })

  it('leaves e-mail addresses, links and brackets without a key in every part alone', () => {
    expect(keysOf('Write to shelf@example.org or [the desk](mailto:x@y.z).')).toEqual([])
    // As in pandoc: a bracket that is not a citation list is text, and its key an in-text citation;
    // `[@b](#anchor)` is a link (the citations stage never reads link text).
    expect(keysOf('A list [@a; no key here] and [@b](#anchor).')).toEqual([
      {raw: '@a', bracketed: false, keys: ['a']},
      {raw: '@b', bracketed: false, keys: ['b']}
    ])
    expect(keysOf('Numbers [12] and [a@b] stay.')).toEqual([])
  })

  it('scans a long run of "[" and "@" without a closing bracket in linear time', () => {
    // Quadratic backtracking would take minutes on 200,000 characters; the test's timeout is seconds.
    const text = `[${'@a '.repeat(70_000)}`
    expect(findPandocCitations(text)).toHaveLength(70_000)
  })
})

describe('parseBracketBody', () => {
  it('gives each part its key, or undefined when a part has none or two', () => {
    expect(parseBracketBody('@a; @b, chap. 2')?.map((item) => [item.key, item.suffix])).toEqual([['a', ''], ['b', ', chap. 2']])
    expect(parseBracketBody('@a @b')).toBeUndefined()
    expect(parseBracketBody('no key')).toBeUndefined()
  })
})
