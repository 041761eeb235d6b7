import {spawn} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {random as seededRandom} from '../../bench/make-corpus.js'
import {differences, outputProblems, snapshot, tempFile} from './output-checks.js'
import {scaled} from '../helpers/scale.js'
import {buildPrivateCli, repo, type PrivateCli} from './private-cli.js'

/*
 * Crash safety, proven on the built CLI: a real batch run is SIGKILLed at moments spread over its
 * duration (2 in `npm test`, one of each kind below; 20 in `npm run test:stress`). After each kill every output file present must be whole (old bytes or new, never half),
 * and the next run, not killed, must finish with exit code 0 and the bytes of a run never killed.
 * Half the kills hit a run that overwrites the outputs of older inputs (with a manifest, a document
 * whose input is gone, and changed documents); the other half a run into an empty folder.
 */

const kills = scaled(2, 20)
const seed = Number(process.env.CITECLAIM_KILL_SEED ?? 20_240_605)

let work: string
let cli: PrivateCli

interface Finished {
  status: number | null
  signal: NodeJS.Signals | null
  stderr: string
  pid: number
  /** Milliseconds from the start to the exit. */
  ms: number
  /** Milliseconds from the start until `watch` (a folder) first had a file, when asked to watch. */
  firstFileMs?: number
}

/** Starts the CLI in `work`; resolves when it exits. */
function start(args: string[], options: {killAfter?: number; watch?: string} = {}): Promise<Finished> {
  const started = performance.now()
  const child = spawn(process.execPath, [cli.bin, ...args, '--config', cli.config, '--quiet'], {cwd: work, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  const timer = options.killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfter)
  let firstFileMs: number | undefined
  const poll = options.watch === undefined ? undefined : setInterval(() => {
    if (firstFileMs === undefined && snapshotNames(options.watch!) > 0) firstFileMs = performance.now() - started
  }, 5)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (status, signal) => {
      clearTimeout(timer)
      clearInterval(poll)
      resolve({status, signal, stderr, pid: child.pid!, ms: performance.now() - started, ...(firstFileMs === undefined ? {} : {firstFileMs})})
    })
  })
}

/** How many entries a folder has (0 when it does not exist). */
function snapshotNames(dir: string): number {
  try {
    return readdirSync(dir).length
  } catch {
    return 0
  }
}

/** Whether a process with this pid is still there. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The inputs: copies of the seed under other names, small documents, one with a bibliography (so a
 * `.references.csl.json` is written). `variant` makes the older inputs of the overwrite case: other
 * text in some documents, and a document that the current inputs no longer have.
 */
function writeInputs(dir: string, variant: boolean): void {
  mkdirSync(dir, {recursive: true})
  const seedText = readFileSync(join(repo, 'input/000_a1b4395412355638.txt'), 'utf8')
  for (let index = 1; index <= 12; index++) {
    const name = `seed-${String(index).padStart(2, '0')}.txt`
    writeFileSync(join(dir, name), variant && index % 3 === 0 ? seedText.replace(/stem cells/, 'stem-like cells') : seedText)
  }
  for (let index = 1; index <= 16; index++) {
    const extra = variant && index % 4 === 0 ? ' Older text [2].' : ''
    writeFileSync(join(dir, `small-${String(index).padStart(2, '0')}.txt`), `Mesenchymal stem cells repair tissue [1] and home to injury sites [${index}].${extra}\n`)
  }
  writeFileSync(join(dir, 'small-01.bib'), '@article{a1,\n  title = {One},\n  author = {Smith, Jane},\n  year = {2020}\n}\n\n@article{a2,\n  title = {Two},\n  year = {2021}\n}\n')
  if (variant) writeFileSync(join(dir, 'gone.txt'), 'Stem cells repair tissue [1].\n')
}

