import {existsSync, readFileSync, rmSync, unlinkSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {resolveConfig} from '../../src/config/resolve-config.js'
import shipped from '../../pipeline.config.js'
import {fileStamps, makeProject, run, snapshot, writeFile, type Project} from './corpus-fixture.js'

const projects: Project[] = []
function project(seeds = 1): Project {
  const made = makeProject(seeds)
  projects.push(made)
  return made
}
afterEach(() => {
  for (const made of projects.splice(0)) rmSync(made.root, {recursive: true, force: true})
})

const names = (paths: readonly string[], out: string): string[] => paths.map((path) => path.slice(out.length + 1))

describe('incremental runs', () => {
  it('skips every document of an unchanged second run and rewrites nothing', async () => {
    const p = project()
    const first = await run(p)
    expect(first).toMatchObject({documents: 4, analysed: 4, skipped: 0})
    const before = fileStamps(p.out)
    const second = await run(p)
    expect(second).toMatchObject({documents: 4, analysed: 0, skipped: 4, changed: [], removed: []})
    // Same inode and mtime for every file: nothing was rewritten, not even the corpus files or the manifest.
    expect(fileStamps(p.out)).toEqual(before)
  })

  it('replays the diagnostics of skipped documents, so the exit code does not depend on the cache', async () => {
    const p = project(0)
    writeFile(join(p.input, 'broken.txt'), 'text with a NUL \u0000 byte')
    const seen: string[] = []
    const collect = (file: string, d: {code: string}): void => void (file.includes('broken') && seen.push(`${file} ${d.code}`))
    const first = await run(p, {onDiagnostic: collect})
    const second = await run(p, {onDiagnostic: collect})
    expect(second).toMatchObject({skipped: 4, errors: first.errors, warnings: first.warnings})
    expect(first.errors).toBeGreaterThan(0)
    expect(seen).toEqual(['input/broken.txt input-binary', 'input/broken.txt input-binary'])
  })

  it('reruns exactly the document whose input changed', async () => {
    const p = project()
    await run(p)
    const before = snapshot(p.out)
    writeFile(join(p.input, 'tiny-hsc.txt'), 'Hematopoietic stem cells improved survival in mice [1].\n')
    const result = await run(p)
    expect(result).toMatchObject({analysed: 1, skipped: 3})
    expect(names(result.changed, p.out)).toEqual(['tiny-hsc.html', 'tiny-hsc.json', 'tiny-hsc.md', 'index.json', 'claims.jsonl', 'index.html'])
    const after = snapshot(p.out)
    for (const name of ['seed-1.json', 'seed-1.md', 'seed-1.html', 'tiny-msc.json', 'tiny-esc.md']) expect(after.get(name), name).toBe(before.get(name))
  })

  it('reruns exactly the document whose bibliography changed', async () => {
    const p = project()
    await run(p)
    writeFile(join(p.input, 'tiny-msc.csl.json'), JSON.stringify([{id: 'only', type: 'book', title: 'One book'}]))
    const result = await run(p)
    expect(result).toMatchObject({analysed: 1, skipped: 3})
    expect(names(result.changed, p.out).filter((name) => name.startsWith('tiny-'))).toEqual(expect.arrayContaining(['tiny-msc.json']))
    expect(names(result.changed, p.out).every((name) => name.startsWith('tiny-msc.') || name === 'index.json' || name === 'claims.jsonl')).toBe(true)
  })

  it('reruns every document when a setting of the analysis changes, none when only where or how fast', async () => {
    const p = project()
    await run(p)
    const moved = await run(p, {config: resolveConfig({...shipped, input: 'elsewhere', output: 'also-elsewhere', concurrency: 7})})
    expect(moved).toMatchObject({analysed: 0, skipped: 4})
    const pandoc = await run(p, {config: resolveConfig({...shipped, citations: {...shipped.citations, markdownStyle: 'pandoc'}})})
    expect(pandoc).toMatchObject({analysed: 4, skipped: 0})
    expect(names(pandoc.changed, p.out)).toContain('seed-1.md')
  })

  it('redoes everything with force, and rewrites only files whose bytes differ', async () => {
    const p = project()
    await run(p)
    const before = fileStamps(p.out)
    const forced = await run(p, {force: true})
    expect(forced).toMatchObject({analysed: 4, skipped: 0, changed: []})
    expect(fileStamps(p.out)).toEqual(before)
  })

  it('reruns a document whose output was edited or deleted by hand', async () => {
    const p = project()
    await run(p)
    writeFileSync(join(p.out, 'tiny-esc.md'), 'edited\n')
    unlinkSync(join(p.out, 'tiny-hsc.json'))
    const result = await run(p)
    expect(result).toMatchObject({analysed: 2, skipped: 2})
    expect(names(result.changed, p.out)).toEqual(['tiny-esc.md', 'tiny-hsc.json'])
  })

  it('removes the outputs of a removed input, and only files citeclaim made', async () => {
    const p = project()
    await run(p)
    writeFileSync(join(p.out, 'tiny-esc.notes.txt'), 'mine\n')
    unlinkSync(join(p.input, 'tiny-esc.txt'))
    const result = await run(p)
    expect(names(result.removed, p.out)).toEqual(['tiny-esc.html', 'tiny-esc.json', 'tiny-esc.md'])
    expect(existsSync(join(p.out, 'tiny-esc.json'))).toBe(false)
    expect(existsSync(join(p.out, 'tiny-esc.notes.txt'))).toBe(true)
    expect(readFileSync(join(p.out, 'index.json'), 'utf8')).not.toContain('tiny-esc')
    expect(readFileSync(join(p.out, 'claims.jsonl'), 'utf8')).not.toContain('"tiny-esc"')
    expect(readFileSync(join(p.out, 'index.html'), 'utf8')).not.toContain('tiny-esc')
  })

  it('removes the outputs of a removed input without a manifest (a fresh clone)', async () => {
    const p = project()
    await run(p)
    rmSync(join(p.out, '.citeclaim-cache'), {recursive: true})
    unlinkSync(join(p.input, 'tiny-esc.txt'))
    const result = await run(p)
    expect(names(result.removed, p.out)).toEqual(['tiny-esc.html', 'tiny-esc.json', 'tiny-esc.md'])
    expect(result).toMatchObject({analysed: 3, changed: [join(p.out, 'index.json'), join(p.out, 'claims.jsonl'), join(p.out, 'index.html')]})
  })

  it('leaves documents outside the paths of the run alone', async () => {
    const p = project()
    await run(p)
    const result = await run(p, {paths: ['input/tiny-msc.txt']})
    expect(result).toMatchObject({documents: 1, skipped: 1, removed: []})
    expect(existsSync(join(p.out, 'seed-1.json'))).toBe(true)
  })

  it('reports in a check what a run would write and remove, and writes nothing', async () => {
    const p = project()
    await run(p)
    unlinkSync(join(p.input, 'tiny-esc.txt'))
    writeFile(join(p.input, 'tiny-new.txt'), 'Embryonic stem cells form teratomas [1].\n')
    const before = fileStamps(p.out)
    const result = await run(p, {check: true})
    expect(names(result.changed, p.out)).toEqual(['tiny-new.html', 'tiny-new.json', 'tiny-new.md', 'index.json', 'claims.jsonl', 'index.html'])
    expect(names(result.removed, p.out)).toEqual(['tiny-esc.html', 'tiny-esc.json', 'tiny-esc.md'])
    expect(fileStamps(p.out)).toEqual(before)
  })
})
