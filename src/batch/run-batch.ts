import {availableParallelism} from 'node:os'
import {readFile, rm, stat} from 'node:fs/promises'
import {join, relative, resolve} from 'node:path'
import pMap from 'p-map'
import type {ResolvedConfig} from '../config/types.js'
import type {DiagnosticRecord} from '../emit/document.js'
import type {TaskResult} from './analyse-task.js'
import {discardTemps, removeStaleTempFiles, replaceWithTemp, sha256OfFile} from './atomic-write.js'
import {analysisSettings, cacheKey, pipelineVersion} from './cache-key.js'
import {corpusCacheFolder, corpusCachePath, isDocumentRecord, writeCorpusInOrder, type CorpusDocument} from './corpus.js'
import {discoverInputs, type DiscoveredInput} from './discover-inputs.js'
import {cacheFolder, readManifest, writeManifest, type ManifestEntry} from './manifest.js'
import {describeFsError, prepareOutputFolder} from './output-folder.js'
import {readInput} from './read-input.js'
import {knownSuffixes, listOutputDocuments, reservedIds} from './output-documents.js'
import {inShard, type Shard} from './shard.js'
import {createAnalyser, DocumentTooLargeError, type Analyser} from './worker-pool.js'
import {pushAll} from '../push-all.js'

export interface RunOptions {
  /** Files or folders to read (default: the config's input folder). */
  paths: readonly string[]
  config: ResolvedConfig
  /** Output folder (default: the config's output folder). */
  out: string
  /** Write nothing; report the files that would change. */
  check?: boolean
  /** Analyse every document, even those whose cache key is unchanged. */
  force?: boolean
  /** Only the documents of this shard. */
  shard?: Shard
  /** How many documents are analysed at once (default: the config's; 0 = number of cores). */
  concurrency?: number
  /** Working directory that `source` paths are relative to. */
  cwd?: string
  /** Called with each diagnostic as it is found (the CLI prints them to stderr). */
  onDiagnostic?: (file: string, diagnostic: DiagnosticRecord) => void
  /** Called once the documents are known, with how many this run will go through. */
  onStart?: (total: number) => void
  /** Called after each document, analysed or skipped. */
  onDocument?: () => void
  /**
   * Stops the run (the CLI aborts it on SIGINT): no document is started after it fires, analyses in
   * progress are discarded, files being written are finished, and the manifest records exactly the
   * documents written. The corpus files are left as they were; the next run rebuilds them. With a
   * signal, documents are analysed in worker threads even one at a time (see `createAnalyser`).
   */
  signal?: AbortSignal
}

export interface RunResult {
  /** Documents this run went through (this shard's share, with `shard`). */
  documents: number
  analysed: number
  /** Documents whose cache key matched and whose outputs were intact. */
  skipped: number
  /** Output files written (or, with `check`, that would be written differently). */
  changed: string[]
  /** Output files of removed inputs that were deleted (or would be). */
  removed: string[]
  errors: number
  warnings: number
  /** Whether `signal` stopped the run before every document was through. */
  interrupted: boolean
}

/**
 * Runs the pipeline over every document under `paths`: analyses those whose inputs, config or
 * pipeline changed (on a worker pool), writes their files atomically, deletes the outputs of inputs
 * that are gone, and rebuilds `index.json` and `claims.jsonl`. A document that fails is reported and
 * the others still go through. Outputs are the same bytes whatever the concurrency.
 */
