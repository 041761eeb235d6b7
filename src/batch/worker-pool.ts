import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import Tinypool from 'tinypool'
import type {ResolvedConfig} from '../config/types.js'
import type {DocumentInput} from './analyse-document.js'
import type {AnalysedDocument} from './analyse-task.js'
import type {WorkerData} from './worker.js'

/** Analyses documents, on worker threads or in this thread. */
export interface Analyser {
  /** How many documents it analyses at once. */
  readonly threads: number
  analyse(input: DocumentInput): Promise<AnalysedDocument>
  close(): Promise<void>
}

/**
 * Heap limits of a worker. V8 grows a heap lazily, far beyond what one document keeps alive (an
 * unlimited worker sits at ~150 MB after a few hundred seed-sized documents, ~30 MB of it live), so
 * each worker would add that much RSS. These limits make it collect earlier at no measurable cost.
 * A document too big for them (a 100× seed document needs ~400 MB) is retried in this thread.
 */
const workerLimits = {maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 192}

/**
 * An analyser for `threads` documents at a time: a tinypool of that many worker threads, or, for one
 * thread, plain calls in this thread (a pool's start-up, about a tenth of a second per worker, would
 * cost more than a small run). The analysis modules are loaded only where analysis runs.
 */
export function createAnalyser(config: ResolvedConfig, threads: number): Analyser {
  const inThisThread = async (input: DocumentInput): Promise<AnalysedDocument> => (await import('./analyse-task.js')).analyseAndHash(input, config)
  if (threads <= 1) return {threads: 1, analyse: inThisThread, close: async () => {}}
  const workerData: WorkerData = {config}
  const pool = new Tinypool({filename: workerFile(), minThreads: threads, maxThreads: threads, workerData, resourceLimits: workerLimits})
  return {
    threads,
    analyse: async (input) => {
      try {
        return (await pool.run(input)) as AnalysedDocument
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error
        return inThisThread(input)
      }
    },
    close: () => pool.destroy()
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
