import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {loadConfig} from './config/load-config.js'
import {ConfigError} from './config/resolve-config.js'
import {selectEmitters} from './emit/emitters.js'
import {mergeOutputs} from './batch/merge-outputs.js'
import {createProgress, isInteractive, useColor, type Progress} from './batch/progress.js'
import {RunRefusedError} from './batch/input-output-overlap.js'
import {OutputFolderError} from './batch/output-folder.js'
import {printable} from './batch/printable.js'
import {formatDiagnostic} from './batch/report.js'
import {runBatch} from './batch/run-batch.js'
import {parseShard, type Shard} from './batch/shard.js'

const usage = `Usage: citeclaim run [PATH...] [options]
       citeclaim merge DIR... [--out DIR] [--check]

Turns review articles (.txt extracted from PDF, or .md) into citation-aware claim datasets:
<out>/<id>.json and <out>/<id>.md for each document, and the corpus files <out>/index.json and
<out>/claims.jsonl. Documents whose input, bibliography, config and citeclaim are unchanged since the
last run are skipped. \`merge\` combines the output folders of shard runs into one.

Options:
  --config FILE       config file (default: pipeline.config.ts in the working directory)
  --out DIR           output folder (default: the config's output)
  --check             write nothing; exit 1 and list the files that would change
  --force             analyse every document, even unchanged ones
  --shard I/N         process only share I of N (stable by document id); combine shards with merge
  --concurrency N     documents analysed at once (default: the config's; 0 = one per core)
  --quiet             no progress and no summary (diagnostics are still printed)
  --debug             print stack traces of internal errors
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 all good; 1 a document had an error, a file could not be written or --check found
changes; 2 bad usage or config, a path that does not exist or overlaps --out (nothing is written);
130 interrupted (Ctrl-C: the documents in progress are finished or dropped; Ctrl-C again quits at once);
143 and 129: the same for SIGTERM and SIGHUP.`

/** Where progress goes: stderr, a terminal or not. */
export interface ProgressStream {
  isTTY?: boolean
  write(text: string): unknown
}

