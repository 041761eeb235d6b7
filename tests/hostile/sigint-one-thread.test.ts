import {spawn, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {outputProblems, snapshot} from './output-checks.js'
import {buildPrivateCli, type PrivateCli} from './private-cli.js'

/*
 * Ctrl-C while the only document is being analysed, one document at a time (`-j 1`): the run stops
 * mid-document and writes nothing. When that analysis ran in the main thread, SIGINT was handled
 * only once the document was done (this one, 7 MB of Markdown emphasis within the parser's limits,
 * takes the whole analysis tens of seconds), and the document was written: "1 of 1 document done". The work done tells, not the time; the bound only
 * ends a run that never stops.
 */

let work: string
let cli: PrivateCli
const bound = 60_000
/**
 * When the signal is sent: once the CLI has started and is analysing. A SIGINT before it has set its
 * handler kills it. Where /proc tells a process's CPU time (Linux), that is once the run has used
 * twice the CPU time of a whole run over a one-line document (start-up, config, discovery, analysis,
 * writing): by then it is surely past its start and analysing, whatever the load, and the document
 * takes tens of seconds. Elsewhere, after a wait that grows with how long that small run took on the
 * machine as loaded as it is now (3 s plus three of those).
 */
let when: {cpuMs: number} | {delay: number} = {delay: 3000}

/** CPU time (user and system, ms) process `pid` has used, or its waited-for children when `children` is set; undefined without /proc. */
function cpuMs(pid: number | 'self', children = false): number | undefined {
  let fields: string[]
  try {
    // After the command name in parentheses: state is field 3 of stat, utime 14, stime 15, cutime 16, cstime 17.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  } catch {
    return undefined
  }
  const [user, system] = children ? [fields[13], fields[14]] : [fields[11], fields[12]]
  // Clock ticks of 1/100 s (USER_HZ, 100 on Linux).
  return (Number(user) + Number(system)) * 10
}

interface Finished {
  status: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

/** Runs the CLI with `-j 1`, sends SIGINT `signals` times (5 ms apart) once it is analysing (see `when`); killed at `bound`. */
function run(out: string, signals: number): Promise<Finished> {
  const child = spawn(process.execPath, [cli.bin, 'run', 'in', '--out', out, '--config', cli.config, '--quiet', '-j', '1'], {cwd: work, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  const timers: NodeJS.Timeout[] = []
  const send = (): void => {
    for (let index = 0; index < signals; index++) timers.push(setTimeout(() => child.kill('SIGINT'), index * 5))
  }
  let poll: NodeJS.Timeout | undefined
  if ('delay' in when) timers.push(setTimeout(send, when.delay))
  else {
    const cpu = when.cpuMs
    poll = setInterval(() => {
      if ((cpuMs(child.pid!) ?? 0) < cpu) return
      clearInterval(poll)
      send()
    }, 10)
  }
  const killer = setTimeout(() => child.kill('SIGKILL'), bound)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (status, signal) => {
      for (const timer of timers) clearTimeout(timer)
      clearInterval(poll)
      clearTimeout(killer)
      resolve({status, signal, stderr})
    })
  })
}

describe('SIGINT during the analysis of a document, one at a time', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'citeclaim-sigint-one-'))
    cli = buildPrivateCli(join(work, 'cli'))
    mkdirSync(join(work, 'in'))
    // Under 8 MB, so that it is not sent to a worker of its own for its size; 400 markers a paragraph.
    const paragraph = 'Stem cells a* '.repeat(400) + '\n\n'
    writeFileSync(join(work, 'in', 'slow.md'), paragraph.repeat(Math.floor(7_000_000 / paragraph.length)))
    mkdirSync(join(work, 'small'))
    writeFileSync(join(work, 'small', 'small.md'), 'Stem cells a* b.\n')
    const start = performance.now()
    const childrenBefore = cpuMs('self', true)
    const small = spawnSync(process.execPath, [cli.bin, 'run', 'small', '--out', 'small-out', '--config', cli.config, '--quiet', '-j', '1'], {cwd: work})
    expect(small.status).toBe(0)
    const childrenAfter = cpuMs('self', true)
    when = childrenBefore !== undefined && childrenAfter !== undefined ? {cpuMs: 2 * (childrenAfter - childrenBefore)} : {delay: 3000 + 3 * (performance.now() - start)}
  }, 120_000)

  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  it('stops the run mid-document with exit code 130, one line on stderr and no output of the document', async () => {
    const result = await run('once', 1)
    expect(result.signal, 'still analysing when killed').toBeNull()
    expect(result.status, result.stderr).toBe(130)
    expect(result.stderr).toMatch(/^citeclaim: interrupted: 0 of 1 document done, [^\n]*\n$/)
    const files = snapshot(join(work, 'once'))
    expect(outputProblems(files)).toEqual({problems: [], temps: []})
    // No output of the stopped document; the corpus files describe the folder, which holds none.
    expect([...files.keys()].filter((name) => !name.startsWith('.'))).toEqual(['claims.jsonl', 'index.html', 'index.json'])
    expect(files.get('claims.jsonl')!.toString()).toBe('')
    expect((JSON.parse(files.get('index.json')!.toString()) as {documents: unknown[]}).documents).toEqual([])
  }, bound + 30_000)

  it('quits on a second SIGINT with exit code 130 and one line on stderr', async () => {
    const result = await run('twice', 2)
    expect(result.signal, 'still analysing when killed').toBeNull()
    expect(result.status, result.stderr).toBe(130)
    expect(result.stderr.split('\n').filter((line) => line !== '')).toHaveLength(1)
    expect(result.stderr).toMatch(/^citeclaim: interrupted(?: again: quitting at once|: 0 of 1 document done)/)
    expect(outputProblems(snapshot(join(work, 'twice'))).problems).toEqual([])
  }, bound + 30_000)
})
