import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import type {ResolvedConfig} from './config/types.js'
import {remarkMarkdownLimits} from './parse/remark-markdown-limits.js'
import {remarkPdfText} from './parse/remark-pdf-text.js'
import {remarkFrontMatter} from './parse/remark-front-matter.js'
import {remarkMarkdownReferenceList} from './parse/remark-markdown-reference-list.js'
import {remarkPlainHeadings} from './parse/remark-plain-headings.js'
import {remarkBibliography} from './stages/bibliography.js'
import {remarkCitations} from './stages/citations.js'
import {remarkClaims} from './stages/claims.js'
import {remarkEntities} from './stages/entities.js'
import {remarkSections} from './stages/sections.js'
import {remarkSentences} from './stages/sentences.js'

/** What the input is: PDF-extracted plain text or Markdown. */
export type InputFormat = 'text' | 'markdown'

/**
 * The whole analysis as one unified processor, stages in order: parse (Markdown: remark-parse, then
 * headings written without `#`), sections, citations,
 * bibliography, sentences, entities, claims. `processor.run(processor.parse(file), file)` gives the
 * annotated tree; everything else the stages learn is in `file.data` and `file.messages`.
 */
export function createProcessor(config: ResolvedConfig, format: InputFormat = 'text'): Processor<Root, Root, Root> {
  const base = format === 'markdown' ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMarkdownLimits).use(remarkFrontMatter).use(remarkPlainHeadings).use(remarkMarkdownReferenceList) : unified().use(remarkPdfText, config.text.compoundHeads.length > 0 ? {compoundHeads: new Set(config.text.compoundHeads.map((word) => word.toLowerCase()))} : {})
  return (base as unknown as Processor<Root, Root, Root>)
    .use(remarkSections)
    .use(remarkCitations, {maxRange: config.citations.maxRange, pandoc: format === 'markdown'})
    .use(remarkBibliography)
    .use(remarkSentences, {abbreviations: config.text.abbreviations})
    .use(remarkEntities, {entityTypes: config.entityTypes, distractors: config.distractors, comparisonCues: config.claims.comparisonCues, originCues: config.claims.originCues})
    .use(remarkClaims, {entityTypes: config.entityTypes, distractors: config.distractors, claims: config.claims})
    .freeze() as unknown as Processor<Root, Root, Root>
}

/** The input format a file name implies: `.md`/`.markdown` are Markdown, the rest plain text. */
export function formatOf(path: string): InputFormat {
  return /\.(?:md|markdown)$/i.test(path) ? 'markdown' : 'text'
}