/** Runs the command line; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  stderr: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  stdout: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  stream: ProgressStream = process.stderr
): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        config: {type: 'string'},
        out: {type: 'string'},
        check: {type: 'boolean', default: false},
        force: {type: 'boolean', default: false},
        shard: {type: 'string'},
        concurrency: {type: 'string', short: 'j'},
        quiet: {type: 'boolean', short: 'q', default: false},
        debug: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    })
  } catch (error) {
    stderr(`citeclaim: ${printable((error as Error).message)}\n\n${usage}`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    stdout(usage)
    return 0
  }
  if (values.version) {
    stdout(version())
    return 0
  }
  const [command, ...paths] = positionals
  if (command !== 'run' && command !== 'merge') {
    stderr(command ? `citeclaim: unknown command "${printable(command)}"\n\n${usage}` : usage)
    return 2
  }
  let shard: Shard | undefined
  let concurrency: number | undefined
  try {
    if (values.shard !== undefined) shard = parseShard(values.shard)
    if (values.concurrency !== undefined) {
      concurrency = Number(values.concurrency)
      if (!Number.isInteger(concurrency) || concurrency < 0) throw new Error(`--concurrency expects a whole number ≥ 0, not "${values.concurrency}"`)
    }
    if (command === 'merge' && paths.length === 0) throw new Error('merge needs the output folders of the shard runs')
    if (command === 'merge' && (shard || values.force)) throw new Error('--shard and --force are options of run, not merge')
  } catch (error) {
    stderr(`citeclaim: ${printable((error as Error).message)}\n\n${usage}`)
    return 2
  }

  const started = performance.now()
  const interactive = isInteractive(stream)
  // On a terminal the progress line is redrawn in place; otherwise every write is a whole line.
  const write = interactive ? (text: string) => void stream.write(text) : (text: string) => stderr(text.replace(/\n$/, ''))
  let progress: Progress = createProgress({total: 0, write, interactive, quiet: values.quiet, color: useColor(stream)})
  const print = (line: string): void => progress.log(line)
  try {
    if (command === 'merge') {
      const out = values.out ?? (await loadConfig(values.config)).config.output
      const result = await mergeOutputs({dirs: paths, out, check: values.check, onProblem: (file, message, code) => print(formatDiagnostic(file, {severity: 'error', code, message, start: null}))})
      if (values.check) for (const path of result.changed) print(`${printable(path)}: would change`)
      if (!values.quiet) print(`citeclaim: merged ${result.documents} document${result.documents === 1 ? '' : 's'} from ${paths.length} folder${paths.length === 1 ? '' : 's'} into ${printable(out)} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      return result.problems > 0 || (values.check && result.changed.length > 0) ? 1 : 0
    }
    const {config, path: configPath} = await loadConfig(values.config)
    selectEmitters(config.outputs, configPath)
    const interruption = onInterrupt(() => {
      progress.clear()
      stderr('citeclaim: interrupted again: quitting at once (every file written is complete)')
    })
    const result = await runBatch({
      signal: interruption.signal,
      paths: paths.length > 0 ? paths : [config.input],
      config,
      out: values.out ?? config.output,
      check: values.check,
      force: values.force,
      ...(shard ? {shard} : {}),
      ...(concurrency !== undefined ? {concurrency} : {}),
      onStart: (total) => {
        progress = createProgress({total, write, interactive, quiet: values.quiet, color: useColor(stream)})
      },
      onDocument: () => progress.tick(),
      onDiagnostic: (file, diagnostic) => print(formatDiagnostic(file, diagnostic))
    }).finally(interruption.dispose)
    if (result.interrupted) {
      progress.clear()
      const done = result.analysed + result.skipped
      stderr(`citeclaim: interrupted: ${done} of ${result.documents} document${result.documents === 1 ? '' : 's'} done, their files complete and in the corpus files; run again to finish`)
      return interruption.exitCode()
    }
    if (values.check) {
      for (const path of result.changed) print(`${printable(path)}: would change`)
      for (const path of result.removed) print(`${printable(path)}: would be removed`)
    }
    progress.done({documents: result.documents, skipped: result.skipped, warnings: result.warnings, errors: result.errors, seconds: (performance.now() - started) / 1000})
    if (values.check && result.changed.length + result.removed.length > 0) return 1
    return result.errors > 0 ? 1 : 0
  } catch (error) {
    progress.clear()
    if (error instanceof ConfigError) {
      stderr(`${printable(error.file ?? 'config')}: error ${printable(error.message)} [config-invalid]`)
      return 2
    }
    if (error instanceof OutputFolderError || error instanceof RunRefusedError) {
      stderr(formatDiagnostic(error.path, {severity: 'error', code: error.code, message: error.message, start: null}))
      return 2
    }
    // The message and stack may quote input (a path, a key): each line printed with its controls escaped.
    const stack = String((error as Error).stack ?? '').split('\n').map(printable).join('\n')
    stderr(`citeclaim: internal error: ${printable(String((error as Error).message))}${values.debug ? `\n${stack}` : ' (run with --debug for details)'}`)
    return 2
  }
}

/**
 * Signals that stop a run the way Ctrl-C does: SIGINT from the terminal, SIGTERM from `kill`,
 * `docker stop`, systemd or a CI runner cancelling a job, SIGHUP when the terminal goes away. Each
 * exits with the shell's convention for a process stopped by it: 128 + its number.
 */
const stopSignals: ReadonlyArray<[NodeJS.Signals, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129]
]

/**
 * Turns the first stop signal into an abort signal, so the run can stop cleanly (documents in
 * progress finished or dropped, the corpus files written over the folder's documents, no temp file
 * left); a second one exits at once (atomic writes leave no partial files, only temp files the next
 * run removes). `exitCode` is 128 + the first signal's number; `dispose` gives the signals back to
 * their defaults.
 */
function onInterrupt(beforeExit: () => void): {signal: AbortSignal; exitCode: () => number; dispose: () => void} {
  const controller = new AbortController()
  let code = 130
  const handlers = stopSignals.map(([name, exitCode]): [NodeJS.Signals, () => void] => [
    name,
    () => {
      if (!controller.signal.aborted) {
        code = exitCode
        controller.abort()
        return
      }
      beforeExit()
      process.exit(code)
    }
  ])
  for (const [name, handler] of handlers) process.on(name, handler)
  return {signal: controller.signal, exitCode: () => code, dispose: () => handlers.forEach(([name, handler]) => void process.off(name, handler))}
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}
