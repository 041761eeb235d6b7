/**
 * What two threads give on this machine to work like citeclaim's, whatever citeclaim does: the same
 * remark-parse + remark-stringify passes (the floorRatio workload) in one worker thread alone, then in
 * two at once, each warmed up first. `ceiling` is 2 × one thread's time over the two threads' time: 2
 * on two free cores, less when the cores share caches, memory bandwidth or a physical core, or when
 * other processes run. workerSpeedup is read against it: the pool cannot beat the machine.
 */
import {Worker} from 'node:worker_threads'
import {median, round} from './stats.js'

export interface ParallelCeiling {
  /** Milliseconds one thread takes for the passes, alone; per repetition. */
  oneThreadMs: number[]
  /** Milliseconds two threads take, each doing the same passes, at once; per repetition. */
  twoThreadsMs: number[]
  /** 2 × median(oneThreadMs) / median(twoThreadsMs). */
  ceiling: number
}

const threadScript = new URL('./floor-thread.mjs', import.meta.url)

/** Runs `threads` warmed-up threads, starts them together, and resolves with the wall time until the last is done. */
async function timedThreads(threads: number, texts: readonly string[], passes: number): Promise<number> {
  const workers = Array.from({length: threads}, () => new Worker(threadScript, {workerData: {texts, passes}}))
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      worker.once('error', reject)
      worker.once('message', () => resolve())
    })))
    const start = performance.now()
    await Promise.all(workers.map((worker) => new Promise<void>((resolve) => {
      worker.once('message', () => resolve())
      worker.postMessage('go')
    })))
    return performance.now() - start
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}

/** Measures the ceiling on `texts` (cleaned document texts), `passes` passes per thread, `reps` alternating repetitions. */
export async function measureParallelCeiling(texts: readonly string[], passes: number, reps: number): Promise<ParallelCeiling> {
  const oneThreadMs: number[] = []
  const twoThreadsMs: number[] = []
  for (let i = 0; i < reps; i++) {
    oneThreadMs.push(await timedThreads(1, texts, passes))
    twoThreadsMs.push(await timedThreads(2, texts, passes))
  }
  return {oneThreadMs: oneThreadMs.map((ms) => round(ms)), twoThreadsMs: twoThreadsMs.map((ms) => round(ms)), ceiling: round((2 * median(oneThreadMs)) / median(twoThreadsMs))}
}
