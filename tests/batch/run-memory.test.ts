import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {describe, expect, inject, it} from 'vitest'

const script = fileURLToPath(new URL('../helpers/run-retention.mjs', import.meta.url))

describe("memory of a run's main thread", () => {
  it('keeps about 2 KB per document until the run ends, not the documents', () => {
    // 500 small invented documents through two workers, the heap measured after a full collection
    // when documents 150 and 450 are through (tests/helpers/run-retention.mjs, on this run's build). Per document the run
    // must keep its manifest entry, the stamps of its files (three here: JSON, Markdown, page), their
    // names, and the corpus page's row: about 2.0–2.1 KB. Decimal strings per stamp, a path per file
    // written and an object literal per manifest entry's files (a hidden class for every document's
    // file names) kept 2.7–2.8 KB; keeping a record or the document's text would keep tens of KB.
    const [count, first, last] = [500, 150, 450]
    const child = spawnSync(process.execPath, ['--expose-gc', script, inject('privateDist'), String(count), String(first), String(last)], {encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url))})
    expect(child.stderr).toBe('')
    const {from, to, analysed, errors, changed} = JSON.parse(child.stdout) as {from: number; to: number; analysed: number; errors: number; changed: number}
    expect({analysed, errors}).toEqual({analysed: count, errors: 0})
    // Three files a document, and the three corpus files.
    expect(changed).toBe(3 * count + 3)
    const perDocument = (to - from) / (last - first)
    expect(perDocument).toBeGreaterThan(0)
    expect(perDocument).toBeLessThan(2400)
  }, 120_000)
})
