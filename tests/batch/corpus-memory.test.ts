import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {ThroughFlags} from '../../src/batch/corpus-stream.js'

const script = fileURLToPath(new URL('../helpers/corpus-retention.ts', import.meta.url))

describe('memory of the corpus files', () => {
  it('keeps a few hundred bytes per document while the corpus files and page are written, not the documents', () => {
    // 1,000 invented records (eight claims over five cell types each); the heap is measured after a
    // full collection when the writer asks for document 200 and for document 900. Keeping each
    // document's corpus entry, page summary or CorpusDocument costs over 2 KB a document (as the
    // writer did); what must grow, the corpus page's row of each document, is a few hundred bytes.
    const [count, first, last] = [1000, 200, 900]
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, String(count), String(first), String(last)], {encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url))})
    expect(child.stderr).toBe('')
    const {from, to, problems} = JSON.parse(child.stdout) as {from: number; to: number; problems: string[]}
    expect(problems).toEqual([])
    const perDocument = (to - from) / (last - first)
    expect(perDocument).toBeLessThan(1000)
  }, 60_000)
})

describe('ThroughFlags', () => {
  it('resolves a wait when its document is through, at once for one already through', async () => {
    const flags = new ThroughFlags(3)
    flags.set(0)
    expect(flags.reached(0)).toBeUndefined()
    const order: string[] = []
    const waiting = flags.reached(1)!.then(() => order.push('1 reached'))
    flags.set(2)
    await Promise.resolve()
    expect(order).toEqual([])
    flags.set(1)
    await waiting
    expect(order).toEqual(['1 reached'])
    expect(flags.reached(2)).toBeUndefined()
  })

  it('lets a wait go when every document is declared through', async () => {
    const flags = new ThroughFlags(2)
    const waiting = flags.reached(1)!
    flags.setAll()
    await expect(waiting).resolves.toBeUndefined()
    expect(flags.reached(0)).toBeUndefined()
  })
})
