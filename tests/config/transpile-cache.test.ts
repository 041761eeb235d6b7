import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config/load-config.js'
import {cachedTransform, privateCacheFolder, transformKey, type TranspileCacheStats} from '../../src/config/transpile-cache.js'

const made: string[] = []
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'citeclaim-transpile-'))
  made.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/** A project with a TypeScript config whose output folder is `output` (resolved from the project's folder). */
function project(output: string): string {
  const dir = temp()
  writeFileSync(join(dir, 'pipeline.config.ts'), `const config: {output: string} = {output: ${JSON.stringify(output)}}\nexport default config\n`)
  return dir
}

const counting = (): TranspileCacheStats => ({hits: 0, misses: 0})

describe('config transpile cache', () => {
  it('transpiles an unchanged config once, and a changed one again', async () => {
    const root = temp()
    const dir = project('first')
    const cold = counting()
    expect((await loadConfig(undefined, dir, {cacheRoot: root, stats: cold})).config.output).toBe(join(dir, 'first'))
    expect(cold).toEqual({hits: 0, misses: 1})
    const warm = counting()
    expect((await loadConfig(undefined, dir, {cacheRoot: root, stats: warm})).config.output).toBe(join(dir, 'first'))
    expect(warm).toEqual({hits: 1, misses: 0})
    // Keyed by content: the edited config is never answered from the old entry.
    writeFileSync(join(dir, 'pipeline.config.ts'), `const config: {output: string} = {output: 'second'}\nexport default config\n`)
    const edited = counting()
    expect((await loadConfig(undefined, dir, {cacheRoot: root, stats: edited})).config.output).toBe(join(dir, 'second'))
    expect(edited).toEqual({hits: 0, misses: 1})
  })

  it('keeps its entries in a folder only this user can enter', async () => {
    const root = temp()
    await loadConfig(undefined, project('x'), {cacheRoot: root})
    const folder = privateCacheFolder(root)!
    expect(readdirSync(folder)).toHaveLength(1)
    const uid = process.getuid?.()
    if (uid !== undefined) expect(folder).toBe(join(root, `citeclaim-${uid}`, 'config'))
  })

  it.skipIf(process.getuid === undefined)('uses no cache in a folder others can write or that is a link', () => {
    const open = temp()
    mkdirSync(join(open, `citeclaim-${process.getuid!()}`), {mode: 0o777})
    chmodSync(join(open, `citeclaim-${process.getuid!()}`), 0o777)
    expect(privateCacheFolder(open)).toBeUndefined()
    const linked = temp()
    const elsewhere = temp()
    symlinkSync(elsewhere, join(linked, `citeclaim-${process.getuid!()}`))
    expect(privateCacheFolder(linked)).toBeUndefined()
    expect(readdirSync(elsewhere)).toEqual([])
  })

  it('answers only from an entry that names its own key, never through a link', () => {
    const folder = privateCacheFolder(temp())!
    const request = {source: 'export default 1', filename: '/x/pipeline.config.ts'}
    const key = transformKey(request)
    const transform = (): {code: string} => ({code: 'exports.default = 1'})
    // An entry under the key's name that names another key (copied from another config) is a miss.
    writeFileSync(join(folder, key + '.json'), JSON.stringify({key: transformKey({...request, source: 'export default 2'}), code: 'exports.default = 2'}))
    const stats = counting()
    expect(cachedTransform(folder, transform, stats)(request).code).toBe('exports.default = 1')
    expect(stats).toEqual({hits: 0, misses: 1})
    expect(JSON.parse(readFileSync(join(folder, key + '.json'), 'utf8'))).toEqual({key, code: 'exports.default = 1'})
    // A link in place of the entry is not read.
    const planted = join(temp(), 'planted.json')
    writeFileSync(planted, JSON.stringify({key, code: 'exports.default = 666'}))
    rmSync(join(folder, key + '.json'))
    symlinkSync(planted, join(folder, key + '.json'))
    const linked = counting()
    expect(cachedTransform(folder, transform, linked)(request).code).toBe('exports.default = 1')
    expect(linked).toEqual({hits: 0, misses: 1})
  })

  it('does not keep a failed transform, so its error comes back on the next run', () => {
    const folder = privateCacheFolder(temp())!
    const failing = (): {code: string; error: Error} => ({code: 'exports.__JITI_ERROR__ = {}', error: new Error('syntax')})
    cachedTransform(folder, failing)({source: 'export default {', filename: '/x/broken.ts'})
    expect(readdirSync(folder)).toEqual([])
  })

  it('keys by every transform option, not only the source', () => {
    const base = {source: 'export default 1', filename: '/x/a.ts'}
    expect(transformKey({...base, async: true})).not.toBe(transformKey({...base, async: false}))
    expect(transformKey({...base, filename: '/x/b.ts'})).not.toBe(transformKey(base))
    expect(transformKey({...base})).toBe(transformKey({filename: '/x/a.ts', source: 'export default 1'}))
    expect(transformKey({...base, babel: {sourceMaps: 'inline'}})).not.toBe(transformKey({...base, babel: {}}))
  })
})
