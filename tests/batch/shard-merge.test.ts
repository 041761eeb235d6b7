import {rmSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {mergeOutputs} from '../../src/batch/merge-outputs.js'
import {inShard, parseShard} from '../../src/batch/shard.js'
import {makeProject, run, snapshot, writeFile} from './corpus-fixture.js'

describe('parseShard', () => {
  it('reads i/n and refuses what is not a share', () => {
    expect(parseShard('2/3')).toEqual({index: 2, count: 3})
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3']) expect(() => parseShard(bad), bad).toThrow(/--shard/)
  })
})

describe('inShard', () => {
  const ids = Array.from({length: 3000}, (_, i) => `doc-${i}`)

  it('puts every document in exactly one shard', () => {
    for (const id of ids) expect([1, 2, 3, 4].filter((index) => inShard(id, {index, count: 4}))).toHaveLength(1)
  })

  it('balances the shares', () => {
    const sizes = [1, 2, 3].map((index) => ids.filter((id) => inShard(id, {index, count: 3})).length)
    for (const size of sizes) expect(Math.abs(size - 1000)).toBeLessThan(100)
  })

  it('keeps a document in its shard when others are added', () => {
    const before = ids.slice(0, 100).map((id) => inShard(id, {index: 2, count: 3}))
    const after = [...ids, 'new-1', 'new-2'].slice(0, 100).map((id) => inShard(id, {index: 2, count: 3}))
    expect(after).toEqual(before)
  })
})

describe('shards and merge', () => {
  const project = makeProject(3)
  // Enough tiny documents that each of three shards gets some.
  for (let i = 0; i < 6; i++) writeFile(join(project.input, `extra-${i}.txt`), `Mesenchymal stem cells reduced fibrosis in model ${i} [${i + 1}].\n`)
  afterAll(() => rmSync(project.root, {recursive: true, force: true}))

  it('merges shards 1/3, 2/3 and 3/3 into the same bytes as one run', async () => {
    const single = join(project.root, 'single')
    await run(project, {out: single})
    const shardDirs = [1, 2, 3].map((index) => join(project.root, `shard-${index}`))
    const sizes: number[] = []
    for (const [i, dir] of shardDirs.entries()) sizes.push((await run(project, {out: dir, shard: {index: i + 1, count: 3}})).documents)
    expect(sizes.reduce((a, b) => a + b)).toBe(12)
    expect(sizes.every((size) => size > 0)).toBe(true)

    const merged = join(project.root, 'merged')
    const result = await mergeOutputs({dirs: shardDirs, out: merged})
    expect(result).toMatchObject({documents: 12, problems: 0})
    const expected = snapshot(single, {cache: false})
    const actual = snapshot(merged, {cache: false})
    expect([...actual.keys()]).toEqual([...expected.keys()])
    for (const [name, content] of expected) expect(actual.get(name), name).toBe(content)
  })

  it('rebuilds the corpus files in place from a folder the shards were gathered in', async () => {
    const gathered = join(project.root, 'gathered')
    for (let index = 1; index <= 3; index++) await run(project, {out: gathered, shard: {index, count: 3}})
    const result = await mergeOutputs({dirs: [gathered], out: gathered})
    expect(result.documents).toBe(12)
    const single = snapshot(join(project.root, 'single'), {cache: false})
    const inPlace = snapshot(gathered, {cache: false})
    expect(inPlace.get('index.json')).toBe(single.get('index.json'))
    expect(inPlace.get('claims.jsonl')).toBe(single.get('claims.jsonl'))
  })

  it('refuses two shards that disagree about a document', async () => {
    const a = join(project.root, 'conflict-a')
    const b = join(project.root, 'conflict-b')
    await run(project, {out: a, paths: ['input/extra-1.txt']})
    writeFile(join(project.input, 'extra-1.txt'), 'Embryonic stem cells formed teratomas [2].\n')
    await run(project, {out: b, paths: ['input/extra-1.txt']})
    const problems: string[] = []
    const result = await mergeOutputs({dirs: [a, b], out: join(project.root, 'conflict-out'), onProblem: (_path, _message, code) => problems.push(code)})
    expect(result.problems).toBe(1)
    expect(problems).toEqual(['merge-conflict'])
  })
})
