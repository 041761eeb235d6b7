/**
 * `npx tsx bench/incremental.ts [N]`: what incremental runs and start-up cost, as ratios within one
 * run of this script (the machine is shared, so absolute seconds mean little). Runs the built CLI
 * (`npm run build` first) over N seed-sized documents (default 1,000): a full run, a rerun with
 * nothing changed and a rerun with one document changed; run alone, it adds a one-document cold start of
 * the seed and prints JSON. `bench/run.ts` calls `measureIncremental` for the `incremental` block of
 * bench/results.json, and measures the cold start once, for `coldStartSeconds`.
 */
import {appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {coldStartRuns, timedRun, type Timing} from './cold-start.js'
import {makeCorpus} from './make-corpus.js'
import {median, round} from './stats.js'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Runs the built CLI; wall and CPU seconds. */
const cli = (folder: string, out: string, ...flags: string[]): Timing => timedRun(root, folder, out, ...flags)

/** What `measureIncremental` finds: each rerun's median over the full run's median, wall and CPU. */
export interface IncrementalFigures {
  documents: number
  repetitions: number
  loadAverage: {start: number; end: number}
  outputBytes: number
  unchangedRerunRatio: {wall: number; cpu: number}
  oneChangedRerunRatio: {wall: number; cpu: number}
  seconds: {full: string; unchanged: string; oneChanged: string}
}

/**
 * Measures, `reps` times over `count` seed-sized documents (made under bench/corpus/incremental), a
 * full run of the built CLI with the shipped config, a rerun with nothing changed and a rerun with one
 * document changed (a paragraph added, then taken out again).
 */
export function measureIncremental(count: number, reps: number): IncrementalFigures {
  const corpus = makeCorpus(join(root, 'input', '000_a1b4395412355638.txt'), join(root, 'bench', 'corpus', 'incremental'), [count], [])
  const work = mkdtempSync(join(tmpdir(), 'citeclaim-incremental-'))
  const loadStart = loadavg()[0]!
  const folder = corpus.folders[count]!
  const full: Timing[] = []
  const unchanged: Timing[] = []
  const oneChanged: Timing[] = []
  let bytesWritten = 0
  try {
    for (let i = 0; i < reps; i++) {
      const out = join(work, `out-${i}`)
      full.push(cli(folder, out))
      bytesWritten = readdirSync(out).reduce((sum, name) => sum + (name.startsWith('.') ? 0 : statSync(join(out, name)).size), 0)
      unchanged.push(cli(folder, out))
      // One document gains a paragraph, then loses it again: each rerun has exactly one changed input.
      const changed = join(folder, readdirSync(folder).sort()[0]!)
      const original = readFileSync(changed)
      appendFileSync(changed, '\nMesenchymal stem cells reduced fibrosis in mice [1].\n')
      try {
        oneChanged.push(cli(folder, out))
      } finally {
        writeFileSync(changed, original)
      }
      rmSync(out, {recursive: true, force: true})
    }
    const wall = (runs: Timing[]): number => median(runs.map((run) => run.wall))
    const cpu = (runs: Timing[]): number => median(runs.map((run) => run.cpu))
    const seconds = (runs: Timing[]): string => runs.map((run) => `${round(run.wall, 2)} wall / ${round(run.cpu, 2)} cpu`).join(', ')
    return {
      documents: count,
      repetitions: reps,
      loadAverage: {start: round(loadStart, 2), end: round(loadavg()[0]!, 2)},
      outputBytes: bytesWritten,
      // Each rerun against the full run of the same repetition's median, in wall time and in CPU time.
      unchangedRerunRatio: {wall: round(wall(unchanged) / wall(full), 3), cpu: round(cpu(unchanged) / cpu(full), 3)},
      oneChangedRerunRatio: {wall: round(wall(oneChanged) / wall(full), 3), cpu: round(cpu(oneChanged) / cpu(full), 3)},
      seconds: {full: seconds(full), unchanged: seconds(unchanged), oneChanged: seconds(oneChanged)}
    }
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const reps = Number(process.env['BENCH_REPS'] ?? 3)
  const figures = measureIncremental(Number(process.argv[2] ?? 1000), reps)
  const coldStart = coldStartRuns(root, join(root, 'input', '000_a1b4395412355638.txt'), reps)
  const coldStartSeconds = {wall: round(median(coldStart.map((run) => run.wall))), cpu: round(median(coldStart.map((run) => run.cpu)))}
  process.stdout.write(JSON.stringify({...figures, coldStartSeconds}, null, 2) + '\n')
}
