import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import type {ResolvedConfig} from '../../src/config/types.js'
import type {DiagnosticRecord} from '../../src/emit/document.js'
import {runBatch, type RunResult} from '../../src/batch/run-batch.js'
import {formatDiagnostic} from '../../src/batch/report.js'
import {shippedConfig} from '../helpers/analyse.js'
import {repo} from './private-cli.js'

/** A run in process (one thread, no workers) over `paths` in `cwd`: its result and the diagnostic lines the CLI would print. */
export async function runIn(cwd: string, paths: string[], config: ResolvedConfig = shippedConfig): Promise<{result: RunResult; lines: string[]; diagnostics: Array<{file: string} & DiagnosticRecord>}> {
  const lines: string[] = []
  const diagnostics: Array<{file: string} & DiagnosticRecord> = []
  const result = await runBatch({
    paths,
    config,
    out: join(cwd, 'out'),
    cwd,
    concurrency: 1,
    onDiagnostic: (file, diagnostic) => {
      diagnostics.push({file, ...diagnostic})
      lines.push(formatDiagnostic(file, diagnostic))
    }
  })
  return {result, lines, diagnostics}
}

/** The shipped config with `bibliography.files` set. */
export function withBibliographyFiles(files: Record<string, string>): ResolvedConfig {
  return {...shippedConfig, bibliography: {...shippedConfig.bibliography, files}}
}

/**
 * Runs this tree's built CLI (bin/citeclaim.js; the test run's global setup has built dist/ from the
 * current sources before any test file runs) in a child process, killed after `timeoutMs`: a case
 * that would hang (a FIFO read, an endless device) fails with `status: null` instead of hanging the
 * suite. The timeout is a bound only a hang can break: the run itself takes a second or two. The
 * shipped config unless `args` name one.
 */
export function runBuiltCli(cwd: string, args: string[], timeoutMs = 90_000): {status: number | null; stderr: string; stdout: string} {
  const result = spawnSync(process.execPath, [join(repo, 'bin/citeclaim.js'), ...args, ...(args.includes('--config') ? [] : ['--config', join(repo, 'pipeline.config.ts')])], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL'
  })
  return {status: result.status, stderr: result.stderr ?? '', stdout: result.stdout ?? ''}
}
