/**
 * Runs of the built CLI (`npm run build` first) timed from outside, for bench/run.ts and
 * bench/incremental.ts: wall seconds, the CPU seconds of the whole process (every thread), which
 * on a shared, loaded machine is steadier than wall time and is the work a run does, and peak RSS.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/** Wall and CPU seconds of one run, and its peak resident set. */
export interface Timing {
  wall: number
  cpu: number
  peakRssMb: number
}

// Prints the peak RSS and the CPU time of the whole process at exit.
const probe = `data:text/javascript,${encodeURIComponent("process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nbench-max-rss-kb=' + u.maxRSS + ' bench-cpu-us=' + (u.userCPUTime + u.systemCPUTime) + '\\n') })")}`

/** Runs `citeclaim run <folder> --out <out> --quiet <flags>` with the built CLI under `root` (the config found from `root`). */
export function timedRun(root: string, folder: string, out: string, ...flags: string[]): Timing {
  const start = performance.now()
  const child = spawnSync(process.execPath, ['--import', probe, join(root, 'bin/citeclaim.js'), 'run', folder, '--out', out, '--quiet', ...flags], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 30})
  const wall = (performance.now() - start) / 1000
  const usage = /bench-max-rss-kb=(\d+) bench-cpu-us=(\d+)/.exec(child.stderr)
  if (child.status === 2 || !usage) throw new Error(`citeclaim failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`)
  return {wall, cpu: Number(usage[2]) / 1e6, peakRssMb: Number(usage[1]) / 1024}
}

/**
 * A cold start: `runs` runs (at least 5) of one document with `--force`, each a new process that
 * loads the config and the pipeline and writes every output the config names.
 */
export function coldStartRuns(root: string, document: string, runs: number): Timing[] {
  const out = mkdtempSync(join(tmpdir(), 'citeclaim-cold-start-'))
  try {
    return Array.from({length: Math.max(runs, 5)}, () => timedRun(root, document, out, '--force'))
  } finally {
    rmSync(out, {recursive: true, force: true})
  }
}
