import {availableParallelism} from 'node:os'
import {join, relative, resolve} from 'node:path'
import pMap from 'p-map'
import type {ResolvedConfig} from '../config/types.js'
import type {DiagnosticRecord} from '../emit/document.js'
import {selectEmitters} from '../emit/emitters.js'
import {removeStaleTempFiles, WriteError} from './atomic-write.js'
import {cacheFoldersAreReal, cacheFoldersAreRealSync, prepareCacheFolders} from './cache-folder.js'
import {analysisSettings, BibliographyDigests, pipelineVersion} from './cache-key.js'
import {corpusCacheFolder, corpusFiles} from './corpus.js'
import {streamCorpus} from './corpus-stream.js'
import {discoverInputs} from './discover-inputs.js'
import {OutputStamps} from './file-stamps.js'
import {checkInputPaths, isWithin, ownOutputTest, realLocation, RunRefusedError} from './input-output-overlap.js'
import {cacheFolder, manifestPath, readManifest, writeManifest, type ManifestEntry} from './manifest.js'
import {describeFsError, prepareOutputFolder} from './output-folder.js'
import {processDocument, triage, type DocumentRun, type Stage} from './process-document.js'
import {removeGoneDocuments, removeUnwrittenCorpusPage} from './remove-outputs.js'
import {isReservedId, knownSuffixes, listOutputDocuments, reservedIds} from './output-documents.js'
import {inShard, type Shard} from './shard.js'
import {createAnalyser, type Analyser} from './worker-pool.js'
import {pushAll} from '../push-all.js'
import {diagnostic} from '../diagnostics.js'
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
  /** Worker threads the run started (0 when every document it analysed was analysed in this thread). */
  workers: number
  /** Output files (of skipped documents, and the corpus files) read and hashed to check them; the others were vouched for by their stamps. */
  hashed: number
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
  const result: RunResult = {documents: 0, analysed: 0, skipped: 0, changed: [], removed: [], errors: 0, warnings: 0, interrupted: false, workers: 0, hashed: 0}
  const report = (file: string, diagnostic: DiagnosticRecord): void => {
    if (diagnostic.severity === 'error') result.errors++
    else if (diagnostic.severity === 'warning') result.warnings++
    options.onDiagnostic?.(file, diagnostic)
  }

  // An unknown output format is a config error, before anything is read or written.
  selectEmitters(config.outputs)
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
    if (cache.failed) report(cache.failed.path, diagnostic('output-write-failed', `cannot create the cache folder ${cache.failed.path}: ${cache.failed.reason}; the run goes on without a cache`))
    for (const dir of tempFolders(out)) await removeStaleTempFiles(dir)
  } else {
    cacheUsable = await cacheFoldersAreReal(out)
  }
  for (const problem of problems) report(problem.path, diagnostic(problem.code, problem.message))
  // Documents under a folder that could not be read are not gone: their outputs stay.
  const unreadable = problems.filter((problem) => problem.code === 'input-unreadable').map((problem) => problem.path)
  const inputs = found.filter((input) => {
    if (!isReservedId(input.id)) return true
    report(input.source, diagnostic('input-reserved-id', `the document id "${input.id}" would overwrite the corpus file ${input.id.toLowerCase()}.json${input.id === input.id.toLowerCase() ? '' : ' on macOS and Windows, whose file names do not tell case apart'}: rename the input`))
    return false
  })
  const selected = inputs.filter((input) => !options.shard || inShard(input.id, options.shard)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  result.documents = selected.length
  options.onStart?.(selected.length)

  const manifest = cacheUsable ? await readManifest(out, knownSuffixes(), reservedIds) : new Map<string, ManifestEntry>()
  const hadManifest = manifest.size > 0
  // A check compares bytes, whatever the stamps say.
  const stamps = await OutputStamps.of(out, cacheUsable && hadManifest && !options.check)
  const wanted = options.concurrency ?? config.concurrency
  // Left to citeclaim (0), the thread count follows the work: a small batch runs in one thread.
  const threadsFor = async (documents: typeof selected): Promise<number> => (wanted > 0 ? Math.max(1, Math.min(wanted, documents.length)) : workerCount(availableParallelism(), await workSizes(documents)))
  // When every document will be analysed (forced, or no cache yet), the pool starts now, so that the
  // workers load the pipeline while this thread cleans up and fingerprints the code. Otherwise the
  // documents that need analysing are found first, and the pool is sized by them: a run that skips
  // everything starts no worker (and looks at no input's size), and one changed document is analysed
  // in this thread.
  const upFront = selected.length > 0 && (options.force || !hadManifest) && !signal?.aborted
  let threads = upFront ? await threadsFor(selected) : 1
  let analyser: Analyser | undefined
  // A run that can be stopped analyses one document at a time in this thread only when it is small:
  // a long analysis here would keep the abort (SIGINT) from being seen until it is done.
  const analyserFor = (): Analyser => (analyser ??= createAnalyser(config, threads, {out, ...(options.check ? {check: true} : {})}, {inThisThread: true, stoppable: signal !== undefined}))
  // The code's fingerprint is part of every cache key and of what the corpus files are made from.
  // Taken once the pool's workers are starting (their pool made, after tinypool loads), so that they
  // load the pipeline while this thread hashes every module of the package (synchronously); the pool
  // is closed if it fails.
  const fingerprint = (upFront ? analyserFor().started : Promise.resolve()).then(() => pipelineVersion())
  const pipeline = await fingerprint.catch(async (error: unknown) => {
    await analyser?.close()
    throw error
  })
  const scope = options.paths.map((path) => relative(cwd, resolve(cwd, path)).split('\\').join('/'))
  const under = (source: string, path: string): boolean => path === '' || source === path || source.startsWith(path + '/')
  const inScope = (source: string): boolean => scope.some((path) => under(source, path)) && !unreadable.some((path) => under(source, path))
  const settings = analysisSettings(config)
  // Stopping the workers makes the analyses in flight reject at once; their documents are discarded.
  const stopAnalyses = (): void => void analyser?.close()
  signal?.addEventListener('abort', stopAnalyses, {once: true})

  // The corpus files are written while the documents are analysed; a run that fails writes none.
  const selectedIds = new Set(selected.map((input) => input.id))
  const verified = new Map<string, string>()
  const writesPage = config.outputs.includes('html')
  const corpus = streamCorpus({out, selected, manifest, verified, stamps, check: options.check, page: writesPage, pipeline, report})

  // From here on the pool may be running: whatever happens, it is closed at the end.
  try {
    await removeGoneDocuments({out, manifest, hadManifest, ids: new Set(inputs.map((input) => input.id)), inScope, check: options.check, removed: result.removed, report})
    const removed = new Set(result.removed)
    const listed = await listOutputDocuments(out).catch(() => [])
    corpus.others(listed.filter((document) => !selectedIds.has(document.id) && !removed.has(join(out, document.id + '.json'))))
    const run: DocumentRun = {out, check: options.check, force: options.force, signal, settings, pipeline, bibliographyDigests: new BibliographyDigests(), manifest, verified, stamps, result, report, analyser: analyserFor}
    // Without a pool started up front, the documents that need analysing are found first (see above).
    const stage: Stage = analyser ? 'all' : 'analyse'
    const pending = analyser ? selected.map((input, index) => ({input, index})) : await triage(selected, run, (index, counted) => {
      if (counted) options.onDocument?.()
      corpus.through(index)
    })
    if (stage === 'analyse' && pending.length > 0) threads = await threadsFor(pending.map(({input}) => input))
    await pMap(
      pending,
      async ({input, index}) => {
        try {
          // Not p-map's own signal: it would reject at once and leave the documents in flight writing.
          if (signal?.aborted) return
          if (await processDocument(input, run, stage)) options.onDocument?.()
        } finally {
          corpus.through(index)
        }
      },
      // Twice the threads: a worker never waits for the main thread to read or write a file.
      {concurrency: threads * 2}
    )
  } catch (error) {
    corpus.stop()
    throw error
  } finally {
    corpus.release()
    signal?.removeEventListener('abort', stopAnalyses)
    result.workers = analyser?.workersStarted ?? 0
    await analyser?.close()
    await corpus.done
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
      report(manifestPath(out), diagnostic('output-write-failed', `cannot write ${manifestPath(out)}: ${describeFsError(error)}`))
    }
  }
  const written = await corpus.done
  if (!options.check) await saveStamps(out, stamps, manifest)
  // The documents' files were counted by name (see `DocumentRun`); sorted by name is sorted by path.
  result.changed = result.changed.sort().map((name) => join(out, name))
  if ('error' in written) {
    if (!(written.error instanceof WriteError)) throw written.error
    // The old corpus files are left whole (both are replaced only once both are written).
    report(written.error.path, diagnostic('output-write-failed', `cannot write ${written.error.path}: ${describeFsError(written.error.cause)}; the previous corpus files are left as they were`))
  } else {
    pushAll(result.changed, written.changed)
    if (!writesPage && !signal?.aborted) await removeUnwrittenCorpusPage({out, previous: stamps.previousCorpus, hasContent: (name, sha256) => stamps.hasContent(name, sha256), check: options.check, removed: result.removed, report})
  }
  result.removed.sort()
  result.hashed = stamps.hashed
  return result
}

