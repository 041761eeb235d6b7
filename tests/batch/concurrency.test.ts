import {rmSync} from 'node:fs'
import {afterAll, describe, expect, it} from 'vitest'
import {makeProject, run, snapshot} from './corpus-fixture.js'

describe('concurrency', () => {
  const project = makeProject(3)
  afterAll(() => rmSync(project.root, {recursive: true, force: true}))

  it('gives the same bytes in process and on a pool of worker threads', async () => {
    const inProcess = await run(project, {concurrency: 1, out: project.out + '-1'})
    const pooled = await run(project, {concurrency: 3, out: project.out + '-3'})
    expect(inProcess.analysed).toBe(6)
    expect(pooled.analysed).toBe(6)
    const one = snapshot(project.out + '-1')
    const three = snapshot(project.out + '-3')
    // Every document's files, the corpus files and the cache manifest.
    expect([...one.keys()]).toContain('index.json')
    expect([...one.keys()]).toContain('claims.jsonl')
    expect([...one.keys()]).toContain('.citeclaim-cache/manifest.json')
    expect([...three.keys()]).toEqual([...one.keys()])
    // Except the stamps, which record each file's inode and times: facts of the file system, not of the data.
    for (const [name, content] of one) if (name !== '.citeclaim-cache/stamps.json') expect(three.get(name), name).toBe(content)
  })
})
