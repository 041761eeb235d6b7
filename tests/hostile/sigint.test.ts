import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {differences, outputProblems, snapshot} from './output-checks.js'
import {buildPrivateCli, repo, type PrivateCli} from './private-cli.js'
import {scaled} from '../helpers/scale.js'

/*
 * Ctrl-C on the built CLI: the run stops with exit code 130 and one line on stderr; the files it
 * wrote are whole and the manifest records exactly them; the next run finishes the job.
 */

let work: string
let cli: PrivateCli
let reference: Map<string, Buffer>
/**
 * Copies of the seed review in the input, beside one small document: enough that a run is still
 * going when the first document is written (8 in `npm test`, 16 in `npm run test:stress`).
 */
const seeds = scaled(8, 16)
const documents = seeds + 1

interface Finished {
  status: number | null
  stderr: string
}

/** Runs the CLI in `work`; sends SIGINT `signals` times, the first once `out` has a file. */
function run(out: string, signals = 0): Promise<Finished> {
  // Two workers named: left to itself, citeclaim runs these seed-sized documents in one thread
  // (sigint-one-thread.test.ts covers that), and this test is about stopping a pool.
  const child = spawn(process.execPath, [cli.bin, 'run', 'in', '--out', out, '--force', '--config', cli.config, '--quiet', '-j', '2'], {cwd: work, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  let sent = 0
  const poll = setInterval(() => {
    if (sent >= signals) return
    let names: string[] = []
    try {
      names = readdirSync(join(work, out)).filter((name) => name.endsWith('.json'))
    } catch {}
    if (names.length === 0) return
    child.kill('SIGINT')
    sent++
  }, 2)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (status) => {
      clearInterval(poll)
      resolve({status, stderr})
    })
  })
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

describe('SIGINT during a batch run', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'citeclaim-sigint-'))
    cli = buildPrivateCli(join(work, 'cli'))
    mkdirSync(join(work, 'in'))
    const seed = readFileSync(join(repo, 'input/000_a1b4395412355638.txt'))
    for (let index = 1; index <= seeds; index++) writeFileSync(join(work, 'in', `seed-${String(index).padStart(2, '0')}.txt`), seed)
    writeFileSync(join(work, 'in', 'small.txt'), 'Mesenchymal stem cells repair tissue [1].\n')
    const whole = await run('reference')
    expect(whole.status, whole.stderr).toBe(0)
    reference = snapshot(join(work, 'reference'))
    // Generous: a build and a whole run take several times longer on a loaded machine.
  }, 600_000)

  afterAll(() => {
    if (work) rmSync(work, {recursive: true, force: true})
  })

  it('stops with exit code 130 and one line on stderr; what it wrote is whole and recorded; the next run finishes', async () => {
    const interrupted = await run('once', 1)
    expect(interrupted.status, interrupted.stderr).toBe(130)
    expect(interrupted.stderr).toMatch(new RegExp(`^citeclaim: interrupted: \\d+ of ${documents} documents done, [^\\n]*\\n$`))

    const files = snapshot(join(work, 'once'))
    const {problems, temps} = outputProblems(files)
    expect(problems).toEqual([])
    expect(temps).toEqual([])
    // Stopped early: some documents are missing, and the corpus files describe exactly those written.
    const records = [...files.keys()].filter((name) => /^seed-\d+\.json$|^small\.json$/.test(name))
    expect(records.length).toBeGreaterThan(0)
    expect(records.length).toBeLessThan(documents)
    const ids = records.map((name) => name.replace(/\.json$/, '')).sort()
    const index = JSON.parse(files.get('index.json')!.toString('utf8')) as {documents: Array<{id: string}>}
    expect(index.documents.map((entry) => entry.id)).toEqual(ids)
    const claimIds = files.get('claims.jsonl')!.toString('utf8').split('\n').filter((line) => line !== '').map((line) => (JSON.parse(line) as {documentId: string}).documentId)
    const expectedClaimIds = ids.flatMap((id) => (JSON.parse(files.get(id + '.json')!.toString('utf8')) as {claims: unknown[]}).claims.map(() => id))
    expect(claimIds).toEqual(expectedClaimIds)
    // The manifest lists exactly the documents on disk, with the hashes of their files.
    const manifest = JSON.parse(files.get('.citeclaim-cache/manifest.json')!.toString('utf8')) as {documents: Record<string, {files: Record<string, string>}>}
    const listed = Object.values(manifest.documents).flatMap((entry) => Object.entries(entry.files))
    const corpusFiles = new Set(['index.json', 'claims.jsonl', 'index.html'])
    expect(listed.map(([name]) => name).sort()).toEqual([...files.keys()].filter((name) => !name.startsWith('.') && !corpusFiles.has(name)).sort())
    for (const [name, hash] of listed) expect(sha256(files.get(name)!), name).toBe(hash)
    // What it wrote is what an uninterrupted run writes.
    for (const [name, bytes] of files) if (!name.startsWith('.') && !corpusFiles.has(name)) expect(bytes.equals(reference.get(name)!), name).toBe(true)

    const next = await run('once')
    expect(next.status, next.stderr).toBe(0)
    expect(differences(snapshot(join(work, 'once')), reference)).toEqual([])
  })

  it('quits at once on a second SIGINT, with exit code 130, one line on stderr and only whole files', async () => {
    // The second signal follows the first by a few milliseconds; a run that finishes stopping in that
    // time has exited before it arrives. Such a try is checked too, and the case is tried again.
    let secondSeen = false
    for (let attempt = 1; attempt <= 8 && !secondSeen; attempt++) {
      const out = `twice-${attempt}`
      const interrupted = await run(out, 2)
      expect(interrupted.status, interrupted.stderr).toBe(130)
      expect(interrupted.stderr.split('\n').filter((line) => line !== '')).toHaveLength(1)
      expect(interrupted.stderr).toMatch(new RegExp(`^citeclaim: interrupted(?: again: quitting at once|: \\d+ of ${documents} documents done)`))
      secondSeen = interrupted.stderr.startsWith('citeclaim: interrupted again')
      const {problems} = outputProblems(snapshot(join(work, out)))
      expect(problems).toEqual([])
      const next = await run(out)
      expect(next.status, next.stderr).toBe(0)
      expect(differences(snapshot(join(work, out)), reference)).toEqual([])
    }
    expect(secondSeen, 'a second SIGINT arrived while the run was stopping').toBe(true)
    // Up to 16 runs of the CLI, several times slower each on a loaded machine.
  }, 600_000)
})
