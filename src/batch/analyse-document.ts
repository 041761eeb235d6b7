import {createHash} from 'node:crypto'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {formatReferences} from '../bibliography/format-references.js'
import {loadBibliography} from '../bibliography/load-bibliography.js'
import type {ResolvedConfig} from '../config/types.js'
import {diagnosticsOf, toDocumentRecord, type DiagnosticRecord, type DocumentRecord} from '../emit/document.js'
import {documentHtml} from '../emit/html/document-page.js'
import {toAnnotatedMarkdown} from '../emit/markdown.js'
import {toReferencesCslJson} from '../emit/references-csl.js'
import {markdownTooComplex} from '../parse/remark-markdown-limits.js'
import {createProcessor, formatOf, type InputFormat} from '../processor.js'
import {annotatedAnchorAt} from './annotated-signature.js'
import {decodeInput} from './decode-input.js'

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
      diagnostics: [{severity: 'error', code: decoded.code, message: decoded.message, start: decoded.start}],
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
      diagnostics: [{severity: 'error', code: 'input-is-output', message: `input is citeclaim's annotated Markdown (its anchor "${signature.anchor}"), not a document: run citeclaim on the original document`, start: start ? {line: start.line, column: start.column, offset: signature.offset} : null}],
      bibliographyDiagnostics: []
    }
  }
  const file = new VFile({path: input.source, value: decoded.text})
  file.data.id = input.id
  file.data.source = input.source
  file.data.sha256 = createHash('sha256').update(input.bytes).digest('hex')

  const bibliographyDiagnostics: DiagnosticRecord[] = []
  if (input.bibliography) {
    // The same decoding and checks as the document's: no NULs, no undecodable bytes in the outputs.
    const decodedBibliography = decodeInput(input.bibliography.bytes)
    if (decodedBibliography.ok) {
      const loaded = loadBibliography(input.bibliography.source, decodedBibliography.text)
      for (const problem of loaded.problems) bibliographyDiagnostics.push({severity: problem.severity, code: problem.code, message: problem.message, start: problem.start ?? null})
      file.data.bibliography = {path: input.bibliography.source, entries: loaded.entries, size: loaded.size}
    } else {
      const reason = decodedBibliography.message.replace(/^input /, 'it ')
      bibliographyDiagnostics.push({severity: 'error', code: 'bibliography-invalid', message: `${input.bibliography.source}: ${reason}; no entries read`, start: decodedBibliography.start})
    }
  }

  if (file.value.toString().trim() === '') {
    const message = file.message('input is empty: no text to analyse', {ruleId: 'input-empty', source: 'citeclaim'})
    message.fatal = false
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
  // Formatting costs a citeproc run: only for documents with cited bibliography entries.
  const formatted = references.size > 0 ? formatReferences(references, {style: config.bibliography.style, lang: config.bibliography.lang}) : undefined
  if (formatted?.problem) file.message(formatted.problem.message, {ruleId: formatted.problem.code, source: 'citeclaim'})
  const record: DocumentRecord = toDocumentRecord(tree, file, config)
  const json = recordJson(record)
  if (json === undefined) return tooLarge(input)
  const files = [
    {suffix: '.json', content: json},
    {suffix: '.md', content: toAnnotatedMarkdown(tree, record, {citationStyle: config.citations.markdownStyle, claimsTitle: config.markdown.claimsTitle, ...(formatted ? {formattedReferences: formatted.entries} : {})})}
  ]
  if (input.bibliography) files.push({suffix: '.references.csl.json', content: toReferencesCslJson(references)})
  files.push({suffix: '.html', content: documentHtml(tree, record)})
  return {
    id: input.id,
    source: input.source,
    files,
    record,
    diagnostics: diagnosticsOf(file),
    bibliographyDiagnostics
  }
}

/**
 * The JSON record, or undefined when it is longer than V8 lets a string be (about 512 MB: a 25 MB
 * input of dense citations gets there, its record repeating ids and positions many times over).
 */
function recordJson(record: DocumentRecord): string | undefined {
  try {
    return JSON.stringify(record, null, 2) + '\n'
  } catch (error) {
    if (error instanceof RangeError) return undefined
    throw error
  }
}

/** The outcome for a document too large to write: no files, one error saying so. */
export function tooLarge(input: DocumentInput, reason = 'its JSON record would be longer than the longest string Node.js can build (about 512 MB)'): DocumentOutput {
  return {
    id: input.id,
    source: input.source,
    files: [],
    diagnostics: [{severity: 'error', code: 'document-too-large', message: `document too large to analyse: ${reason}; split it into smaller files`, start: null}],
    bibliographyDiagnostics: []
  }
}
