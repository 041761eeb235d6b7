import {execFileSync} from 'node:child_process'
import {readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import type {BigIntStats} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {stampOf, stampsPath, vouchedFor} from '../../src/batch/file-stamps.js'
import {makeProject, run, type Project} from './corpus-fixture.js'
import {shippedConfig} from '../helpers/analyse.js'

const projects: Project[] = []
function project(): Project {
  const made = makeProject(1)
  projects.push(made)
  return made
}
afterEach(() => {
  for (const made of projects.splice(0)) rmSync(made.root, {recursive: true, force: true})
})

/** Dates the stamps file `seconds` from now: what the clock says when the stamps were written. */
function dateStamps(p: Project, seconds: number): void {
  const when = Date.now() / 1000 + seconds
  utimesSync(stampsPath(p.out), when, when)
}

/** The files the stamps vouch for: every document's outputs, and the corpus files. */
const outputFiles = (p: Project): string[] => Object.keys((JSON.parse(readFileSync(join(p.out, '.citeclaim-cache/stamps.json'), 'utf8')) as {files: object}).files)
const documentFiles = (p: Project): string[] => outputFiles(p).filter((name) => name !== 'index.json' && name !== 'claims.jsonl' && name !== 'index.html')

describe('output stamps', () => {
  it('reads no output of an unchanged rerun when the stamps vouch for every file', async () => {
    const p = project()
    await run(p)
    expect(outputFiles(p)).toEqual(expect.arrayContaining(['seed-1.json', 'seed-1.md', 'index.json', 'claims.jsonl']))
    dateStamps(p, 5)
    const second = await run(p)
    expect(second).toMatchObject({analysed: 0, skipped: 4, changed: [], hashed: 0})
  })

  // The corpus files, the corpus page `index.html` among them with the html output (the shipped
  // config), are vouched for by their stamps like the documents' files.
  for (const html of [false, true]) {
    it(`hashes a file whose mtime is not older than the stamps (the racy-timestamp rule), html output ${html ? 'on' : 'off'}`, async () => {
      const p = project()
      const config = {...shippedConfig, outputs: shippedConfig.outputs.filter((name) => html || name !== 'html')}
      await run(p, {config})
      // Stamps no newer than the files: each could have been written again in the tick it was stamped.
      const oldest = Math.min(...outputFiles(p).map((name) => statSync(join(p.out, name)).mtimeMs))
      const when = Math.floor(oldest / 1000)
      utimesSync(stampsPath(p.out), when, when)
      const second = await run(p, {config})
      expect(second).toMatchObject({analysed: 0, skipped: 4, changed: []})
      expect(outputFiles(p)).toEqual(expect.arrayContaining(html ? ['index.json', 'claims.jsonl', 'index.html'] : ['index.json', 'claims.jsonl']))
      expect(second.hashed).toBe(outputFiles(p).length)
    })
  }

  it('catches an output rewritten with the same size and its old mtime, in a check and in a run', async () => {
    const p = project()
    await run(p)
    dateStamps(p, 5)
    const path = join(p.out, 'tiny-esc.md')
    const before = statSync(path, {bigint: true})
    const original = readFileSync(path, 'utf8')
    writeFileSync(path, original.replace('Embryonic', 'EMBRYONIC'))
    // To the nanosecond (utimes takes a float of seconds).
    const ns = before.mtimeNs
    execFileSync('touch', ['-m', '-d', `@${ns / 1_000_000_000n}.${String(ns % 1_000_000_000n).padStart(9, '0')}`, path])
    expect(statSync(path, {bigint: true})).toMatchObject({size: before.size, mtimeNs: before.mtimeNs})
    const check = await run(p, {check: true})
    expect(check.changed).toContain(path)
    const rerun = await run(p)
    expect(rerun).toMatchObject({analysed: 1, skipped: 3})
    expect(rerun.changed).toContain(path)
    expect(readFileSync(path, 'utf8')).toBe(original)
  })

  it('compares bytes in a check, whatever the stamps say', async () => {
    const p = project()
    await run(p)
    dateStamps(p, 5)
    const check = await run(p, {check: true})
    expect(check).toMatchObject({changed: [], skipped: 4})
    expect(check.hashed).toBe(documentFiles(p).length)
  })

  it('ignores a stamps file that is not what citeclaim writes, and hashes every output', async () => {
    const p = project()
    await run(p)
    const names = documentFiles(p)
    writeFileSync(stampsPath(p.out), JSON.stringify({stampsVersion: 1, files: {'../outside.json': {sha256: '0'.repeat(64), size: '1', mtimeNs: '1', ctimeNs: '1', ino: '1'}}}))
    dateStamps(p, 5)
    const second = await run(p)
    expect(second).toMatchObject({analysed: 0, skipped: 4, changed: []})
    expect(second.hashed).toBe(names.length)
    // and records good stamps again, which the next run trusts
    dateStamps(p, 10)
    expect((await run(p)).hashed).toBe(0)
  })
})

describe('vouchedFor', () => {
  const sha = 'a'.repeat(64)
  const info = (fields: Partial<Record<'size' | 'mtimeNs' | 'ctimeNs' | 'ino', bigint>> = {}): BigIntStats =>
    ({isFile: () => true, size: 100n, mtimeNs: 1_000n, ctimeNs: 1_500n, ino: 7n, ...fields}) as unknown as BigIntStats
  const stamp = stampOf(info(), sha)

  it('vouches for a file with the same size, times and inode, older than the stamps', () => {
    expect(vouchedFor(info(), stamp, sha, 2_000n)).toBe(true)
  })

  it('does not vouch when anything recorded differs', () => {
    expect(vouchedFor(info({size: 101n}), stamp, sha, 2_000n)).toBe(false)
    expect(vouchedFor(info({mtimeNs: 999n}), stamp, sha, 2_000n)).toBe(false)
    expect(vouchedFor(info({ctimeNs: 1_600n}), stamp, sha, 2_000n)).toBe(false)
    expect(vouchedFor(info({ino: 8n}), stamp, sha, 2_000n)).toBe(false)
    expect(vouchedFor(info(), stamp, 'b'.repeat(64), 2_000n)).toBe(false)
    expect(vouchedFor(info(), undefined, sha, 2_000n)).toBe(false)
  })

  it('does not vouch for a file changed at or after the time the stamps were written', () => {
    expect(vouchedFor(info(), stamp, sha, 1_500n)).toBe(false)
    expect(vouchedFor(info(), stamp, sha, 1_200n)).toBe(false)
    expect(vouchedFor(info(), stamp, sha, undefined)).toBe(false)
  })
})
