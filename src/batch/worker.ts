import Tinypool from 'tinypool'
import type {ResolvedConfig} from '../config/types.js'
import type {DocumentInput} from './analyse-document.js'
import {analyseAndHash, type AnalysedDocument} from './analyse-task.js'

/** What every worker gets once, at start-up. */
export interface WorkerData {
  config: ResolvedConfig
}

// The resolved config arrives once per worker (a structured clone of plain data), not with each task;
// the processor built from it is cached by analyseDocument for the worker's lifetime.
const {config} = Tinypool.workerData as WorkerData

/** A pool task: analyse one document. */
export default function analyseInWorker(input: DocumentInput): AnalysedDocument {
  return analyseAndHash(input, config)
}