/** The folders a run writes temp files in. */
function tempFolders(out: string): string[] {
  return [out, join(out, cacheFolder), corpusCacheFolder(out)]
}

/**
 * Records the stamps of the outputs the manifest lists and of the corpus files, after every one of
 * them is written: the stamps vouch only for files older than themselves. Only a cache: when they
 * cannot be written, the next run hashes the outputs instead.
 */
async function saveStamps(out: string, stamps: OutputStamps, manifest: ReadonlyMap<string, ManifestEntry>): Promise<void> {
  const names = [...manifest.values()].flatMap((entry) => Object.keys(entry.files))
  if (stamps.corpus) {
    await stamps.written(corpusFiles.index, stamps.corpus.index)
    await stamps.written(corpusFiles.claims, stamps.corpus.claims)
    names.push(corpusFiles.index, corpusFiles.claims)
    if (stamps.corpus.page !== undefined) {
      await stamps.written(corpusFiles.html, stamps.corpus.page)
      names.push(corpusFiles.html)
    }
  }
  if (cacheFoldersAreRealSync(out)) await stamps.save(names).catch(() => undefined)
}

async function writeManifestIfChanged(out: string, manifest: ReadonlyMap<string, ManifestEntry>): Promise<void> {
  const current = await readManifest(out, knownSuffixes(), reservedIds)
  const same = current.size === manifest.size && [...manifest].every(([id, entry]) => JSON.stringify(current.get(id)) === JSON.stringify(entry))
  // Not through a cache folder swapped for a link during the run: the next run then rebuilds.
  if (!same && cacheFoldersAreRealSync(out)) await writeManifest(out, manifest)
}
