import {join} from 'node:path'
import {lstat} from 'node:fs/promises'
import pMap from 'p-map'
import type {DiagnosticRecord} from '../emit/document.js'
import type {TaskResult} from './analyse-task.js'
import {diagnostic} from '../diagnostics.js'
import {discardTemps, replaceWithTemp} from './atomic-write.js'
import {cacheKey, type BibliographyDigests} from './cache-key.js'
import type {DiscoveredInput} from './discover-inputs.js'
import type {OutputStamps} from './file-stamps.js'
import {hasOwnRecord} from './input-output-overlap.js'
import type {ManifestEntry} from './manifest.js'
import {describeFsError} from './output-folder.js'
import {readInput} from './read-input.js'
import {remove} from './remove-outputs.js'
import {DocumentTooLargeError, type Analyser} from './worker-pool.js'

/** What one document's turn in a run needs from the run, and what it adds to it. */
export interface DocumentRun {
  out: string
  /** Write nothing; count what would change. */
  check: boolean | undefined
  /** Analyse even when the cache key is unchanged. */
  force: boolean | undefined
  signal: AbortSignal | undefined
  /** The analysis settings and the pipeline's fingerprint: with the input's bytes, the cache key. */
  settings: string
  pipeline: string
  /** The digests of the bibliography files, for the cache key. */
  bibliographyDigests: BibliographyDigests
  /** The cache: read for skipping, updated with what is written. */
  manifest: Map<string, ManifestEntry>
  /** sha256 of the `<id>.json` files this run hashed or wrote. */
  verified: Map<string, string>
  /** Vouch for output files without reading them, and record the stamps of those written. */
  stamps: OutputStamps
  /**
   * `changed`: the names (in `out`) of the files written, not their paths, which the run makes at its
   * end: kept for every file until then, a path is a string more per file. `removed`: paths.
   */
  result: {analysed: number; skipped: number; changed: string[]; removed: string[]}
  report: (file: string, diagnostic: DiagnosticRecord) => void
  /** The analyser, started on first use. */
  analyser: () => Analyser
}

/**
 * How much of a document's turn `processDocument` takes: `all` of it; `triage`, which only skips an
 * unchanged document (or reports one the manifest lists that cannot be read) and resolves to
 * 'analyse' for the others, without reading those the manifest does not list;
 * or `analyse`, which analyses without looking for a reason to skip (triage found none).
 */
export type Stage = 'all' | 'triage' | 'analyse'

/**
 * One document's turn in a run: read it, skip it when its cache key is unchanged and its files are
 * intact, else analyse it (the analyser writes its changed files to temp files), then rename those
 * into place and record it in the manifest. A document that fails is reported and left out of the
 * manifest, so the next run tries it again. Resolves to false when the run was stopped and the
 * document discarded, and to 'analyse' when `stage` is 'triage' and the document needs analysing.
 */
