import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import Tinypool from 'tinypool'
import type {ResolvedConfig} from '../config/types.js'
import type {DocumentInput} from './analyse-document.js'
import {analyseAndHash, type AnalysedDocument} from './analyse-task.js'
import type {WorkerData} from './worker.js'

/** Analyses documents, on worker threads or in this thread. */
export interface Analyser {
  /** How many documents it analyses at once. */
  readonly threads: number
  analyse(input: DocumentInput): Promise<AnalysedDocument>
  close(): Promise<void>
}

/**
 * An analyser for `threads` documents at a time: a tinypool of that many worker threads, or, for one
 * thread, plain calls in this thread (a pool's start-up, about a tenth of a second per worker, would
 * cost more than a small run).
 */
export function createAnalyser(config: ResolvedConfig, threads: number): Analyser {
  if (threads <= 1) {
    return {
      threads: 1,
      analyse: async (input) => analyseAndHash(input, config),
      close: async () => {}
    }
  }
  const workerData: WorkerData = {config}
  const pool = new Tinypool({filename: workerFile(), minThreads: threads, maxThreads: threads, workerData})
  return {
    threads,
    analyse: (input) => pool.run(input) as Promise<AnalysedDocument>,
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
