import {createHash} from 'node:crypto'
import type {ResolvedConfig} from '../config/types.js'
import {analyseDocument, type DocumentInput, type DocumentOutput} from './analyse-document.js'

/** A document's output with the sha256 of each file's content, in `output.files` order. */
export interface AnalysedDocument {
  output: DocumentOutput
  sha256: string[]
}

/**
 * What one pool task does: analyse, then hash each output file here, in the worker, so the main
 * thread only compares and writes.
 */
export function analyseAndHash(input: DocumentInput, config: ResolvedConfig): AnalysedDocument {
  const output = analyseDocument(input, config)
  return {output, sha256: output.files.map((file) => createHash('sha256').update(file.content).digest('hex'))}
}
