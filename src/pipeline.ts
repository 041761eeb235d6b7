import {createHash} from 'node:crypto'
import type {Root} from 'mdast'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {ResolvedConfig} from './config/types.js'
import {diagnosticsOf, toDocumentRecord, type DiagnosticRecord, type DocumentRecord} from './emit/document.js'
import {diagnostic, reportOn} from './diagnostics.js'
import {prepareEmitters, selectEmitters, type AnalysedDocument} from './emit/emitters.js'
import {bibliographyFromBytes} from './stages/bibliography/bibliography-file.js'
import {formatReferences} from './stages/bibliography/format-references.js'
import {remarkBibliography} from './stages/bibliography/remark-bibliography.js'
import {remarkCitations} from './stages/citations/remark-citations.js'
import {remarkClaims} from './stages/claims/remark-claims.js'
import {remarkEntities} from './stages/entities/remark-entities.js'
import {annotatedAnchorAt} from './stages/parse/annotated-signature.js'
import {decodeInput} from './stages/parse/decode-input.js'
import {remarkFrontMatter} from './stages/parse/remark-front-matter.js'
import {markdownParserPlugins, prepareMarkdownParser} from './stages/parse/markdown-parser.js'
import {remarkMarkdownReferenceList} from './stages/parse/remark-markdown-reference-list.js'
import {markdownTooComplex, remarkMarkdownLimits} from './stages/parse/remark-markdown-limits.js'
import {remarkPdfText} from './stages/parse/remark-pdf-text.js'
import {remarkPlainHeadings} from './stages/parse/remark-plain-headings.js'
import {remarkSections} from './stages/parse/remark-sections.js'
import {remarkSentences} from './stages/sentences/remark-sentences.js'

/** What the input is: PDF-extracted plain text or Markdown. */
export type InputFormat = 'text' | 'markdown'

/**
 * The whole analysis as one unified processor, stages in order: parse (Markdown: remark-parse, YAML
 * front matter, headings written without `#`, the numbered reference list), sections, citations,
 * bibliography, sentences, entities, claims. `processor.run(processor.parse(file), file)` gives the
 * annotated tree; everything else the stages learn is in `file.data` and `file.messages`.
 */
export function createProcessor(config: ResolvedConfig, format: InputFormat = 'text'): Processor<Root, Root, Root> {
  const markdown = format === 'markdown' ? markdownParserPlugins() : undefined
  const base = markdown ? unified().use(markdown.remarkParse).use(markdown.remarkFrontmatter, ['yaml']).use(remarkMarkdownLimits).use(remarkFrontMatter).use(remarkPlainHeadings).use(remarkMarkdownReferenceList) : unified().use(remarkPdfText, config.text.compoundHeads.length > 0 ? {compoundHeads: new Set(config.text.compoundHeads.map((word) => word.toLowerCase()))} : {})
  return (base as unknown as Processor<Root, Root, Root>)
    .use(remarkSections)
    .use(remarkCitations, {maxRange: config.citations.maxRange, style: config.citations.style, format})
    .use(remarkBibliography)
    .use(remarkSentences, {abbreviations: config.text.abbreviations})
    .use(remarkEntities, {entityTypes: config.entityTypes, distractors: config.distractors, comparisonCues: config.claims.comparisonCues, originCues: config.claims.originCues})
    .use(remarkClaims, {entityTypes: config.entityTypes, distractors: config.distractors, claims: config.claims})
    .freeze() as unknown as Processor<Root, Root, Root>
}

/**
 * Loads, in this thread, what analysing documents of these formats and writing these outputs needs
 * beyond what every run loads: the Markdown parser for Markdown documents (see
 * `prepareMarkdownParser`), the modules of the outputs that have them (see `prepareEmitters`).
 * `analyseDocument` and `createProcessor` stay synchronous: await this first. The batch does, for
 * the documents and outputs of its run; the package's entry point does, for everything.
 */
export async function preparePipeline(formats: Iterable<InputFormat>, outputs: readonly string[]): Promise<void> {
  await Promise.all([[...formats].includes('markdown') ? prepareMarkdownParser() : undefined, prepareEmitters(outputs)])
}

/** The input format a file name implies: `.md`/`.markdown` are Markdown, the rest plain text. */
export function formatOf(path: string): InputFormat {
  return /\.(?:md|markdown)$/i.test(path) ? 'markdown' : 'text'
}

const processors = new WeakMap<ResolvedConfig, Map<InputFormat, ReturnType<typeof createProcessor>>>()

/** Processors are frozen and stateless between files: build one per config and format, reuse it. */
function processorFor(config: ResolvedConfig, format: InputFormat): ReturnType<typeof createProcessor> {
  let byFormat = processors.get(config)
  if (!byFormat) {
    byFormat = new Map()
    processors.set(config, byFormat)
  }
  let processor = byFormat.get(format)
  if (!processor) {
    processor = createProcessor(config, format)
    byFormat.set(format, processor)
  }
  return processor
}

/** One document to analyse: its bytes, and those of its bibliography if it has one. */
export interface DocumentInput {
  id: string
  /** Path as shown in output and diagnostics (relative to the working directory). */
  source: string
  bytes: Uint8Array
  bibliography?: {source: string; bytes: Uint8Array}
}

