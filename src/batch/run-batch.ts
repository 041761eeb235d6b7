import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import pMap from 'p-map'
import type {ResolvedConfig} from '../config/types.js'
import type {DiagnosticRecord} from '../emit/document.js'
import {analyseDocument, type DocumentOutput} from './analyse-document.js'
import {writeFileAtomic} from './atomic-write.js'
import {discoverInputs, type DiscoveredInput} from './discover-inputs.js'

export interface RunOptions {
  /** Files or folders to read (default: the config's input folder). */
  paths: readonly string[]
  config: ResolvedConfig
  /** Output folder (default: the config's output folder). */
  out: string
  /** Write nothing; report the files that would change. */
  check?: boolean
  /** How many documents are analysed at once (default: the config's, 0 = number of cores). */
  concurrency?: number
  /** Called with each diagnostic line as it is found (the CLI prints them to stderr). */
  onDiagnostic?: (file: string, diagnostic: DiagnosticRecord) => void
}

export interface RunResult {
  documents: number
  /** Output files written (or, with `check`, that would be written differently). */
  changed: string[]
  errors: number
  warnings: number
}

/**
 * Runs the pipeline over every document under `paths` and writes `<out>/<id>.json` and `<out>/<id>.md`
 * atomically. A document that fails is reported and the others still go through.
 */
export async function runBatch(options: RunOptions): Promise<RunResult> {
  const {config} = options
  const {inputs, problems} = await discoverInputs(options.paths, config.bibliography.files)
  const result: RunResult = {documents: inputs.length, changed: [], errors: 0, warnings: 0}
  const report = (file: string, diagnostic: DiagnosticRecord): void => {
    if (diagnostic.severity === 'error') result.errors++
    else if (diagnostic.severity === 'warning') result.warnings++
    options.onDiagnostic?.(file, diagnostic)
  }
  for (const problem of problems) report(problem.path, {severity: 'error', code: problem.code, message: problem.message, start: null})

  const concurrency = Math.max(1, options.concurrency ?? config.concurrency) || 1
  await pMap(
    inputs,
    async (input) => {
      const output = await analyseFile(input, config)
      for (const diagnostic of output.bibliographyDiagnostics) report(input.bibliographyPath ?? input.source, diagnostic)
      for (const diagnostic of output.diagnostics) report(input.source, diagnostic)
      await emit(output, options, result)
    },
    {concurrency}
  )
  result.changed.sort()
  return result
}

async function analyseFile(input: DiscoveredInput, config: ResolvedConfig): Promise<DocumentOutput> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(input.path)
  } catch (error) {
    return unreadable(input, input.source, error as NodeJS.ErrnoException)
  }
  let bibliography: {source: string; bytes: Uint8Array} | undefined
  if (input.bibliographyPath) {
    try {
      bibliography = {source: input.bibliographyPath, bytes: await readFile(input.bibliographyPath)}
    } catch (error) {
      const output = analyseDocument({id: input.id, source: input.source, bytes}, config)
      output.bibliographyDiagnostics.push({severity: 'error', code: 'bibliography-unreadable', message: `cannot read bibliography ${input.bibliographyPath}: ${(error as NodeJS.ErrnoException).code ?? ''}`, start: null})
      return output
    }
  }
  return analyseDocument({id: input.id, source: input.source, bytes, ...(bibliography ? {bibliography} : {})}, config)
}

function unreadable(input: DiscoveredInput, path: string, error: NodeJS.ErrnoException): DocumentOutput {
  return {
    id: input.id,
    source: input.source,
    files: [],
    diagnostics: [{severity: 'error', code: 'input-unreadable', message: `cannot read ${path}: ${error.code ?? error.message}`, start: null}],
    bibliographyDiagnostics: []
  }
}

async function emit(output: DocumentOutput, options: RunOptions, result: RunResult): Promise<void> {
  for (const {suffix, content} of output.files) {
    const path = join(options.out, output.id + suffix)
    const current = await readFile(path, 'utf8').catch(() => undefined)
    if (current === content) continue
    result.changed.push(path)
    if (!options.check) await writeFileAtomic(path, content)
  }
}