export async function runBatch(options: RunOptions): Promise<RunResult> {
  const {config, out} = options
  const cwd = options.cwd ?? process.cwd()
  const {signal} = options
  const result: RunResult = {documents: 0, analysed: 0, skipped: 0, changed: [], removed: [], errors: 0, warnings: 0, interrupted: false}
  const report = (file: string, diagnostic: DiagnosticRecord): void => {
    if (diagnostic.severity === 'error') result.errors++
    else if (diagnostic.severity === 'warning') result.warnings++
    options.onDiagnostic?.(file, diagnostic)
  }

  if (!options.check) {
    // Before anything is read or written: an output path that cannot be a folder is one usage error.
    await prepareOutputFolder(out)
    for (const dir of tempFolders(out)) await removeStaleTempFiles(dir)
  }
  const {inputs: found, problems} = await discoverInputs(options.paths, config.bibliography.files, cwd, [out])
  for (const problem of problems) report(problem.path, {severity: 'error', code: problem.code, message: problem.message, start: null})
  const inputs = found.filter((input) => {
    if (!reservedIds.has(input.id)) return true
    report(input.source, {severity: 'error', code: 'input-reserved-id', message: `the document id "${input.id}" would overwrite the corpus file ${input.id}.json: rename the input`, start: null})
    return false
  })
  const selected = inputs.filter((input) => !options.shard || inShard(input.id, options.shard)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  result.documents = selected.length
  options.onStart?.(selected.length)

  const manifest = await readManifest(out)
  const hadManifest = manifest.size > 0
  const wanted = options.concurrency ?? config.concurrency
  const threads = Math.max(1, Math.min(wanted > 0 ? wanted : availableParallelism(), selected.length))
  // The pool starts on the first document that needs analysing: a run that skips everything pays
  // nothing. When every document will be analysed (forced, or no cache yet), it starts now, so that
  // the workers load the pipeline while this thread cleans up and fingerprints the code.
  let analyser: Analyser | undefined
  // A run that can be stopped analyses even one document at a time in a worker: in this thread, a
  // long document would keep the abort (SIGINT) from being seen until it is done.
  const analyserFor = (): Analyser => (analyser ??= createAnalyser(config, threads, {out, ...(options.check ? {check: true} : {})}, {inThisThread: !signal}))
  if (selected.length > 0 && (options.force || !hadManifest) && !signal?.aborted) analyserFor()
  const scope = options.paths.map((path) => relative(cwd, resolve(cwd, path)).split('\\').join('/'))
  const inScope = (source: string): boolean => scope.some((path) => path === '' || source === path || source.startsWith(path + '/'))
  const settings = analysisSettings(config)
  let pipeline = ''
  // Stopping the workers makes the analyses in flight reject at once; their documents are discarded.
  const stopAnalyses = (): void => void analyser?.close()
  signal?.addEventListener('abort', stopAnalyses, {once: true})

  // The corpus files are written while the documents are analysed: each document goes in once it and
  // every document before it (by id) are through, so this thread's share overlaps the workers'. A run
  // that is stopped, or fails, writes none.
  const through = selected.map(() => settleable())
  const corpusStop = new AbortController()
  async function* corpusDocuments(): AsyncGenerator<CorpusDocument> {
    for (const [index, input] of selected.entries()) {
      await through[index]!.promise
      // A document dropped by a stop is through before the run's own clean-up aborts the corpus:
      // without this, a run of one stopped document would write empty corpus files.
      if (signal?.aborted) corpusStop.abort()
      if (corpusStop.signal.aborted) return
      const jsonSha256 = manifest.get(input.id)?.files[input.id + '.json']
      if (jsonSha256 === undefined) continue
      yield {id: input.id, jsonPath: join(out, input.id + '.json'), ...(options.check ? {} : {jsonSha256, cacheOut: out})}
    }
  }
  const corpus = writeCorpusInOrder(out, corpusDocuments(), {
    dryRun: options.check,
    signal: corpusStop.signal,
    // In a check, a new document's JSON is not on disk yet; it is already listed as a change.
    ...(options.check ? {} : {onProblem: (path: string, message: string) => report(path, {severity: 'error', code: 'corpus-unreadable', message, start: null})})
  })
  // Settled here, awaited at the end: a failure is not unhandled meanwhile.
  const corpusChanged = corpus.then((changed) => ({changed}), (error: unknown) => ({error}))

  // From here on the pool may be running: whatever happens, it is closed at the end.
  try {
    await removeGoneDocuments({out, manifest, hadManifest, ids: new Set(inputs.map((input) => input.id)), inScope, check: options.check, removed: result.removed})
    pipeline = await pipelineVersion()
    await pMap(
      selected,
      async (input, index) => {
        try {
          // Not p-map's own signal: it would reject at once and leave the documents in flight writing.
          if (signal?.aborted) return
          if (await processDocument(input)) options.onDocument?.()
        } finally {
          through[index]!.resolve()
        }
      },
      // Twice the threads: a worker never waits for the main thread to read or write a file.
      {concurrency: threads * 2}
    )
  } catch (error) {
    corpusStop.abort()
    throw error
  } finally {
    if (signal?.aborted) corpusStop.abort()
    for (const each of through) each.resolve()
    signal?.removeEventListener('abort', stopAnalyses)
    await analyser?.close()
    await corpusChanged
  }

  /** Resolves to false when the run was stopped and the document discarded. */
  async function processDocument(discovered: DiscoveredInput): Promise<boolean> {
    const read = await readInput(discovered)
    if (!read.ok) {
      report(discovered.source, read.diagnostic)
      manifest.delete(discovered.id)
      return true
    }
    const {input} = read
    const key = cacheKey({source: input.source, bytes: input.bytes, ...(input.bibliography ? {bibliography: input.bibliography} : {}), settings, pipeline})
    const previous = manifest.get(input.id)
    if (!options.force && read.bibliographyDiagnostics.length === 0 && previous?.key === key && previous.source === input.source && (await intact(out, previous.files))) {
      result.skipped++
      for (const {file, ...diagnostic} of previous.diagnostics) report(file, diagnostic)
      return true
    }
    if (signal?.aborted) return false
    // The analyser writes the document's changed files itself (in the worker) and reports them.
    let analysed: TaskResult
    try {
      analysed = await analyserFor().analyse(input)
    } catch (error) {
      if (signal?.aborted) return false
      // A bug or a resource limit hit by one document: report it there and go on with the others.
      if (error instanceof DocumentTooLargeError) report(discovered.source, {severity: 'error', code: error.code, message: error.message, start: null})
      else report(discovered.source, {severity: 'error', code: 'analysis-failed', message: `analysis failed: ${firstLine(error)}`, start: null})
      manifest.delete(input.id)
      return true
    }
    // A run stopped while the document was analysed drops its temp files; past this point the
    // document is written whole, even if the run is stopped meanwhile.
    if (signal?.aborted) {
      await discardTemps(analysed.files)
      return false
    }
    result.analysed++
    const diagnostics: ManifestEntry['diagnostics'] = []
    const bibliographyFile = discovered.bibliographySource ?? discovered.source
    for (const diagnostic of [...read.bibliographyDiagnostics, ...analysed.bibliographyDiagnostics]) diagnostics.push({file: bibliographyFile, ...diagnostic})
    for (const diagnostic of analysed.diagnostics) diagnostics.push({file: discovered.source, ...diagnostic})
    for (const {file, ...diagnostic} of diagnostics) report(file, diagnostic)

    // Not recorded in the manifest when a file cannot be written: the next run analyses the document again.
    const writeFailed = async (message: string): Promise<true> => {
      report(discovered.source, {severity: 'error', code: 'output-write-failed', message, start: null})
      await discardTemps(analysed.files)
      manifest.delete(input.id)
      return true
    }
    if (analysed.writeError) return writeFailed(analysed.writeError.message)
    const files: Record<string, string> = {}
    for (const file of analysed.files) {
      const path = join(out, file.name)
      files[file.name] = file.sha256
      if (!file.changed) continue
      result.changed.push(path)
      if (!file.temp) continue
      try {
        await replaceWithTemp(file.temp, path)
        delete file.temp
      } catch (error) {
        delete file.temp
        return writeFailed(`cannot write ${path}: ${describeFsError(error)}`)
      }
    }
    for (const name of Object.keys(previous?.files ?? {})) if (!(name in files)) await remove(join(out, name), options.check, result.removed)
    manifest.set(input.id, {source: input.source, key, files, diagnostics})
    return true
  }

  if (signal?.aborted) {
    // What was written is complete and recorded; the corpus files wait for a run that finishes. The
    // workers were stopped, maybe in the middle of a temp file: those go.
    if (!options.check) for (const dir of tempFolders(out)) await removeStaleTempFiles(dir, {own: true})
    result.interrupted = true
    if (!options.check) await writeManifestIfChanged(out, manifest)
    result.changed.sort()
    result.removed.sort()
    return result
  }
  if (!options.check) await writeManifestIfChanged(out, manifest)
  const written = await corpusChanged
  if ('error' in written) throw written.error
  result.changed.sort()
  pushAll(result.changed, written.changed)
  result.removed.sort()
  return result
}

/** A promise and the function that resolves it (Promise.withResolvers is Node 22). */
function settleable(): {promise: Promise<void>; resolve: () => void} {
  let resolve!: () => void
  const promise = new Promise<void>((done) => (resolve = done))
  return {promise, resolve}
}

/** The folders a run writes temp files in. */
function tempFolders(out: string): string[] {
  return [out, join(out, cacheFolder), corpusCacheFolder(out)]
}

/** Whether every file a manifest entry lists is still there with the content it had. */
async function intact(out: string, files: Record<string, string>): Promise<boolean> {
  for (const [name, sha256] of Object.entries(files)) if ((await sha256OfFile(join(out, name))) !== sha256) return false
  return true
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!.trim()
}

async function remove(path: string, check: boolean | undefined, removed: string[]): Promise<void> {
  const exists = await stat(path).then(() => true, () => false)
  if (!exists) return
  removed.push(path)
  if (!check) await rm(path, {force: true})
}

/**
 * Deletes the outputs of documents whose input is gone: those the manifest lists, or, without a
 * manifest (a fresh clone), `<id>.json` records in the output folder whose source was under the
 * paths of this run, with their siblings of known suffixes. Only documents whose source lies under
 * this run's paths count, so `citeclaim run input/a.txt` leaves the other documents alone.
 */
async function removeGoneDocuments(context: {
  out: string
  manifest: Map<string, ManifestEntry>
  hadManifest: boolean
  ids: ReadonlySet<string>
  inScope: (source: string) => boolean
  check: boolean | undefined
  removed: string[]
}): Promise<void> {
  const {out, manifest} = context
  for (const [id, entry] of manifest) {
    if (context.ids.has(id) || !context.inScope(entry.source)) continue
    for (const name of Object.keys(entry.files)) await remove(join(out, name), context.check, context.removed)
    if (!context.check) await rm(corpusCachePath(out, id), {force: true})
    manifest.delete(id)
  }
  if (context.hadManifest) return
  const documents = await listOutputDocuments(out).catch(() => [])
  for (const document of documents) {
    if (context.ids.has(document.id)) continue
    const record = await readJson(join(out, document.id + '.json'))
    if (!isDocumentRecord(record, document.id) || !context.inScope(record.document.source)) continue
    for (const name of document.files) if (knownSuffixes.includes(name.slice(document.id.length))) await remove(join(out, name), context.check, context.removed)
  }
}

async function writeManifestIfChanged(out: string, manifest: ReadonlyMap<string, ManifestEntry>): Promise<void> {
  const current = await readManifest(out)
  const same = current.size === manifest.size && [...manifest].every(([id, entry]) => JSON.stringify(current.get(id)) === JSON.stringify(entry))
  if (!same) await writeManifest(out, manifest)
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch {
    return undefined
  }
}
