import type {CslItem} from '@citation-js/core'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config/resolve-config.js'
import {authorYearCallouts} from '../../src/stages/citations/author-year-syntax.js'
import {citationSyntaxes, numericBrackets, syntaxesForDocument, type CitationDocument, type CitationStyle} from '../../src/stages/citations/citation-syntax.js'
import type {Citation} from '../../src/types.js'
import {citationsOf as runCitations} from '../helpers/citation-nodes.js'

/** Author–year callouts are the citation-syntax registry's second entry, decided per document. */

const items: CslItem[] = [
  {id: 'adams2011', type: 'article-journal', author: [{family: 'Adams', given: 'Ann'}], issued: {'date-parts': [[2011]]}},
  {id: 'smith2020', type: 'article-journal', author: [{family: 'Smith', given: 'J'}, {family: 'Jones', given: 'K'}, {family: 'Ng', given: 'L'}], issued: {'date-parts': [[2020]]}}
]
const bibliography = {path: 'refs.csl.json', entries: items.map((item, index) => ({number: index + 1, item}))}

/** A document of `texts` as the citations stage would hand it to `forDocument`, with the invented bibliography or none. */
function documentOf(texts: string[], withBibliography: boolean, style: CitationStyle = 'auto'): CitationDocument {
  const file = new VFile({path: 'doc.txt', value: texts.join('\n\n')})
  if (withBibliography) file.data.bibliography = bibliography
  return {texts, tree: {type: 'root', children: []}, file, style}
}

/** The citation nodes of a text run through the whole processor with the invented bibliography. */
function citationsOf(text: string, style: CitationStyle = 'auto'): {citations: Citation[]; file: VFile} {
  return runCitations(text, {config: resolveConfig({citations: {style}}), path: 'doc.txt', bibliography})
}

describe('the author–year registry entry', () => {
  it('is registered after numeric brackets, as the author-year style', () => {
    expect(citationSyntaxes().slice(0, 2).map((syntax) => [syntax.name, syntax.style])).toEqual([
      ['numeric-brackets', 'numeric'],
      ['author-year', 'author-year']
    ])
    expect(citationSyntaxes()[1]).toBe(authorYearCallouts)
  })

  it('alone on a text, finds its callouts when one has an unmistakable form, and parses them into cites without numbers', () => {
    expect(authorYearCallouts.find('The trial ran in Amsterdam (Amsterdam 2019).')).toEqual([])
    const text = 'Cells grew (Smith et al., 2020) in Paris (Paris 2019), as Paris (2019) saw.'
    const found = authorYearCallouts.find(text)
    expect(found.map((group) => text.slice(group.start, group.end))).toEqual(['(Smith et al., 2020)', '(Paris 2019)'])
    expect(authorYearCallouts.parse(found[0]!.body, {maxRange: 1000})).toEqual({
      numbers: [],
      valid: true,
      data: {authorYear: {narrative: false, cites: [{names: ['Smith'], etAl: true, year: '2020', suffix: '', number: null}]}}
    })
  })

  it('for a document with a bibliography, numbers a callout by the entries it names and notes a cite that names none', () => {
    const texts = ['Cells grew (Adams 2011; Smith et al. 2020; Zhou et al. 2015), as Adams (2011) saw.']
    const syntax = authorYearCallouts.forDocument!(documentOf(texts, true))!
    expect(syntax.name).toBe('author-year')
    const found = syntax.find(texts[0]!)
    expect(found.map((group) => group.body)).toEqual(['(Adams 2011; Smith et al. 2020; Zhou et al. 2015)', 'Adams (2011)'])
    const parsed = syntax.parse(found[0]!.body, {maxRange: 1000})
    expect(parsed.numbers).toEqual([1, 2])
    expect(parsed.notes).toEqual([{code: 'author-year-unresolved', message: '`Zhou et al. 2015` matches no entry of refs.csl.json'}])
    expect(syntax.parse(found[1]!.body, {maxRange: 1000})).toMatchObject({numbers: [1], valid: true, data: {authorYear: {narrative: true}}})
  })

  it('for a document with neither a callout naming an entry nor one of unmistakable form, is not used', () => {
    expect(authorYearCallouts.forDocument!(documentOf(['The trial ran in Amsterdam (Amsterdam 2019) [1].'], false))).toBeUndefined()
  })

  it('reports once when a document cites by author and year with nothing to resolve against', () => {
    const document = documentOf(['Cells grew (Smith et al., 2020).', 'They died (Lee and Park 2018).'], false)
    expect(authorYearCallouts.forDocument!(document)).toBeDefined()
    expect(document.file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['author-year-no-bibliography', false]])
  })
})

describe('syntaxesForDocument', () => {
  const text = 'Cells grew (Smith et al., 2020) and [2].'
  const run = (style: CitationStyle): {names: string[]; calls: number} => {
    let calls = 0
    const syntaxes = syntaxesForDocument(citationSyntaxes().slice(0, 2), style, () => {
      calls++
      return documentOf([text], true, style)
    })
    return {names: syntaxes.map((syntax) => syntax.name), calls}
  }

  it('keeps the syntaxes of the configured style, and builds the document only for one that decides per document', () => {
    expect(run('auto')).toEqual({names: ['numeric-brackets', 'author-year'], calls: 1})
    expect(run('numeric')).toEqual({names: ['numeric-brackets'], calls: 0})
    expect(run('author-year')).toEqual({names: ['author-year'], calls: 1})
  })

  it('gives a syntax without a style the numeric style', () => {
    const bare = {...numericBrackets, name: 'bare', style: undefined}
    expect(syntaxesForDocument([bare], 'numeric', () => documentOf([], false)).map((syntax) => syntax.name)).toEqual(['bare'])
    expect(syntaxesForDocument([bare], 'author-year', () => documentOf([], false))).toEqual([])
  })
})

describe('author–year groups through the stages', () => {
  it('get their syntax name and, from the bibliography stage, the keys of the entries they name', () => {
    const {citations} = citationsOf('A title for it\n\nIntro\n\nCells grew (Smith et al., 2020; Adams 2011) as in [1].\n')
    expect(citations.map(({data}) => [data.raw, data.syntax, data.numbers, data.keys])).toEqual([
      ['(Smith et al., 2020; Adams 2011)', 'author-year', [1, 2], ['adams2011', 'smith2020']],
      ['[1]', 'numeric-brackets', [1], ['adams2011']]
    ])
  })

  it('report a callout naming no entry, in a weak form, as an author–year look-alike at info level', () => {
    const {citations, file} = citationsOf('A title for it\n\nIntro\n\nCells grew (Adams 2011) in Paris (Paris 2019).\n')
    expect(citations.map(({data}) => data.raw)).toEqual(['(Adams 2011)'])
    const lookalike = file.messages.find((message) => message.ruleId === 'author-year-lookalike')!
    expect(lookalike.fatal).toBeUndefined()
    expect(lookalike.place).toMatchObject({start: {line: 5, column: 34}})
    expect(lookalike.reason).toContain('(Paris 2019)')
  })
})
