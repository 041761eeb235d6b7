import {appendFileSync, readFileSync, rmSync, utimesSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {CorpusDocument} from '../../src/batch/corpus.js'
import {writeCorpusUnlessUnchanged} from '../../src/batch/corpus-unchanged.js'
import {readStamps, stampsPath, type CorpusRecord} from '../../src/batch/file-stamps.js'
import {makeProject, run, type Project} from './corpus-fixture.js'

const projects: Project[] = []
afterEach(() => {
  for (const made of projects.splice(0)) rmSync(made.root, {recursive: true, force: true})
})

const sha = (n: number): string => String(n).repeat(64).slice(0, 64)
const record: CorpusRecord = {documents: [['a', sha(1)], ['b', sha(2)]], index: sha(3), claims: sha(4)}

/** Documents whose JSON files do not exist: reading any of them is a problem reported. */
function documents(list: Array<[string, string]>, out: string): CorpusDocument[] {
  return list.map(([id, jsonSha256]) => ({id, jsonPath: join(out, id + '.json'), cache: {out, jsonSha256, corpusSha256: sha(9), jsonVerified: true}}))
}
async function* stream<T>(items: T[]): AsyncGenerator<T> {
  yield* items
}

describe('corpus files of an unchanged run', () => {
  it('are neither rebuilt nor read when made from the same verified records', async () => {
    const problems: string[] = []
    const asked: string[] = []
    const result = await writeCorpusUnlessUnchanged('/nonexistent-out', stream(documents(record.documents, '/nonexistent-out')), {
      previous: record,
      hasContent: async (name, sha256) => {
        asked.push(`${name} ${sha256}`)
        return true
      },
      onProblem: (path) => void problems.push(path)
    })
    expect(result).toEqual({changed: [], record})
    expect(asked).toEqual([`index.json ${sha(3)}`, `claims.jsonl ${sha(4)}`])
    expect(problems).toEqual([])
  })

  it('are rebuilt when a record differs, a document is added or gone, or a corpus file was edited', async () => {
    const variants: Array<{list: Array<[string, string]>; content: boolean}> = [
      {list: [['a', sha(1)], ['b', sha(5)]], content: true},
      {list: [['a', sha(1)]], content: true},
      {list: [['a', sha(1)], ['b', sha(2)], ['c', sha(6)]], content: true},
      {list: record.documents, content: false}
    ]
    for (const {list, content} of variants) {
      const problems: string[] = []
      await writeCorpusUnlessUnchanged('/nonexistent-out', stream(documents(list, '/nonexistent-out')), {
        previous: record,
        hasContent: async () => content,
        dryRun: true,
        onProblem: (path) => void problems.push(path)
      }).catch(() => undefined)
      // Rebuilding reads every document's record: none exists here.
      expect(problems.length, JSON.stringify(list)).toBeGreaterThan(0)
    }
  })

  it('records what the corpus was made from, and rebuilds a corpus file edited since', async () => {
    const p = makeProject(1)
    projects.push(p)
    await run(p)
    const {corpus} = await readStamps(p.out)
    expect(corpus?.documents.map(([id]) => id)).toEqual(['seed-1', 'tiny-esc', 'tiny-hsc', 'tiny-msc'])
    const claims = join(p.out, 'claims.jsonl')
    const before = readFileSync(claims, 'utf8')
    const later = Date.now() / 1000 + 5
    utimesSync(stampsPath(p.out), later, later)
    appendFileSync(claims, '{"documentId":"forged"}\n')
    const rerun = await run(p)
    expect(rerun).toMatchObject({analysed: 0, skipped: 4, changed: [claims]})
    expect(readFileSync(claims, 'utf8')).toBe(before)
  })
})
