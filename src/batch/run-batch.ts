import {availableParallelism} from 'node:os'
import {lstat, readFile, rm} from 'node:fs/promises'
import {join, relative, resolve} from 'node:path'
import pMap from 'p-map'
import type {ResolvedConfig} from '../config/types.js'
import type {DiagnosticRecord} from '../emit/document.js'
import type {TaskResult} from './analyse-task.js'
import {discardTemps, removeStaleTempFiles, replaceWithTemp, sha256OfFile, WriteError} from './atomic-write.js'
import {cacheFoldersAreReal, cacheFoldersAreRealSync, prepareCacheFolders} from './cache-folder.js'
import {analysisSettings, cacheKey, pipelineVersion} from './cache-key.js'
import {corpusCacheFolder, corpusCachePath, isDocumentRecord, writeCorpusInOrder, type CorpusDocument} from './corpus.js'
import {discoverInputs, type DiscoveredInput} from './discover-inputs.js'
import {checkInputPaths, hasOwnRecord, isWithin, ownOutputTest, realLocation, RunRefusedError} from './input-output-overlap.js'
import {cacheFolder, manifestPath, readManifest, writeManifest, type ManifestEntry} from './manifest.js'
import {describeFsError, prepareOutputFolder} from './output-folder.js'
import {readInput} from './read-input.js'
import {isReservedId, knownSuffixes, listOutputDocuments, reservedIds, type OutputDocument} from './output-documents.js'
import {inShard, type Shard} from './shard.js'
import {createAnalyser, DocumentTooLargeError, type Analyser} from './worker-pool.js'
import {pushAll} from '../push-all.js'
import {workerCount, workSizes} from './worker-count.js'

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
   * documents written. The corpus files are then written over every document in the output folder.
   * With a signal, documents are analysed in worker threads even one at a time (see `createAnalyser`).
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
 * that are gone, and rebuilds `index.json` and `claims.jsonl` over every document in the output
 * folder. A document that fails is reported and the others still go through. Outputs are the same
 * bytes whatever the concurrency. Throws `RunRefusedError` (before anything is written) for a path
 * that does not exist or overlaps the output folder, and `OutputFolderError` for an output folder
 * that cannot be made.
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

  // Before anything is written: a missing path, or inputs that overlap the output folder, refuse the
  // run; citeclaim's own outputs are never inputs.
  await checkInputPaths(options.paths, out, cwd)
  const realOut = await realLocation(out)
  const {inputs: found, problems} = await discoverInputs(options.paths, config.bibliography.files, cwd, [out, realOut], ownOutputTest(realOut))
  for (const input of found) {
    if (input.bibliographyPath && isWithin(await realLocation(input.bibliographyPath), realOut)) {
      const shown = input.bibliographySource ?? input.bibliographyPath
      throw new RunRefusedError(shown, 'input-output-overlap', `the bibliography ${shown} of ${input.source} is inside the output folder ${out}, where citeclaim writes: move it out`)
    }
  }
  // The cache is untrusted: its folders must be real folders inside `out`, or it is not used.
  let cacheUsable: boolean
  if (!options.check) {
    // An output path that cannot be a folder is one usage error.
    await prepareOutputFolder(out)
    const cache = await prepareCacheFolders(out)
    cacheUsable = !cache.removed && !cache.failed
    if (cache.failed) report(cache.failed.path, {severity: 'error', code: 'output-write-failed', message: `cannot create the cache folder ${cache.failed.path}: ${cache.failed.reason}; the run goes on without a cache`, start: null})
    for (const dir of tempFolders(out)) await removeStaleTempFiles(dir)
  } else {
    cacheUsable = await cacheFoldersAreReal(out)
  }
  for (const problem of problems) report(problem.path, {severity: problem.severity ?? 'error', code: problem.code, message: problem.message, start: null})
  // Documents under a folder that could not be read are not gone: their outputs stay.
  const unreadable = problems.filter((problem) => problem.code === 'input-unreadable').map((problem) => problem.path)
  const inputs = found.filter((input) => {
    if (!isReservedId(input.id)) return true
    report(input.source, {severity: 'error', code: 'input-reserved-id', message: `the document id "${input.id}" would overwrite the corpus file ${input.id.toLowerCase()}.json${input.id === input.id.toLowerCase() ? '' : ' on macOS and Windows, whose file names do not tell case apart'}: rename the input`, start: null})
    return false
  })
  const selected = inputs.filter((input) => !options.shard || inShard(input.id, options.shard)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  result.documents = selected.length
  options.onStart?.(selected.length)

  const manifest = cacheUsable ? await readManifest(out, knownSuffixes, reservedIds) : new Map<string, ManifestEntry>()
  const hadManifest = manifest.size > 0
  const wanted = options.concurrency ?? config.concurrency
  // Left to citeclaim (0), the thread count follows the work: a small batch runs in one thread.
  const threads = wanted > 0 ? Math.max(1, Math.min(wanted, selected.length)) : workerCount(availableParallelism(), await workSizes(selected))
  // The pool starts on the first document that needs analysing: a run that skips everything pays
  // nothing. When every document will be analysed (forced, or no cache yet), it starts now, so that
  // the workers load the pipeline while this thread cleans up and fingerprints the code.
  let analyser: Analyser | undefined
  // A run that can be stopped analyses one document at a time in this thread only when it is small:
  // a long analysis here would keep the abort (SIGINT) from being seen until it is done.
  const analyserFor = (): Analyser => (analyser ??= createAnalyser(config, threads, {out, ...(options.check ? {check: true} : {})}, {inThisThread: true, stoppable: signal !== undefined}))
  if (selected.length > 0 && (options.force || !hadManifest) && !signal?.aborted) analyserFor()
  const scope = options.paths.map((path) => relative(cwd, resolve(cwd, path)).split('\\').join('/'))
  const under = (source: string, path: string): boolean => path === '' || source === path || source.startsWith(path + '/')
  const inScope = (source: string): boolean => scope.some((path) => under(source, path)) && !unreadable.some((path) => under(source, path))
  const settings = analysisSettings(config)
  let pipeline = ''
  // Stopping the workers makes the analyses in flight reject at once; their documents are discarded.
  const stopAnalyses = (): void => void analyser?.close()
  signal?.addEventListener('abort', stopAnalyses, {once: true})

  // The corpus files are written while the documents are analysed: each document goes in once it and
  // every document before it (by id) are through, so this thread's share overlaps the workers'. They
  // describe every document in the output folder: this run's, merged in id order with the others
  // there (listed once the outputs of gone inputs are deleted). A run that fails writes none.
  const through = selected.map(() => settleable())
  const others = settleable<OutputDocument[]>()
  const selectedIds = new Set(selected.map((input) => input.id))
  // sha256 of the `<id>.json` files this run hashed or wrote: their corpus caches need no second look.
  const verified = new Map<string, string>()
  const corpusStop = new AbortController()
  const describe = (id: string): CorpusDocument => {
    const entry = manifest.get(id)
    const jsonSha256 = verified.get(id) ?? entry?.files[id + '.json']
    const cache = entry?.corpus && jsonSha256 ? {out, jsonSha256, corpusSha256: entry.corpus, jsonVerified: verified.has(id)} : undefined
    // A JSON file this run did not vouch for (another shard's, one left by a document that failed or
    // was never started) counts only if it is a record.
    return {id, jsonPath: join(out, id + '.json'), ...(cache ? {cache} : {}), found: !verified.has(id)}
  }
  async function* corpusDocuments(): AsyncGenerator<CorpusDocument> {
    const rest = await others.promise
    let next = 0
    for (const [index, input] of selected.entries()) {
      while (next < rest.length && rest[next]!.id < input.id) yield describe(rest[next++]!.id)
      await through[index]!.promise
      if (corpusStop.signal.aborted) return
      yield describe(input.id)
    }
    while (next < rest.length) yield describe(rest[next++]!.id)
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
    await removeGoneDocuments({out, manifest, hadManifest, ids: new Set(inputs.map((input) => input.id)), inScope, check: options.check, removed: result.removed, report})
    const removed = new Set(result.removed)
    const listed = await listOutputDocuments(out).catch(() => [])
    others.resolve(listed.filter((document) => !selectedIds.has(document.id) && !removed.has(join(out, document.id + '.json'))))
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
    others.resolve([])
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
      const jsonSha256 = previous.files[input.id + '.json']
      if (jsonSha256 !== undefined) verified.set(input.id, jsonSha256)
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
    const foreign = await foreignFile(out, input.id, analysed.files, previous)
    if (foreign !== undefined) {
      report(discovered.source, {severity: 'error', code: 'output-not-ours', message: `${foreign} is not citeclaim's (no citeclaim record ${input.id}.json beside it): not overwritten; move it, or give --out another folder`, start: null})
      await discardTemps(analysed.files)
      manifest.delete(input.id)
      return true
    }
    const files: Record<string, string> = {}
    for (const file of analysed.files) {
      const path = join(out, file.name)
      files[file.name] = file.sha256
      // In a check the new bytes are not on disk: only an unchanged file is what the manifest says.
      if (file.name === input.id + '.json' && (!options.check || !file.changed)) verified.set(input.id, file.sha256)
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
    for (const name of Object.keys(previous?.files ?? {})) if (!(name in files)) await remove(out, name, {check: options.check, removed: result.removed, report})
    manifest.set(input.id, {source: input.source, key, files, diagnostics, ...(analysed.corpusSha256 ? {corpus: analysed.corpusSha256} : {})})
    return true
  }

  if (signal?.aborted) {
    // What was written is complete and recorded, and the corpus files describe it. The workers were
    // stopped, maybe in the middle of a temp file: those go.
    if (!options.check) for (const dir of tempFolders(out)) await removeStaleTempFiles(dir, {own: true})
    result.interrupted = true
  }
  if (!options.check) {
    try {
      await writeManifestIfChanged(out, manifest)
    } catch (error) {
      // Only a cache: the outputs are written; the next run analyses again what it cannot vouch for.
      report(manifestPath(out), {severity: 'error', code: 'output-write-failed', message: `cannot write ${manifestPath(out)}: ${describeFsError(error)}`, start: null})
    }
  }
  const written = await corpusChanged
  result.changed.sort()
  if ('error' in written) {
    if (!(written.error instanceof WriteError)) throw written.error
    // The old corpus files are left whole (both are replaced only once both are written).
    report(written.error.path, {severity: 'error', code: 'output-write-failed', message: `cannot write ${written.error.path}: ${describeFsError(written.error.cause)}; the previous corpus files are left as they were`, start: null})
  } else {
    pushAll(result.changed, written.changed)
  }
  result.removed.sort()
  return result
}

/** A promise and the function that resolves it (Promise.withResolvers is Node 22); later calls are no-ops. */
function settleable<T = void>(): {promise: Promise<T>; resolve: (value: T) => void} {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => (resolve = done))
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

/**
 * Deletes the output file `name` of `out` (a symlink there is deleted itself, never what it points
 * to). `name` must be a plain file name: a name with a path in it is refused, so nothing outside
 * `out` is ever deleted whatever a manifest says.
 */
async function remove(out: string, name: string, context: {check: boolean | undefined; removed: string[]; report: (file: string, diagnostic: DiagnosticRecord) => void}): Promise<void> {
  if (!isPlainName(name)) return
  const path = join(out, name)
  const exists = await lstat(path).then(() => true, () => false)
  if (!exists) return
  context.removed.push(path)
  if (context.check) return
  try {
    await rm(path, {force: true})
  } catch (error) {
    context.report(path, {severity: 'error', code: 'output-write-failed', message: `cannot delete ${path}: ${describeFsError(error)}`, start: null})
  }
}

/** A file name with no folder in it: not empty, no separator, not `.` or `..`. */
function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name)
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
  report: (file: string, diagnostic: DiagnosticRecord) => void
}): Promise<void> {
  const {out, manifest} = context
  for (const [id, entry] of manifest) {
    if (context.ids.has(id) || !context.inScope(entry.source)) continue
    for (const name of Object.keys(entry.files)) await remove(out, name, context)
    if (!context.check && isPlainName(id + '.jsonl') && cacheFoldersAreRealSync(out)) await rm(corpusCachePath(out, id), {force: true}).catch(() => undefined)
    manifest.delete(id)
  }
  if (context.hadManifest) return
  const documents = await listOutputDocuments(out).catch(() => [])
  for (const document of documents) {
    if (context.ids.has(document.id)) continue
    const record = await readJson(join(out, document.id + '.json'))
    if (!isDocumentRecord(record, document.id) || !context.inScope(record.document.source)) continue
    for (const name of document.files) if (knownSuffixes.includes(name.slice(document.id.length))) await remove(out, name, context)
  }
}

