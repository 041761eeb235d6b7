import {cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, inject, it} from 'vitest'

/*
 * `pipelineVersion()` is part of every cache key: a package whose code changed must give another
 * value, and the same code the same value. Tested on a package of its own in a temporary folder (a
 * copy of the built dist/ beside a `package.json`), which each case edits; every import
 * gets a new query string, so a new module instance that hashes afresh.
 */
const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, {recursive: true, force: true})
})

// The dist/ built from the current sources at the start of the run (tests/helpers/build-cli-once.ts).
const built = inject('privateDist')

function makePackage(version = '3.1.4'): string {
  const root = mkdtempSync(join(tmpdir(), 'citeclaim-pipeline-version-'))
  folders.push(root)
  writeFileSync(join(root, 'package.json'), JSON.stringify({name: 'citeclaim', version, type: 'module'}))
  // The modules only: declaration files and source maps are not code the fingerprint reads.
  cpSync(built, join(root, 'dist'), {recursive: true, filter: (path) => !path.endsWith('.d.ts') && !path.endsWith('.map')})
  return root
}

let instance = 0
async function versionOf(root: string): Promise<string> {
  const module = (await import(`${pathToFileURL(join(root, 'dist/batch/cache-key.js')).href}?instance=${++instance}`)) as typeof import('../../src/batch/cache-key.js')
  return module.pipelineVersion()
}

describe('pipelineVersion', () => {
  it('is the package version, a plus sign and 16 hex digits of the code', async () => {
    expect(await versionOf(makePackage('3.1.4'))).toMatch(/^3\.1\.4\+[0-9a-f]{16}$/)
  })

  // The path of the package is not part of it. (The files are hashed in sorted order, for file systems
  // that list a folder in other orders; two folders of one file system list the same names alike, so
  // that is not what this shows.)
  it('is the same for the same code in another folder', async () => {
    const first = makePackage()
    const second = makePackage()
    writeFileSync(join(first, 'dist/stage-a.js'), 'export const a = 1\n')
    writeFileSync(join(first, 'dist/batch/stage-b.js'), 'export const b = 2\n')
    writeFileSync(join(second, 'dist/batch/stage-b.js'), 'export const b = 2\n')
    writeFileSync(join(second, 'dist/stage-a.js'), 'export const a = 1\n')
    expect(await versionOf(first)).toBe(await versionOf(second))
  })

  it('changes when any module changes, is added or is renamed, and not for a declaration file', async () => {
    const root = makePackage()
    mkdirSync(join(root, 'dist/stages/claims'), {recursive: true})
    writeFileSync(join(root, 'dist/stages/claims/cues.js'), 'export const cues = ["may"]\n')
    const before = await versionOf(root)

    writeFileSync(join(root, 'dist/stages/claims/cues.d.ts'), 'export declare const cues: string[]\n')
    expect(await versionOf(root)).toBe(before)

    writeFileSync(join(root, 'dist/stages/claims/cues.js'), 'export const cues = ["might"]\n')
    const edited = await versionOf(root)
    expect(edited).not.toBe(before)

    writeFileSync(join(root, 'dist/stages/claims/cues.js'), 'export const cues = ["may"]\n')
    expect(await versionOf(root)).toBe(before)

    writeFileSync(join(root, 'dist/stages/data.json'), '{"cue": "may"}\n')
    const added = await versionOf(root)
    expect(added).not.toBe(before)

    rmSync(join(root, 'dist/stages/data.json'))
    writeFileSync(join(root, 'dist/stages/claims/cue.js'), 'export const cues = ["may"]\n')
    rmSync(join(root, 'dist/stages/claims/cues.js'))
    expect(await versionOf(root)).not.toBe(before)
  })

  it('changes with the package version alone', async () => {
    expect(await versionOf(makePackage('1.0.0'))).not.toBe(await versionOf(makePackage('1.0.1')))
  })

  it('rejects, rather than throwing, when the package has no package.json', async () => {
    const root = makePackage()
    rmSync(join(root, 'package.json'))
    const module = (await import(`${pathToFileURL(join(root, 'dist/batch/cache-key.js')).href}?instance=${++instance}`)) as typeof import('../../src/batch/cache-key.js')
    let promise: Promise<string> | undefined
    expect(() => (promise = module.pipelineVersion())).not.toThrow()
    await expect(promise).rejects.toThrow(/ENOENT/)
  })
})
