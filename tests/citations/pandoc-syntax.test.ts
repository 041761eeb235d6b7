import type {CslItem} from '@citation-js/core'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config/resolve-config.js'
import type {InputFormat} from '../../src/pipeline.js'
import {citationSyntaxes, syntaxesForDocument, type CitationDocument, type CitationStyle} from '../../src/stages/citations/citation-syntax.js'
import {pandocCitations} from '../../src/stages/citations/pandoc-syntax.js'
import type {Citation} from '../../src/types.js'
import {citationsOf as runCitations} from '../helpers/citation-nodes.js'

/** Pandoc citations are the citation-syntax registry's third entry: Markdown input only, in every style. */

const items: CslItem[] = [
  {id: 'quill2014', type: 'article-journal', title: 'Feathers of the reef', author: [{family: 'Quill', given: 'R'}], issued: {'date-parts': [[2014]]}},
  {id: 'marsh2003', 'citation-key': 'Marsh:fens', type: 'article-journal', title: 'Fens at dusk', author: [{family: 'Marsh', given: 'T'}], issued: {'date-parts': [[2003]]}}
]
const bibliography = {path: 'reef.csl.json', entries: items.map((item, index) => ({number: index + 1, item}))}

function documentOf(format: InputFormat, style: CitationStyle = 'auto'): CitationDocument {
  const file = new VFile({path: format === 'markdown' ? 'reef.md' : 'reef.txt', value: ''})
  file.data.bibliography = bibliography
  return {texts: [], tree: {type: 'root', children: []}, file, style, format}
}

/** The citation nodes of `text` run through the whole processor with the invented bibliography. */
function citationsOf(text: string, format: InputFormat, style: CitationStyle = 'auto'): {citations: Citation[]; file: VFile} {
  return runCitations(text, {config: resolveConfig({citations: {style}}), format, path: format === 'markdown' ? 'reef.md' : 'reef.txt', bibliography})
}

describe('the pandoc registry entry', () => {
  it('is registered third, after numeric brackets and author–year callouts, for every style', () => {
    expect(citationSyntaxes().map((syntax) => syntax.name)).toEqual(['numeric-brackets', 'author-year', 'pandoc'])
    expect(citationSyntaxes()[2]).toBe(pandocCitations)
    expect(pandocCitations.style).toBe('auto')
  })

  it('alone on a text, finds its callouts, and numbers only citeclaim\'s own keys', () => {
    const text = 'Reefs glow [@ref-2; @quill2014, p. 4], write to reef@example.org.'
    const found = pandocCitations.find(text)
    expect(found.map((group) => text.slice(group.start, group.end))).toEqual(['[@ref-2; @quill2014, p. 4]'])
    const parsed = pandocCitations.parse(found[0]!.body, {maxRange: 1000})
    expect(parsed).toMatchObject({numbers: [2], valid: true, data: {pandoc: {bracketed: true, items: [{key: 'ref-2'}, {key: 'quill2014', suffix: ', p. 4'}]}}})
    expect(parsed.notes?.map((note) => note.code)).toEqual(['citation-key-unresolved'])
  })

  it('applies to Markdown documents only, whatever the configured style', () => {
    for (const style of ['auto', 'numeric', 'author-year'] as const) {
      expect(syntaxesForDocument([pandocCitations], style, () => documentOf('markdown', style)).map((syntax) => syntax.name)).toEqual(['pandoc'])
      expect(syntaxesForDocument([pandocCitations], style, () => documentOf('text', style))).toEqual([])
    }
  })

  it('as it applies to a document, numbers keys through the bibliography file by id and by citation-key', () => {
    const syntax = pandocCitations.forDocument!(documentOf('markdown'))!
    expect(syntax.parse('[@Marsh:fens; @quill2014]', {maxRange: 1000})).toMatchObject({numbers: [2, 1], valid: true})
    const missing = syntax.parse('[@nobody1999; @quill2014]', {maxRange: 1000})
    expect(missing).toMatchObject({numbers: [1], valid: true})
    expect(missing.notes).toEqual([{code: 'citation-key-unresolved', message: 'citation key `@nobody1999` has no entry in reef.csl.json'}])
  })
})

describe('pandoc groups through the stages', () => {
  it('get their syntax name and, from the bibliography stage, the ids of the entries they name as keys', () => {
    const {citations} = citationsOf('Reefs glow at night [@Marsh:fens; see @quill2014].\n', 'markdown', 'numeric')
    expect(citations.map((citation) => [citation.data.syntax, citation.data.numbers, citation.data.keys])).toEqual([['pandoc', [2, 1], ['marsh2003', 'quill2014']]])
  })

  it('are not read in PDF-extracted text', () => {
    const {citations, file} = citationsOf('Reefs glow at night [@quill2014].\n', 'text')
    expect(citations).toEqual([])
    expect(file.messages.filter((message) => message.ruleId === 'citation-key-unresolved')).toEqual([])
  })
})
