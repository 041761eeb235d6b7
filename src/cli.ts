import {readFileSync} from 'node:fs'
import {relative} from 'node:path'
import {parseArgs} from 'node:util'
import {parseArgsErrorMessage, parseArgsOptions, unknownCommandMessage, usage} from './cli/usage.js'
import {DiagnosticCollector, type JsonReport} from './cli/reporter.js'
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
import {diagnostic, type Diagnostic} from './diagnostics.js'

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
  // A usage mistake is one line with the nearest known word, not the whole help.
  const usageError = (message: string): number => {
    stderr(`citeclaim: error ${printable(message)} [usage-invalid]`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({args: [...argv], allowPositionals: true, options: parseArgsOptions()})
  } catch (error) {
    return usageError(parseArgsErrorMessage((error as Error).message))
  }
  const {values, positionals} = parsed
  const flag = (name: string): boolean => values[name] === true
  const option = (name: string): string | undefined => (typeof values[name] === 'string' ? values[name] : undefined)
  const [command, ...paths] = positionals
  if (flag('help') || command === 'help') {
    stdout(usage())
    return 0
  }
  if (flag('version')) {
    stdout(version())
    return 0
  }
  if (command === undefined) {
    stderr(usage())
    return 2
  }
  if (command !== 'run' && command !== 'merge') return usageError(unknownCommandMessage(command))
  let shard: Shard | undefined
  let concurrency: number | undefined
  try {
    if (option('shard') !== undefined) shard = parseShard(option('shard')!)
    if (option('concurrency') !== undefined) {
      // Digits only: Number() would also take '' (as 0, one per core), ' 2', '0x10' and '1e1'.
      if (!/^\d+$/.test(option('concurrency')!)) throw new Error(`--concurrency expects a whole number ≥ 0, not "${option('concurrency')}"`)
      concurrency = Number(option('concurrency'))
    }
    if (command === 'merge' && paths.length === 0) throw new Error('merge needs the output folders of the shard runs')
    if (command === 'merge' && (shard || flag('force'))) throw new Error('--shard and --force are options of run, not merge')
    if (option('config') !== undefined && flag('no-config')) throw new Error('--config and --no-config exclude each other')
  } catch (error) {
    return usageError((error as Error).message)
  }

  const json = flag('json')
  const verbose = flag('verbose')
  const check = flag('check')
  const quiet = flag('quiet') || json
  const started = performance.now()
  const interactive = isInteractive(stream)
  // On a terminal the progress line is redrawn in place; otherwise every write is a whole line.
  const write = interactive ? (text: string) => void stream.write(text) : (text: string) => stderr(text.replace(/\n$/, ''))
  let progress: Progress = createProgress({total: 0, write, interactive, quiet, color: useColor(stream)})
  const collected = new DiagnosticCollector({infos: verbose || json})
  const collect = (file: string, diagnostic: Diagnostic): void => collected.add(file, diagnostic)
  // Printed once the run is through, sorted by file and position; infos only with --verbose.
  const printDiagnostics = (): void => {
    if (json) return
    for (const diagnostic of collected.sorted(verbose)) progress.log(formatDiagnostic(diagnostic.file, diagnostic))
  }
  const seconds = (): number => (performance.now() - started) / 1000
  const report = (fields: Omit<JsonReport, 'command' | 'diagnostics' | 'summary'> & {summary: Omit<JsonReport['summary'], 'errors' | 'warnings' | 'infos' | 'seconds'>}): void => {
    const {counts} = collected
    const summary = {...fields.summary, errors: counts.error, warnings: counts.warning, infos: counts.info, seconds: Number(seconds().toFixed(3))}
    stdout(JSON.stringify({command, ...fields, summary, diagnostics: collected.sorted()} satisfies JsonReport, null, 2))
  }
  const cwd = process.cwd()
  // Config paths come back absolute; shown relative to the working directory, as the user typed them.
  const fromCwd = (path: string): string => relative(cwd, path) || '.'
  const load = () => loadConfig(option('config'), cwd, {defaults: flag('no-config')})
  try {
    if (command === 'merge') {
      const out = option('out') ?? fromCwd((await load()).config.output)
      const result = await mergeOutputs({dirs: paths, out, check, onProblem: (file, message, code) => collect(file, diagnostic(code, message))})
      printDiagnostics()
      const exitCode = result.problems > 0 || (check && result.changed.length > 0) ? 1 : 0
      if (json) {
        report({exitCode, summary: {documents: result.documents, analysed: 0, skipped: 0, interrupted: false}, changed: result.changed, removed: []})
        return exitCode
      }
      if (check) for (const path of result.changed) stdout(`${printable(path)}: would change`)
      if (!quiet) progress.log(`citeclaim: merged ${result.documents} document${result.documents === 1 ? '' : 's'} from ${paths.length} folder${paths.length === 1 ? '' : 's'} into ${printable(out)} in ${seconds().toFixed(1)} s`)
      return exitCode
    }
    const {config, path: configPath} = await load()
    selectEmitters(config.outputs, configPath)
    const interruption = onInterrupt(() => {
      progress.clear()
      if (!json) stderr('citeclaim: interrupted again: quitting at once (every file written is complete)')
    })
    const result = await runBatch({
      signal: interruption.signal,
      paths: paths.length > 0 ? paths : [fromCwd(config.input)],
      config,
      out: option('out') ?? fromCwd(config.output),
      check,
      force: flag('force'),
      ...(shard ? {shard} : {}),
      ...(concurrency !== undefined ? {concurrency} : {}),
      onStart: (total) => {
        progress = createProgress({total, write, interactive, quiet, color: useColor(stream)})
      },
      onDocument: () => progress.tick(),
      onDiagnostic: collect
    }).finally(interruption.dispose)
    printDiagnostics()
    const exitCode = result.interrupted
      ? interruption.exitCode()
      : check && result.changed.length + result.removed.length > 0
        ? 1
        : result.errors > 0
          ? 1
          : 0
    if (json) {
      const {documents, analysed, skipped, interrupted} = result
      report({exitCode, summary: {documents, analysed, skipped, interrupted}, changed: result.changed, removed: result.removed})
      return exitCode
    }
    if (result.interrupted) {
      progress.clear()
      const done = result.analysed + result.skipped
      stderr(`citeclaim: interrupted: ${done} of ${result.documents} document${result.documents === 1 ? '' : 's'} done, their files complete and in the corpus files; run again to finish`)
      return exitCode
    }
    if (check) {
      progress.clear()
      for (const path of result.changed) stdout(`${printable(path)}: would change`)
      for (const path of result.removed) stdout(`${printable(path)}: would be removed`)
    }
    progress.done({documents: result.documents, skipped: result.skipped, warnings: result.warnings, errors: result.errors, infos: collected.counts.info, infosShown: verbose, seconds: seconds()})
    return exitCode
  } catch (error) {
    progress.clear()
    printDiagnostics()
    const failure = (file: string, found: Diagnostic): number => {
      if (json) {
        collect(file, found)
        report({exitCode: 2, summary: {documents: 0, analysed: 0, skipped: 0, interrupted: false}, changed: [], removed: []})
      } else stderr(formatDiagnostic(file, found))
      return 2
    }
    if (error instanceof ConfigError) {
      // A config error has no line: `file: error message [config-invalid]`, as the README shows.
      if (json) return failure(error.file ?? 'citeclaim', diagnostic('config-invalid', error.message))
      stderr(`${printable(error.file ?? 'citeclaim')}: error ${printable(error.message)} [config-invalid]`)
      return 2
    }
    if (error instanceof OutputFolderError || error instanceof RunRefusedError) return failure(error.path, diagnostic(error.code, error.message))
    // The message and stack may quote input (a path, a key): each line printed with its controls escaped.
    const stack = String((error as Error).stack ?? '').split('\n').map(printable).join('\n')
    stderr(`citeclaim: internal error: ${printable(String((error as Error).message))}${flag('debug') ? `\n${stack}` : ' (run with --debug for details)'}`)
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
