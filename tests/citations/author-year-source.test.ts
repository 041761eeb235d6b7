import type {CslItem} from '@citation-js/core'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {authorYearSourceOf} from '../../src/stages/citations/author-year-source.js'
import {resolveAuthorYear} from '../../src/stages/citations/author-year-resolve.js'

describe('a bibliography file as the source of author–year callouts', () => {
  it('reads its entries’ names only when a callout is first resolved against it, and once', () => {
    let reads = 0
    const item = (id: string, family: string): CslItem =>
      ({
        id,
        get author() {
          reads++
          return [{family, given: 'A'}]
        },
        issued: {'date-parts': [[2019]]}
      }) as unknown as CslItem
    const file = new VFile({path: 'doc.txt'})
    file.data.bibliography = {path: 'refs.csl.json', entries: [{number: 1, item: item('a', 'Okafor')}, {number: 2, item: item('b', 'Lindqvist')}]}
    const source = authorYearSourceOf({type: 'root', children: []} satisfies Root, file)!
    expect(source.name).toBe('refs.csl.json')
    expect(source.index.size).toBe(2)
    // A document citing by number never resolves a callout: nothing was read.
    expect(reads).toBe(0)
    expect(resolveAuthorYear({names: ['Lindqvist'], etAl: false, year: '2019', suffix: ''}, source.index)).toEqual({number: 2})
    const afterFirst = reads
    expect(afterFirst).toBeGreaterThan(0)
    expect(resolveAuthorYear({names: ['Okafor'], etAl: false, year: '2019', suffix: ''}, source.index)).toEqual({number: 1})
    expect(reads).toBe(afterFirst)
  })
})
