/** Counts for the summary line at the end of a run. */
export interface RunSummary {
  documents: number
  skipped: number
  warnings: number
  errors: number
  /** Info diagnostics, counted even when not printed. */
  infos?: number
  /** Whether the infos were printed (`--verbose`); the summary says how to see them otherwise. */
  infosShown?: boolean
  seconds: number
}

/** Shows how a run goes: a redrawn line on a terminal, one summary line otherwise. */
export interface Progress {
  /** One more document finished (analysed or skipped). */
  tick(): void
  /** Prints a line (a diagnostic) without garbling the progress line. */
  log(line: string): void
  /** Clears the progress line and prints the summary. */
  done(summary: RunSummary): void
  /** Clears the progress line (a run that ended in an internal error has no summary). */
  clear(): void
}

export interface ProgressOptions {
  total: number
  write: (text: string) => void
  /** A terminal that can redraw a line: stderr is a TTY and not in CI. */
  interactive: boolean
  /** Print no progress and no summary (diagnostics still go through `log`). */
  quiet?: boolean
  color?: boolean
  /** Clock in milliseconds (tests pass a fake one). */
  now?: () => number
}

// Redrawing more often than this only costs terminal time.
const redrawEveryMs = 100

/** Decides from the environment whether a progress line can be animated on this stream. */
export function isInteractive(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== '0' && env['CI'].toLowerCase() !== 'false'
  return Boolean(stream.isTTY) && !ci && env['TERM'] !== 'dumb'
}

/** Whether ANSI colours are welcome (https://no-color.org). */
export function useColor(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '') && env['TERM'] !== 'dumb'
}

/** Creates the progress display for a run of `total` documents. */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now())
  const started = now()
  const animate = options.interactive && !options.quiet
  let done = 0
  let shown = false
  let lastDraw = -Infinity
  const paint = (code: string, text: string): string => (options.color ? `\u001B[${code}m${text}\u001B[0m` : text)
  const clear = (): void => {
    if (shown) options.write('\r\u001B[2K')
    shown = false
  }
  const draw = (): void => {
    const seconds = (now() - started) / 1000
    const rate = seconds > 0 ? done / seconds : 0
    const eta = rate > 0 ? (options.total - done) / rate : undefined
    const text = `citeclaim ${done}/${options.total} documents · ${rate.toFixed(1)} docs/s · ETA ${eta === undefined ? '–' : formatSeconds(eta)}`
    options.write('\r\u001B[2K' + paint('2', text))
    shown = true
    lastDraw = now()
  }
  return {
    tick() {
      done++
      if (animate && (now() - lastDraw >= redrawEveryMs || done === options.total)) draw()
    },
    log(line) {
      clear()
      options.write(line + '\n')
      if (animate && done < options.total) draw()
    },
    done(summary) {
      clear()
      if (options.quiet) return
      const analysed = summary.documents - summary.skipped
      const infos = summary.infos ? `, ${count(summary.infos, 'info')}${summary.infosShown ? '' : ' (--verbose prints them)'}` : ''
      const problems = `${count(summary.warnings, 'warning')}, ${count(summary.errors, 'error')}${infos}`
      const coloured = summary.errors > 0 ? paint('31', problems) : summary.warnings > 0 ? paint('33', problems) : problems
      options.write(`citeclaim: ${count(summary.documents, 'document')} (${analysed} analysed, ${summary.skipped} skipped), ${coloured} in ${summary.seconds.toFixed(1)} s\n`)
    },
    clear
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`
  const minutes = Math.floor(seconds / 60)
  return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`
}