export async function processDocument(discovered: DiscoveredInput, run: DocumentRun, stage: Stage = 'all'): Promise<boolean | 'analyse'> {
  // Only a document the manifest lists can be skipped: a new one is read once, when it is analysed.
  if (stage === 'triage' && !run.manifest.has(discovered.id)) return 'analyse'
  const read = await readInput(discovered)
  if (!read.ok) {
    run.report(discovered.source, read.diagnostic)
    run.manifest.delete(discovered.id)
    return true
  }
  const {input} = read
  const bibliography = input.bibliography ? {source: input.bibliography.source, sha256: run.bibliographyDigests.of(input.bibliography.source, input.bibliography.bytes)} : undefined
  const key = cacheKey({source: input.source, bytes: input.bytes, ...(bibliography ? {bibliography} : {}), settings: run.settings, pipeline: run.pipeline})
  const previous = run.manifest.get(input.id)
  if (stage !== 'analyse' && !run.force && read.bibliographyDiagnostics.length === 0 && previous?.key === key && previous.source === input.source && (await intact(run.stamps, previous.files))) {
    run.result.skipped++
    const jsonSha256 = previous.files[input.id + '.json']
    if (jsonSha256 !== undefined) run.verified.set(input.id, jsonSha256)
    for (const {file, ...diagnostic} of previous.diagnostics) run.report(file, diagnostic)
    return true
  }
  if (run.signal?.aborted) return false
  if (stage === 'triage') return 'analyse'
  // The analyser writes the document's changed files itself (in the worker) and reports them.
  let analysed: TaskResult
  try {
    analysed = await run.analyser().analyse(input)
  } catch (error) {
    if (run.signal?.aborted) return false
    // A bug or a resource limit hit by one document: report it there and go on with the others.
    if (error instanceof DocumentTooLargeError) run.report(discovered.source, diagnostic(error.code, error.message))
    else run.report(discovered.source, diagnostic('analysis-failed', `analysis failed: ${firstLine(error)}`))
    run.manifest.delete(input.id)
    return true
  }
  // A run stopped while the document was analysed drops its temp files; past this point the
  // document is written whole, even if the run is stopped meanwhile.
  if (run.signal?.aborted) {
    await discardTemps(analysed.files)
    return false
  }
  run.result.analysed++
  const diagnostics: ManifestEntry['diagnostics'] = []
  const bibliographyFile = discovered.bibliographySource ?? discovered.source
  for (const diagnostic of [...read.bibliographyDiagnostics, ...analysed.bibliographyDiagnostics]) diagnostics.push({file: bibliographyFile, ...diagnostic})
  for (const diagnostic of analysed.diagnostics) diagnostics.push({file: discovered.source, ...diagnostic})
  for (const {file, ...diagnostic} of diagnostics) run.report(file, diagnostic)

  // Not recorded in the manifest when a file cannot be written: the next run analyses the document again.
  const writeFailed = async (message: string): Promise<true> => {
    run.report(discovered.source, diagnostic('output-write-failed', message))
    await discardTemps(analysed.files)
    run.manifest.delete(input.id)
    return true
  }
  if (analysed.writeError) return writeFailed(analysed.writeError.message)
  const foreign = await foreignFile(run.out, input.id, analysed.files, previous)
  if (foreign !== undefined) {
    run.report(discovered.source, diagnostic('output-not-ours', `${foreign} is not citeclaim's (no citeclaim record ${input.id}.json beside it): not overwritten; move it, or give --out another folder`))
    await discardTemps(analysed.files)
    run.manifest.delete(input.id)
    return true
  }
  // Without a prototype the object starts as a dictionary: its member names are the document's own
  // file names, and an object literal would make V8 build hidden classes for every document's names,
  // which the run keeps to its end (with the manifest).
  const files = Object.create(null) as Record<string, string>
  for (const file of analysed.files) {
    const path = join(run.out, file.name)
    files[file.name] = file.sha256
    // In a check the new bytes are not on disk: only an unchanged file is what the manifest says.
    if (file.name === input.id + '.json' && (!run.check || !file.changed)) run.verified.set(input.id, file.sha256)
    if (!file.changed) {
      if (!run.check) await run.stamps.written(file.name, file.sha256)
      continue
    }
    run.result.changed.push(file.name)
    if (!file.temp) continue
    try {
      await replaceWithTemp(file.temp, path)
      delete file.temp
    } catch (error) {
      delete file.temp
      return writeFailed(`cannot write ${path}: ${describeFsError(error)}`)
    }
    await run.stamps.written(file.name, file.sha256)
  }
  for (const name of Object.keys(previous?.files ?? {})) if (!(name in files)) await remove(run.out, name, {check: run.check, removed: run.result.removed, report: run.report})
  run.manifest.set(input.id, {source: input.source, key, files, diagnostics, ...(analysed.corpusSha256 ? {corpus: analysed.corpusSha256} : {})})
  return true
}

/**
 * The triage of a run that may skip documents: each of `selected` is skipped when unchanged (or
 * reported when it cannot be read), and `through(index, counted)` is called for it; resolves to
 * those that need analysing, with their indexes, in order, so that the worker pool can be sized by them.
 */
export async function triage(selected: readonly DiscoveredInput[], run: DocumentRun, through: (index: number, counted: boolean) => void): Promise<Array<{input: DiscoveredInput; index: number}>> {
  const needed: number[] = []
  await pMap(
    selected.keys(),
    async (index) => {
      if (run.signal?.aborted) return
      const outcome = await processDocument(selected[index]!, run, 'triage')
      if (outcome === 'analyse') needed.push(index)
      else through(index, outcome)
    },
    // Reading and hashing: a few at once keep the disk busy.
    {concurrency: 8}
  )
  return needed.sort((a, b) => a - b).map((index) => ({input: selected[index]!, index}))
}

/** Whether every file a manifest entry lists is still there with the content it had (by its stamp, else its bytes). */
async function intact(stamps: OutputStamps, files: Record<string, string>): Promise<boolean> {
  for (const [name, sha256] of Object.entries(files)) if (!(await stamps.hasContent(name, sha256))) return false
  return true
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!.trim()
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

