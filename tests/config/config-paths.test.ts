import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {findConfigFile} from '../../src/config/find-config.js'
import {loadConfig} from '../../src/config/load-config.js'

/** A project folder with a config naming relative paths, and a folder elsewhere to run from. */
function project(config: string): {dir: string; elsewhere: string} {
  const dir = mkdtempSync(join(tmpdir(), 'citeclaim-paths-'))
  mkdirSync(join(dir, 'styles'))
  writeFileSync(join(dir, 'styles', 'house.csl'), '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"></style>\n')
  writeFileSync(join(dir, 'pipeline.config.ts'), `export default ${config}\n`)
  return {dir, elsewhere: mkdtempSync(join(tmpdir(), 'citeclaim-elsewhere-'))}
}

describe('paths in the config', () => {
  it('resolve from the config file\'s folder, not the working directory', async () => {
    const {dir, elsewhere} = project(`{input: 'texts', output: '../dataset', bibliography: {style: 'styles/house.csl', files: {review: 'refs/review.bib', other: '/abs/other.ris'}}}`)
    const {config} = await loadConfig(join(dir, 'pipeline.config.ts'), elsewhere)
    expect(config.input).toBe(join(dir, 'texts'))
    expect(config.output).toBe(join(dir, '..', 'dataset'))
    expect(config.bibliography.style).toBe(join(dir, 'styles', 'house.csl'))
    expect(config.bibliography.files).toEqual({review: join(dir, 'refs', 'review.bib'), other: '/abs/other.ris'})
  })

  it('keep a bundled style a name', async () => {
    const {dir} = project(`{bibliography: {style: 'apa', lang: 'de-DE'}}`)
    const {config} = await loadConfig(undefined, dir)
    expect(config.bibliography).toMatchObject({style: 'apa', lang: 'de-DE'})
  })

  it('refuse a file that is not a CSL style', async () => {
    const {dir} = project(`{bibliography: {style: 'pipeline.config.ts'}}`)
    await expect(loadConfig(undefined, dir)).rejects.toThrow(/bibliography\.style: .* is not a CSL style/)
  })
})

describe('findConfigFile', () => {
  it('takes the nearest config going up, in the order of the file names', () => {
    const root = mkdtempSync(join(tmpdir(), 'citeclaim-find-'))
    mkdirSync(join(root, 'a', 'b', 'c'), {recursive: true})
    writeFileSync(join(root, 'pipeline.config.ts'), '')
    writeFileSync(join(root, 'a', 'pipeline.config.mjs'), '')
    writeFileSync(join(root, 'a', 'pipeline.config.js'), '')
    expect(findConfigFile(join(root, 'a', 'b', 'c'))).toBe(join(root, 'a', 'pipeline.config.js'))
    expect(findConfigFile(root)).toBe(join(root, 'pipeline.config.ts'))
  })
})
