import {createRequire} from 'node:module'
import {totalmem} from 'node:os'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type Tinypool from 'tinypool'
import type {ResolvedConfig} from '../config/types.js'
import type {DocumentInput} from '../pipeline.js'
import type {TaskOptions, TaskResult} from './analyse-task.js'
import type {WorkerData} from './worker.js'

/** Analyses documents and writes their files, on worker threads or in this thread. */
export interface Analyser {
  /** How many documents it analyses at once. */
  readonly threads: number
  /** Worker threads started so far (none while documents are analysed in this thread). */
  readonly workersStarted: number
  /**
   * Settles once the workers are being started (their pool made: tinypool is loaded first), at once
   * for documents analysed in this thread; never rejects. Work for this thread waits on it, so that the
   * workers load the pipeline meanwhile.
   */
  readonly started: Promise<void>
  analyse(input: DocumentInput): Promise<TaskResult>
  close(): Promise<void>
}

/**
 * Heap limits of a worker. V8 grows a heap lazily, far beyond what one document keeps alive (an
 * unlimited worker sits at ~150 MB after a few hundred seed-sized documents, ~30 MB of it live), so
 * each worker would add that much RSS. These limits make it collect earlier. The young generation is
 * the trade-off: 24 MB cost ~15% more CPU in scavenges than 64 MB on 400 seed documents (2 workers),
 * 64 MB pushed peak RSS past 400 MB; 32 MB sits between.
 * A document too big for them (a 100× seed document needs ~400 MB) is retried in a worker of its own
 * with `bigWorkerLimits`.
 */
const workerLimits = {maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 192}

/**
 * Heap limits of the worker that retries a document too big for the pool: half the machine's memory
 * (a 50 MB input needs several GB). Never this thread: a heap that runs out here ends the process,
 * taking the whole run with it; in a worker it costs one document.
 */
const bigWorkerLimits = {maxOldGenerationSizeMb: Math.max(512, Math.floor(totalmem() / 2 ** 21))}

/**
 * Inputs at least this big are analysed in a worker of their own even when the run analyses in this
 * thread: they may need more memory than the main thread can give without dying.
 */
const bigInputBytes = 8 * 2 ** 20

/** A document that ran out of memory even in a worker of its own. */
export class DocumentTooLargeError extends Error {
  readonly code = 'document-too-large'
  constructor(heapMb: number) {
    super(`document too large to analyse: it needs more than ${heapMb} MB of memory; split it into smaller files`)
    this.name = 'DocumentTooLargeError'
  }
}

/**
 * In a run that can be stopped, documents at least this big go to a worker even one at a time.
 * While a document is analysed in this thread no signal handler runs; below this size that lasts a
 * few tens of milliseconds (a second or two for Markdown dense with emphasis markers, which
 * `markdown-too-complex` bounds), so Ctrl-C still answers at once for a person, and a run of small
 * documents pays no worker start-up.
 */
const stoppableInThreadBytes = 64 * 1024

/** How `createAnalyser` runs a single thread's documents. */
export interface AnalyserOptions {
  /**
   * Analyse in this thread instead of one worker, when `threads` is 1. Saves a worker's start-up
   * (see `workerStartMs` in worker-count.ts), but nothing can stop a document analysed here: while it runs, this
   * thread runs no signal handler and no abort listener.
   */
  inThisThread?: boolean
  /**
   * The run can be stopped (SIGINT): with `inThisThread`, only documents under 64 KB are analysed
   * here; bigger ones go to one worker thread, which closing the analyser terminates.
   */
  stoppable?: boolean
}

/**
 * An analyser for `threads` documents at a time: a tinypool of that many worker threads (closing the
 * pool terminates them, which stops a document mid-way), or, with `inThisThread` and one thread,
 * plain calls in this thread (with `stoppable`, for documents under 64 KB only). The analysis
 * modules are loaded only where analysis runs.
 */
