import {createHash} from 'node:crypto'
import {lstatSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import type {ResolvedConfig} from '../config/types.js'
import type {DiagnosticRecord} from '../emit/document.js'
import {analyseDocument, formatOf, preparePipeline, type DocumentInput} from '../pipeline.js'
import {writeFileAtomicSync, writeTempFileSync} from './atomic-write.js'
import {cacheFoldersAreRealSync} from './cache-folder.js'
import {corpusCache, corpusCachePath} from './corpus.js'
import {cacheFolder} from './manifest.js'
import {useFormattedEntryStore} from '../stages/bibliography/formatted-entry-store.js'
import {describeFsError} from './output-folder.js'

/** Where a task writes: the same for every document of a run. */
export interface TaskOptions {
  /** Output folder. */
  out: string
  /** Compare only: write nothing. */
  check?: boolean
}

/** One output file of an analysed document. */
export interface TaskFile {
  /** File name inside the output folder (`<id>.json`, …). */
  name: string
  sha256: string
  /** Whether the file on disk has other content. */
  changed: boolean
  /** For a changed file (unless checking): the temp file beside it that holds the new content. */
  temp?: string
}

/** What a task tells the run: small, so that passing it back from a worker costs next to nothing. */
export interface TaskResult {
  /** The document's output files in the order they were written; empty when it had no text. */
  files: TaskFile[]
  diagnostics: DiagnosticRecord[]
  bibliographyDiagnostics: DiagnosticRecord[]
  /** Set when a file could not be written; no temp file is left then. */
  writeError?: {path: string; message: string}
  /** sha256 of the document's corpus cache, when it holds what this analysis made (written or already so). */
  corpusSha256?: string
}

/**
 * What one pool task does, in the worker: analyse the document, hash its files and write those that
 * changed to temp files beside them, and update its corpus cache. The run renames the temp files over
 * the targets when it records the document, or deletes them when it is stopped first: the costly
 * part of writing is done here, while the main thread, which only keeps the books, keeps a run
 * stopped mid-way consistent. File access blocks: a worker has nothing else to do meanwhile.
 */
export function analyseAndWrite(input: DocumentInput, config: ResolvedConfig, options: TaskOptions): TaskResult {
  // Formatted references persist in the cache, when it is a real folder. A check formats afresh: it
  // must not depend on the cache (README, Security).
  if (input.bibliography) useFormattedEntryStore(!options.check && cacheFoldersAreRealSync(options.out) ? join(options.out, cacheFolder) : undefined)
  const output = analyseDocument(input, config)
  const result: TaskResult = {files: [], diagnostics: output.diagnostics, bibliographyDiagnostics: output.bibliographyDiagnostics}
  let jsonSha256: string | undefined
  for (const file of output.files) {
    const name = output.id + file.suffix
    const path = join(options.out, name)
    const bytes = Buffer.from(file.content, 'utf8')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    if (file.suffix === '.json') jsonSha256 = sha256
    const changed = !sameBytes(path, bytes)
    const entry: TaskFile = {name, sha256, changed}
    result.files.push(entry)
    if (!changed || options.check) continue
    try {
      entry.temp = writeTempFileSync(path, bytes)
    } catch (error) {
      result.writeError = {path, message: `cannot write ${path}: ${describeFsError(error)}`}
      for (const written of result.files) if (written.temp) rmSync(written.temp, {force: true})
      return result
    }
  }
  if (output.record && jsonSha256 && !options.check && cacheFoldersAreRealSync(options.out)) {
    // Only a cache: a document whose cache cannot be written has its corpus entries read from its record.
    const path = corpusCachePath(options.out, output.id)
    const bytes = Buffer.from(corpusCache(output.record, jsonSha256), 'utf8')
    try {
      if (!sameBytes(path, bytes)) writeFileAtomicSync(path, bytes)
      result.corpusSha256 = createHash('sha256').update(bytes).digest('hex')
    } catch {
      // left to the record
    }
  }
  return result
}

/**
 * Loads in this thread what `analyseAndWrite` needs for this document's format and the config's
 * outputs (see `preparePipeline`: the Markdown parser, the HTML page code), before it is called.
 * Loaded once; a run of plain-text documents without the html output loads neither.
 */
export function prepareTask(input: DocumentInput, config: ResolvedConfig): Promise<void> {
  return preparePipeline([formatOf(input.source)], config.outputs)
}

/** Whether `path` is a regular file (not a symlink: that is replaced, never written through) with these bytes. */
function sameBytes(path: string, bytes: Uint8Array): boolean {
  // Most changed files change size too: compare sizes before reading.
  const info = lstatSync(path, {throwIfNoEntry: false})
  if (!info?.isFile() || info.size !== bytes.length) return false
  try {
    return readFileSync(path).equals(bytes)
  } catch {
    return false
  }
}
