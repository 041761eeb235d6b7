import Tinypool from 'tinypool'
import type {ResolvedConfig} from '../config/types.js'
import {prepareEmitters} from '../emit/emitters.js'
import type {DocumentInput} from '../pipeline.js'
import {analyseAndWrite, type TaskOptions, type TaskResult} from './analyse-task.js'

/** What every worker gets once, at start-up. */
export interface WorkerData {
  config: ResolvedConfig
  task: TaskOptions
}

// The resolved config arrives once per worker (a structured clone of plain data), not with each task;
// the processor built from it is cached by analyseDocument for the worker's lifetime.
const {config, task} = Tinypool.workerData as WorkerData
// What the config's outputs need (the HTML modules only when it names `html`), once, before the first task.
await prepareEmitters(config.outputs)

/** A pool task: analyse one document and write its files. */
export default function analyseInWorker(input: DocumentInput): TaskResult {
  return analyseAndWrite(input, config, task)
}
