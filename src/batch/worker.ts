import Tinypool from 'tinypool'
import type {ResolvedConfig} from '../config/types.js'
import type {DocumentInput} from '../pipeline.js'
import {analyseAndWrite, prepareTask, type TaskOptions, type TaskResult} from './analyse-task.js'

/** What every worker gets once, at start-up. */
export interface WorkerData {
  config: ResolvedConfig
  task: TaskOptions
}

// The resolved config arrives once per worker (a structured clone of plain data), not with each task;
// the processor built from it is cached by analyseDocument for the worker's lifetime.
const {config, task} = Tinypool.workerData as WorkerData

/**
 * A pool task: analyse one document and write its files. The first document of a format, in each
 * worker, loads what it needs (the Markdown parser; the HTML page code when the outputs name html).
 */
export default async function analyseInWorker(input: DocumentInput): Promise<TaskResult> {
  await prepareTask(input, config)
  return analyseAndWrite(input, config, task)
}
