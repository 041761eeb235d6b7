import {createHash} from 'node:crypto'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openAtomicSink} from '../../src/batch/atomic-write.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true})
})
const folder = (): string => {
  const made = mkdtempSync(join(tmpdir(), 'citeclaim-sink-'))
  folders.push(made)
  return made
}
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

describe('atomic sink', () => {
  it('writes text and bytes, many small pieces and some over the buffer, as one UTF-8 file', async () => {
    const path = join(folder(), 'claims.jsonl')
    const sink = await openAtomicSink(path)
    let expected = ''
    for (let i = 0; i < 3000; i++) {
      const line = `{"n":${i},"text":"Zellen \u2013 ${'x'.repeat(i % 7)}"}\n`
      expected += line
      await sink.write(i % 2 ? line : Buffer.from(line, 'utf8'))
    }
    const big = 'é'.repeat(2 ** 20) + '\n'
    expected += big
    await sink.write(big)
    expect(await sink.commit()).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe(expected)
    expect(sink.sha256).toBe(sha256(expected))
  })

  it('compares with the sha256 it is told the target has, without reading the target', async () => {
    // No target at all: only the sha256 it is told can make the content count as unchanged.
    const path = join(folder(), 'index.json')
    const same = await openAtomicSink(path, {dryRun: true, currentSha256: async () => sha256('{}\n')})
    await same.write('{}\n')
    expect(await same.finish()).toBe(false)
    const unknown = await openAtomicSink(path, {dryRun: true, currentSha256: async () => undefined})
    await unknown.write('{}\n')
    expect(await unknown.finish()).toBe(true)
    // Told a sha256 the new content does not have: the target is replaced.
    writeFileSync(path, '{}\n')
    const other = await openAtomicSink(path, {currentSha256: async () => sha256('[]\n')})
    await other.write('{"a":1}\n')
    expect(await other.commit()).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n')
  })
})