export function createAnalyser(config: ResolvedConfig, threads: number, task: TaskOptions, options: AnalyserOptions = {}): Analyser {
  // Imported once, by the first document: the documents in flight share the one import.
  let taskModule: Promise<typeof import('./analyse-task.js')> | undefined
  const inThisThread = async (input: DocumentInput): Promise<TaskResult> => {
    const module = await (taskModule ??= import('./analyse-task.js'))
    await module.prepareTask(input, config)
    return module.analyseAndWrite(input, config, task)
  }
  const workerData: WorkerData = {config, task}
  const started = {workers: 0}
  // Workers of big documents in progress, so that closing the analyser (SIGINT) stops them too.
  const bigPools = new Set<Promise<Tinypool>>()
  const inBigWorker = (input: DocumentInput): Promise<TaskResult> => {
    started.workers++
    return analyseInOwnWorker(input, workerData, bigPools)
  }
  const closeBigPools = async (): Promise<void> => {
    await Promise.all([...bigPools].map(async (pool) => (await pool).destroy()))
  }
  if (threads <= 1 && options.inThisThread) {
    // Started by the first document too big to analyse here in a run that can be stopped.
    let stoppable: Analyser | undefined
    const inStoppableWorker = (input: DocumentInput): Promise<TaskResult> => (stoppable ??= inWorkers(1, workerData, inBigWorker, closeBigPools, started)).analyse(input)
    return {
      threads: 1,
      get workersStarted() {
        return started.workers
      },
      started: Promise.resolve(),
      analyse: (input) => {
        if (input.bytes.length >= bigInputBytes) return inBigWorker(input)
        if (options.stoppable && input.bytes.length >= stoppableInThreadBytes) return inStoppableWorker(input)
        return inThisThread(input)
      },
      close: () => (stoppable ? stoppable.close() : closeBigPools())
    }
  }
  return inWorkers(threads, workerData, inBigWorker, closeBigPools, started)
}

/** An analyser over a tinypool of `threads` workers; a document that runs out of memory there gets a worker of its own. */
function inWorkers(threads: number, workerData: WorkerData, inBigWorker: (input: DocumentInput) => Promise<TaskResult>, closeBigPools: () => Promise<void>, started: {workers: number}): Analyser {
  const pool = startPool({filename: workerFile(), minThreads: threads, maxThreads: threads, workerData, resourceLimits: workerLimits})
  started.workers += threads
  // A run stopped by SIGINT closes the pool early, and again when it ends.
  let closed: Promise<void> | undefined
  return {
    threads,
    get workersStarted() {
      return started.workers
    },
    // A pool that fails to start rejects each analysis with why; this only says when to go on.
    started: pool.then(
      () => undefined,
      () => undefined
    ),
    analyse: async (input) => {
      try {
        return (await (await pool).run(input)) as TaskResult
      } catch (error) {
        if (!isOutOfMemory(error)) throw error
        return inBigWorker(input)
      }
    },
    close: () => (closed ??= Promise.all([pool.then((started) => started.destroy()), closeBigPools()]).then(() => {}))
  }
}

/**
 * A tinypool, its module loaded on first use: a run that analyses in this thread (one document, or
 * nothing changed) does not load it.
 */
async function startPool(options: ConstructorParameters<typeof Tinypool>[0]): Promise<Tinypool> {
  const {default: Pool} = await import('tinypool')
  return new Pool(options)
}

function isOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
}

/** Analyses one document in a worker started for it with `bigWorkerLimits`, stopped afterwards. */
async function analyseInOwnWorker(input: DocumentInput, workerData: WorkerData, active: Set<Promise<Tinypool>>): Promise<TaskResult> {
  // In the set before it exists: closing the analyser while tinypool loads still stops it.
  const starting = startPool({filename: workerFile(), minThreads: 1, maxThreads: 1, workerData, resourceLimits: bigWorkerLimits})
  active.add(starting)
  const pool = await starting
  try {
    return (await pool.run(input)) as TaskResult
  } catch (error) {
    if (isOutOfMemory(error)) throw new DocumentTooLargeError(bigWorkerLimits.maxOldGenerationSizeMb)
    throw error
  } finally {
    active.delete(starting)
    await pool.destroy()
  }
}

/**
 * The worker module. Built, it is `worker.js` beside this file. Run from source (tests, `tsx`), it is
 * `worker.ts`, which a worker thread on Node 20 cannot load by itself (loader hooks are not inherited),
 * so a small bootstrap registers tsx in the worker first.
 */
function workerFile(): string {
  const url = new URL('./worker.js', import.meta.url)
  if (!import.meta.url.endsWith('.ts')) return url.href
  const require = createRequire(import.meta.url)
  const tsxRoot = dirname(require.resolve('tsx/package.json'))
  const api = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href
  const target = new URL('./worker.ts', import.meta.url).href
  const bootstrap = `import {register} from ${JSON.stringify(api)}\nregister()\nconst worker = await import(${JSON.stringify(target)})\nexport default worker.default\n`
  return 'data:text/javascript,' + encodeURIComponent(bootstrap)
}
