import {cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {runBatch} from '../../src/batch/run-batch.js'
import {clearFormattedEntries, formattingWork} from '../../src/stages/bibliography/format-references.js'
import {useFormattedEntryStore} from '../../src/stages/bibliography/formatted-entry-store.js'
import {differences, snapshot} from '../hostile/output-checks.js'
import {shippedConfig} from '../helpers/analyse.js'

const fixture = (path: string): URL => new URL(`../fixtures/${path}`, import.meta.url)
let root: string | undefined
afterEach(() => {
  useFormattedEntryStore(undefined)
  clearFormattedEntries()
  if (root) rmSync(root, {recursive: true, force: true})
})

/** Runs citeclaim in this thread over `in/` into `out`, as a fresh process would (no formatted entries in memory). */
async function run(out: string, options: {force?: boolean; check?: boolean} = {}): Promise<{formatted: number; changed: number}> {
  clearFormattedEntries()
  const before = formattingWork().entries
  const result = await runBatch({paths: ['in'], config: shippedConfig, out: join(root!, out), cwd: root!, concurrency: 1, onDiagnostic: () => undefined, ...options})
  return {formatted: formattingWork().entries - before, changed: result.changed.length}
}

describe('the formatted-entry cache in a batch', () => {
  it('lets a forced rerun format no entry and write the same bytes as a run without it; a check formats afresh and writes nothing', async () => {
    root = mkdtempSync(join(tmpdir(), 'citeclaim-formatted-'))
    mkdirSync(join(root, 'in'))
    // Two documents citing the same works under their own numbers: the works are formatted once.
    const text = 'Cells divide [1,2]. Bone repairs itself [3].\n'
    writeFileSync(join(root, 'in', 'a.txt'), text)
    writeFileSync(join(root, 'in', 'b.txt'), text)
    cpSync(fixture('ohip-nl/references.csl.json'), join(root, 'in', 'a.csl.json'))
    cpSync(fixture('ohip-nl/references.csl.json'), join(root, 'in', 'b.csl.json'))

    const first = await run('out')
    expect(first.formatted).toBeGreaterThan(0)
    expect(readdirSync(join(root, 'out', '.citeclaim-cache')).filter((name) => name.startsWith('formatted-'))).toHaveLength(1)
    const written = snapshot(join(root, 'out'))

    const rerun = await run('out', {force: true})
    expect(rerun.formatted).toBe(0)
    expect(differences(snapshot(join(root, 'out')), written)).toEqual([])

    // A run into a fresh folder (no cache) writes the same outputs.
    await run('fresh')
    const fresh = snapshot(join(root, 'fresh'))
    expect([...written.keys()].filter((name) => !name.startsWith('.citeclaim-cache/')).every((name) => fresh.get(name)?.equals(written.get(name)!))).toBe(true)

    const check = await run('out', {check: true, force: true})
    expect(check.formatted).toBe(first.formatted)
    expect(check.changed).toBe(0)
    expect(differences(snapshot(join(root, 'out')), written)).toEqual([])
  })
})
