import {appendFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {makeProject, run, type Project} from './corpus-fixture.js'

const projects: Project[] = []
afterEach(() => {
  for (const made of projects.splice(0)) rmSync(made.root, {recursive: true, force: true})
})

describe('worker pool of an incremental run', () => {
  it('is sized by the documents that need analysing, not by all inputs', async () => {
    const p = makeProject(2)
    projects.push(p)
    const first = await run(p, {concurrency: 2})
    expect(first).toMatchObject({analysed: 5, workers: 2})
    expect(await run(p, {concurrency: 2})).toMatchObject({analysed: 0, skipped: 5, workers: 0})
    // One changed document: analysed in this thread, as a one-document run would be.
    appendFileSync(join(p.input, 'tiny-esc.txt'), 'Embryonic stem cells formed teratomas in mice [10].\n')
    expect(await run(p, {concurrency: 2})).toMatchObject({analysed: 1, skipped: 4, workers: 0})
    appendFileSync(join(p.input, 'tiny-esc.txt'), 'They also formed embryoid bodies [11].\n')
    appendFileSync(join(p.input, 'tiny-hsc.txt'), 'Hematopoietic stem cells engrafted in mice [12].\n')
    expect(await run(p, {concurrency: 2})).toMatchObject({analysed: 2, skipped: 3, workers: 2})
  })
})
