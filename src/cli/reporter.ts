import type {Diagnostic, Severity} from '../diagnostics.js'

/** A diagnostic with the file it is about, as the CLI reports it. */
export interface FileDiagnostic extends Diagnostic {
  file: string
}

/**
 * Order of diagnostics on output: by file, then position (whole-file ones first), then code and
 * message. Documents finish in any order on a pool of workers; the report must not.
 */
export function compareDiagnostics(a: FileDiagnostic, b: FileDiagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    (a.start?.line ?? 0) - (b.start?.line ?? 0) ||
    (a.start?.column ?? 0) - (b.start?.column ?? 0) ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  )
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Collects a run's diagnostics as they come, to report them sorted at the end. */
export class DiagnosticCollector {
  readonly #all: FileDiagnostic[] = []
  readonly #infos: boolean
  readonly counts: Record<Severity, number> = {error: 0, warning: 0, info: 0}

  /**
   * @param options.infos Keep `info` diagnostics (`--verbose`, `--json`). Otherwise they are only
   *   counted: a corpus with bibliographies has dozens per document (`reference-uncited`), and
   *   keeping what is never printed made the main thread grow with the corpus.
   */
  constructor(options: {infos?: boolean} = {}) {
    this.#infos = options.infos ?? true
  }

  add(file: string, diagnostic: Diagnostic): void {
    this.counts[diagnostic.severity]++
    if (diagnostic.severity === 'info' && !this.#infos) return
    this.#all.push({file, ...diagnostic})
  }

  /** Every diagnostic, sorted; `info` ones only with `verbose`. */
  sorted(verbose = true): FileDiagnostic[] {
    return this.#all.filter((diagnostic) => verbose || diagnostic.severity !== 'info').sort(compareDiagnostics)
  }
}

/** What `--json` prints: one object, the same for `run` and `merge`. */
export interface JsonReport {
  command: 'run' | 'merge'
  exitCode: number
  summary: {documents: number; analysed: number; skipped: number; errors: number; warnings: number; infos: number; seconds: number; interrupted: boolean}
  /** Output files written, or with `--check`, that would change. */
  changed: string[]
  /** Output files of removed inputs deleted, or with `--check`, that would be. */
  removed: string[]
  /** Every diagnostic, infos included, sorted by file and position. */
  diagnostics: FileDiagnostic[]
}
