import {readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {parseArgs} from 'node:util'
import {loadConfig} from './config/load-config.js'
import {ConfigError} from './config/resolve-config.js'
import {formatDiagnostic} from './batch/report.js'
import {runBatch} from './batch/run-batch.js'

const usage = `Usage: citeclaim run [PATH...] [options]

Turns review articles (.txt extracted from PDF, or .md) into citation-aware claim datasets:
<out>/<id>.json and <out>/<id>.md for each document.

Options:
  --config FILE   config file (default: pipeline.config.ts in the working directory)
  --out DIR       output folder (default: the config's output)
  --check         write nothing; exit 1 and list the files that would change
  --debug         print stack traces of internal errors
  -h, --help      show this help
  -v, --version   show the version

Exit codes: 0 all good; 1 a document had an error or --check found changes; 2 bad usage or config.`

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[], stderr: (line: string) => void = (line) => process.stderr.write(line + '\n'), stdout: (line: string) => void = (line) => process.stdout.write(line + '\n')): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        config: {type: 'string'},
        out: {type: 'string'},
        check: {type: 'boolean', default: false},
        debug: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    })
  } catch (error) {
    stderr(`citeclaim: ${(error as Error).message}\n\n${usage}`)
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
  if (command !== 'run') {
    stderr(command ? `citeclaim: unknown command "${command}"\n\n${usage}` : usage)
    return 2
  }
  try {
    const {config} = await loadConfig(values.config)
    const result = await runBatch({
      paths: paths.length > 0 ? paths : [config.input],
      config,
      out: values.out ?? config.output,
      check: values.check,
      concurrency: config.concurrency === 0 ? availableParallelism() : config.concurrency,
      onDiagnostic: (file, diagnostic) => stderr(formatDiagnostic(file, diagnostic))
    })
    if (values.check) {
      for (const path of result.changed) stderr(`${path}: would change`)
      if (result.changed.length > 0) return 1
    }
    return result.errors > 0 ? 1 : 0
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr(`${error.file ?? 'config'}: error ${error.message} [config-invalid]`)
      return 2
    }
    stderr(`citeclaim: internal error: ${(error as Error).message}${values.debug ? `\n${(error as Error).stack}` : ' (run with --debug for details)'}`)
    return 2
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}
