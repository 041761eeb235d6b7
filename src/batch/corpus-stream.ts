import {join} from 'node:path'
import type {DiagnosticRecord} from '../emit/document.js'
import type {CorpusDocument} from './corpus.js'
import {writeCorpusUnlessUnchanged} from './corpus-unchanged.js'
import {diagnostic} from '../diagnostics.js'
import type {OutputStamps} from './file-stamps.js'
import type {ManifestEntry} from './manifest.js'
import type {OutputDocument} from './output-documents.js'

/** The corpus files of a run being written while its documents go through. */
export interface CorpusStream {
  /** The selected document at `index` is through (analysed, skipped, failed or not started). */
  through: (index: number) => void
  /** The other documents in the output folder (not this run's), once the outputs of gone inputs are deleted. */
  others: (documents: OutputDocument[]) => void
  /** The run failed: the corpus files are not replaced. */
  stop: () => void
  /** Lets everything still waiting go on (the end of the run, whatever happened). */
  release: () => void
  /** The corpus files written (or, in a check, that would change), or why they could not be: never rejects. */
  done: Promise<{changed: string[]} | {error: unknown}>
}

/**
 * Starts writing the corpus files of a run: each document goes in once it and every document before
 * it (by id) are through, so this thread's share overlaps the workers'. They describe every document
 * in the output folder: this run's (`selected`, sorted by id), merged in id order with the others
 * there. `verified` holds the sha256 of the `<id>.json` files this run hashed or wrote: their corpus
 * caches need no second look. Corpus files made from exactly the records this run verified are left
 * as they are (see `writeCorpusUnlessUnchanged`); what they are made from goes in `stamps.corpus`.
 */
export function streamCorpus(context: {
  out: string
  selected: ReadonlyArray<{id: string}>
  manifest: ReadonlyMap<string, ManifestEntry>
  verified: ReadonlyMap<string, string>
  stamps: OutputStamps
  check: boolean | undefined
  /** Whether the corpus page `index.html` is written too (the config's `outputs` names `html`). */
  page: boolean
  /** `pipelineVersion()`: recorded with what the corpus files are made from. */
  pipeline: string
  report: (file: string, diagnostic: DiagnosticRecord) => void
}): CorpusStream {
  const {out, selected, manifest, verified, stamps} = context
  const through = new ThroughFlags(selected.length)
  const others = settleable<OutputDocument[]>()
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
      await through.reached(index)
      if (corpusStop.signal.aborted) return
      yield describe(input.id)
    }
    while (next < rest.length) yield describe(rest[next++]!.id)
  }
  const corpus = writeCorpusUnlessUnchanged(out, corpusDocuments(), {
    previous: stamps.previousCorpus,
    hasContent: (name, sha256) => stamps.hasContent(name, sha256),
    vouches: (name, sha256) => stamps.vouches(name, sha256),
    dryRun: context.check,
    page: context.page,
    pipeline: context.pipeline,
    signal: corpusStop.signal,
    // In a check, a new document's JSON is not on disk yet; it is already listed as a change.
    ...(context.check
      ? {}
      : {
          onProblem: (path: string, message: string) => context.report(path, diagnostic('corpus-unreadable', message)),
          onStale: (path: string, message: string) => context.report(path, diagnostic('output-stale', message))
        })
  })
  return {
    through: (index) => through.set(index),
    others: (documents) => others.resolve(documents),
    stop: () => corpusStop.abort(),
    release: () => {
      others.resolve([])
      through.setAll()
    },
    // Settled here, awaited at the end: a failure is not unhandled meanwhile.
    done: corpus.then(
      ({changed, record}) => {
        stamps.corpus = record
        return {changed}
      },
      (error: unknown) => ({error})
    )
  }
}

/**
 * Which of a run's documents are through, one byte each (not a promise each: a run of 10,000
 * documents would keep 10,000 of them), and the one wait the corpus writer has on them at a time:
 * it waits for the documents in order.
 */
export class ThroughFlags {
  readonly #through: Uint8Array
  #waiting: {index: number; resolve: () => void} | undefined

  constructor(count: number) {
    this.#through = new Uint8Array(count)
  }

  /** Document `index` is through. */
  set(index: number): void {
    this.#through[index] = 1
    if (this.#waiting?.index === index) this.#wake()
  }

  /** Every document is through (the run is over, whatever happened). */
  setAll(): void {
    this.#through.fill(1)
    if (this.#waiting) this.#wake()
  }

  /** Resolves once document `index` is through; one wait at a time. */
  reached(index: number): Promise<void> | undefined {
    if (this.#through[index] === 1) return undefined
    return new Promise((resolve) => (this.#waiting = {index, resolve}))
  }

  #wake(): void {
    const {resolve} = this.#waiting!
    this.#waiting = undefined
    resolve()
  }
}

/** A promise and the function that resolves it (Promise.withResolvers is Node 22); later calls are no-ops. */
function settleable<T = void>(): {promise: Promise<T>; resolve: (value: T) => void} {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => (resolve = done))
  return {promise, resolve}
}