describe('SIGKILL during a batch run', () => {
  let reference: Map<string, Buffer>
  let older: Map<string, Buffer>
  let duration: number
  let firstWrite: number

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'citeclaim-sigkill-'))
    cli = buildPrivateCli(join(work, 'cli'))
    // The older outputs: the variant inputs run into `older/`, then the current inputs put in place.
    writeInputs(join(work, 'in'), true)
    const olderRun = await start(['run', 'in', '--out', 'older'])
    expect(olderRun.status, olderRun.stderr).toBe(0)
    rmSync(join(work, 'in'), {recursive: true})
    writeInputs(join(work, 'in'), false)
    // One run never killed: the bytes every recovered run must end with, and the time to spread kills over.
    const referenceRun = await start(['run', 'in', '--out', 'reference', '--force'], {watch: join(work, 'reference')})
    expect(referenceRun.status, referenceRun.stderr).toBe(0)
    duration = referenceRun.ms
    firstWrite = Math.min(referenceRun.firstFileMs ?? 0, duration)
    reference = snapshot(join(work, 'reference'))
    older = snapshot(join(work, 'older'))
    expect([...reference.keys()]).toContain('small-01.references.csl.json')
    expect([...reference.keys()]).toContain('.citeclaim-cache/manifest.json')
    expect(differences(reference, older).length).toBeGreaterThan(0)
  }, 600_000)

  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  it(`leaves only whole files at each of ${kills} kills, and the next run completes with the bytes of an uninterrupted run (seed ${seed})`, async () => {
    const random = seededRandom(seed)
    let killed = 0
    // What the kills met, printed so a run shows they landed all over the run.
    const met = {nothingWritten: 0, someDocuments: 0, manifestWritten: 0, corpusWritten: 0, tempFiles: 0}
    const failures: string[] = []
    for (let round = 0; round < kills; round++) {
      const out = `killed-${round}`
      const overwrite = round % 2 === 1
      if (overwrite) cpSync(join(work, 'older'), join(work, out), {recursive: true})
      const before = overwrite ? older : new Map<string, Buffer>()
      // One moment in ten (at least one) before the first write (start-up, discovery, first
      // analyses), then the others spread evenly over the time in which files are written.
      const early = Math.max(1, Math.round(kills / 10))
      let delay = Math.round(
        round < early ? ((round + random()) / early) * firstWrite : firstWrite + ((round - early + random()) / (kills - early)) * (duration - firstWrite)
      )
      // Where the moment falls in the reference run: kept when a run must be tried again.
      const position = delay / duration
      let run = await start(['run', 'in', '--out', out, '--force'], {killAfter: delay})
      // A run faster than the reference may end before its moment (the machine's load changes from
      // run to run): then again, at the same position in the run that just ended, a little earlier.
      for (let attempt = 1; run.signal !== 'SIGKILL' && attempt < 6; attempt++) {
        if (run.status !== 0) failures.push(`round ${round}: exit ${run.status} before the kill: ${run.stderr}`)
        rmSync(join(work, out), {recursive: true, force: true})
        if (overwrite) cpSync(join(work, 'older'), join(work, out), {recursive: true})
        delay = Math.round(Math.min(delay, position * run.ms) * 0.9 ** attempt)
        run = await start(['run', 'in', '--out', out, '--force'], {killAfter: delay})
      }
      if (run.signal === 'SIGKILL') killed++
      const label = `round ${round} (${overwrite ? 'overwrite' : 'empty folder'}, kill at ${delay} ms of ${Math.round(duration)})`

      // Worker threads die with the process: nothing changes in the folder once it is gone.
      expect(alive(run.pid), label).toBe(false)
      const afterKill = snapshot(join(work, out))
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(differences(snapshot(join(work, out)), afterKill), `${label}: files changed after the kill`).toEqual([])

      const {problems, temps} = outputProblems(afterKill)
      const fresh = [...afterKill].filter(([name, bytes]) => !bytes.equals(before.get(name) ?? Buffer.alloc(0)))
      const freshNames = new Set(fresh.map(([name]) => name))
      if (freshNames.size === 0) met.nothingWritten++
      else met.someDocuments++
      if (freshNames.has('.citeclaim-cache/manifest.json')) met.manifestWritten++
      if (freshNames.has('index.json')) met.corpusWritten++
      if (temps.length > 0) met.tempFiles++
      expect(problems, label).toEqual([])
      // Temp files a kill can leave: only the killed process's own.
      for (const temp of temps) expect(tempFile.exec(temp)?.[1], `${label}: ${temp}`).toBe(String(run.pid))
      // Every file is the old one or the new one, byte for byte; the manifest too.
      for (const [name, bytes] of afterKill) {
        if (temps.includes(name)) continue
        // The stamps record inodes and times, which no two runs share: outputProblems above has read it
        // as a whole stamps file (a torn one does not parse); its bytes match neither run's.
        if (name === '.citeclaim-cache/stamps.json') continue
        const whole = bytes.equals(reference.get(name) ?? Buffer.alloc(0)) || bytes.equals(before.get(name) ?? Buffer.alloc(0))
        if (!whole) failures.push(`${label}: ${name} is neither the old nor the new file`)
      }

      const next = await start(['run', 'in', '--out', out])
      expect(next.status, `${label}: next run: ${next.stderr}`).toBe(0)
      expect(differences(snapshot(join(work, out)), reference), `${label}: after the next run`).toEqual([])
      rmSync(join(work, out), {recursive: true})
    }
    console.log(`sigkill: seed ${seed}, run ${Math.round(duration)} ms (first file at ${Math.round(firstWrite)} ms), ${killed}/${kills} killed; at the kill: ${JSON.stringify(met)}`)
    expect(failures).toEqual([])
    expect(killed).toBe(kills)
    // Each round runs the CLI two or more times, each run several times slower on a loaded machine.
  }, scaled(900_000, 3_600_000))

  it('removes, on the next run, the temp files a killed run left, and only those', async () => {
    cpSync(join(work, 'reference'), join(work, 'leftovers'), {recursive: true})
    // A pid that is surely gone: a process that has exited. And one that is surely running: ours.
    const gone = spawn(process.execPath, ['-e', ''])
    const deadPid = await new Promise<number>((resolve) => gone.on('close', () => resolve(gone.pid!)))
    const stale = [`.seed-01.json.${deadPid}.0123abcd.tmp`, `.citeclaim-cache/.manifest.json.${deadPid}.89abcdef.tmp`]
    const live = `.seed-02.md.${process.pid}.fedcba98.tmp`
    for (const name of [...stale, live]) writeFileSync(join(work, 'leftovers', name), '{"half": ')
    const next = await start(['run', 'in', '--out', 'leftovers'])
    expect(next.status, next.stderr).toBe(0)
    for (const name of stale) expect(existsSync(join(work, 'leftovers', name)), name).toBe(false)
    expect(existsSync(join(work, 'leftovers', live))).toBe(true)
    rmSync(join(work, 'leftovers', live))
    expect(differences(snapshot(join(work, 'leftovers')), reference)).toEqual([])
  })
})