/**
 * A regular file in `out` that a document's write would replace but that citeclaim did not write, or
 * undefined: one there is citeclaim's when `<id>.json` beside it is a citeclaim record of the document
 * (by how it begins) or the manifest lists it. A user's own `<id>.md` in a folder given as --out (a
 * folder of documents) is never overwritten. Links and anything not a regular file are replaced as
 * before (the link, never its target).
 */
async function foreignFile(out: string, id: string, files: ReadonlyArray<{name: string; changed: boolean}>, previous: ManifestEntry | undefined): Promise<string | undefined> {
  let ownRecord: boolean | undefined
  for (const file of files) {
    if (!file.changed || previous?.files[file.name] !== undefined) continue
    const path = join(out, file.name)
    if (!(await lstat(path).then((info) => info.isFile(), () => false))) continue
    ownRecord ??= await hasOwnRecord(out, id)
    if (!ownRecord) return path
  }
  return undefined
}

async function writeManifestIfChanged(out: string, manifest: ReadonlyMap<string, ManifestEntry>): Promise<void> {
  const current = await readManifest(out, knownSuffixes, reservedIds)
  const same = current.size === manifest.size && [...manifest].every(([id, entry]) => JSON.stringify(current.get(id)) === JSON.stringify(entry))
  // Not through a cache folder swapped for a link during the run: the next run then rebuilds.
  if (!same && cacheFoldersAreRealSync(out)) await writeManifest(out, manifest)
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch {
    return undefined
  }
}