/** What analysing one document gives: the files to write, or only diagnostics when it had no text. */
export interface DocumentOutput {
  id: string
  source: string
  /**
   * Output files by name suffix (`.json` → `<id>.json`, `.md` → `<id>.md`), in the order they are
   * written; empty when the input could not be read as text.
   */
  files: Array<{suffix: string; content: string}>
  /** The record `<id>.json` holds, when there is one. */
  record?: DocumentRecord
  diagnostics: DiagnosticRecord[]
  /** Diagnostics of the bibliography file, reported against that file. */
  bibliographyDiagnostics: DiagnosticRecord[]
}

/**
 * Analyses one document from its bytes: decode, run the processor, build the JSON record and the
 * annotated Markdown. Pure: no file system, the same input and config give the same output. Never
 * throws for bad input; problems come back as diagnostics.
 */
export function analyseDocument(input: DocumentInput, config: ResolvedConfig): DocumentOutput {
  const decoded = decodeInput(input.bytes)
  if (!decoded.ok) {
    return {
      id: input.id,
      source: input.source,
      files: [],
      diagnostics: [diagnostic(decoded.code, decoded.message, decoded.start)],
      bibliographyDiagnostics: []
    }
  }
  const signature = annotatedAnchorAt(decoded.text)
  if (signature) {
    const start = location(decoded.text).toPoint(signature.offset)
    return {
      id: input.id,
      source: input.source,
      files: [],
      diagnostics: [diagnostic('input-is-output', `input is citeclaim's annotated Markdown (its anchor "${signature.anchor}"), not a document: run citeclaim on the original document`, start ? {line: start.line, column: start.column, offset: signature.offset} : null)],
      bibliographyDiagnostics: []
    }
  }
  const file = new VFile({path: input.source, value: decoded.text})
  file.data.id = input.id
  file.data.source = input.source
  file.data.sha256 = createHash('sha256').update(input.bytes).digest('hex')

  // The bibliography is a file of its own: its problems are placed in it, not in the document.
  let bibliographyFile = new VFile({path: input.bibliography?.source})
  if (input.bibliography) {
    const read = bibliographyFromBytes(input.bibliography.source, input.bibliography.bytes)
    bibliographyFile = read.file
    if (read.bibliography) file.data.bibliography = read.bibliography
  }

  const bibliographyDiagnostics = diagnosticsOf(bibliographyFile)
  if (file.value.toString().trim() === '') {
    reportOn(file, 'input-empty', 'input is empty: no text to analyse')
  }
  const processor = processorFor(config, formatOf(input.source))
  let parsed: ReturnType<typeof processor.parse>
  try {
    parsed = processor.parse(file)
  } catch (error) {
    // Markdown past the parser's limits: the document is reported there and not analysed.
    if (file.messages.includes(error as never) && (error as {ruleId?: unknown}).ruleId === markdownTooComplex) return {id: input.id, source: input.source, files: [], diagnostics: diagnosticsOf(file), bibliographyDiagnostics}
    throw error
  }
  const tree = processor.runSync(parsed, file)
  const references = file.data.references ?? new Map()
  // Formatting costs a citeproc run: only for documents with cited bibliography entries (a reference
  // list in the text is printed as written).
  const formatted = input.bibliography && references.size > 0 ? formatReferences(references, {style: config.bibliography.style, lang: config.bibliography.lang}) : undefined
  if (formatted?.problem) reportOn(file, formatted.problem.code, formatted.problem.message)
  const record: DocumentRecord = toDocumentRecord(tree, file, config)
  const analysed: AnalysedDocument = {tree, file, record, config, references, hasBibliography: input.bibliography !== undefined, ...(formatted ? {formattedReferences: formatted.entries} : {})}
  const files: DocumentOutput['files'] = []
  for (const emitter of selectEmitters(config.outputs)) {
    let content: string | undefined
    try {
      content = emitter.emit(analysed)
    } catch (error) {
      // Longer than V8 lets a string be (about 512 MB): a 25 MB input of dense citations gets there,
      // its record repeating ids and positions many times over.
      if (error instanceof RangeError && /invalid string length/i.test(error.message)) return tooLarge(input, emitter.name === 'json' ? undefined : `its ${emitter.name} output would be longer than the longest string Node.js can build (about 512 MB)`)
      throw error
    }
    if (content !== undefined) files.push({suffix: emitter.suffix, content})
  }
  return {
    id: input.id,
    source: input.source,
    files,
    record,
    diagnostics: diagnosticsOf(file),
    bibliographyDiagnostics
  }
}

/** The outcome for a document too large to write: no files, one error saying so. */
export function tooLarge(input: DocumentInput, reason = 'its JSON record would be longer than the longest string Node.js can build (about 512 MB)'): DocumentOutput {
  return {
    id: input.id,
    source: input.source,
    files: [],
    diagnostics: [diagnostic('document-too-large', `document too large to analyse: ${reason}; split it into smaller files`)],
    bibliographyDiagnostics: []
  }
}
