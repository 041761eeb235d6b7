import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/config/load-config.js'
import {ConfigError, resolveConfig} from '../../src/config/resolve-config.js'
import {analyseText} from '../helpers/analyse.js'

describe('resolveConfig', () => {
  it('fills every default', () => {
    const config = resolveConfig({})
    expect(config.citations).toEqual({maxRange: 1000, markdownStyle: 'links', style: 'auto'})
    expect(config.bibliography.style).toBe('vancouver')
    expect(config.entityTypes).toEqual([])
  })

  it('names the key path and what was expected', () => {
    expect(() => resolveConfig({citations: {maxRange: 'many'}})).toThrow(/citations\.maxRange: must be integer/)
    expect(() => resolveConfig({citations: {markdownStyle: 'html'}})).toThrow(/citations\.markdownStyle: expected one of "links", "pandoc"/)
    expect(() => resolveConfig({citations: {style: 'harvard'}})).toThrow(/citations\.style: expected one of "auto", "numeric", "author-year"/)
    expect(() => resolveConfig({entityTypes: [{id: 'X', label: 'X'}]})).toThrow(/entityTypes\.0: must have required property 'names'/)
    expect(() => resolveConfig({claims: {hedgeCues: ['(unclosed']}})).toThrow(/claims\.hedgeCues\.0: expected a valid regular expression/)
    expect(() => resolveConfig({colour: 'red'})).toThrow(/\(root\): unknown key "colour"/)
    expect(() => resolveConfig({entityTypes: [{id: 'A', label: 'a', names: ['a']}, {id: 'A', label: 'b', names: ['b']}]})).toThrow(/entityTypes\.1\.id: duplicate id "A"/)
  })

  it('throws a ConfigError, not a crash', () => {
    expect(() => resolveConfig(42)).toThrow(ConfigError)
  })
})

describe('loadConfig', () => {
  it('loads a TypeScript config file at run time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-config-'))
    writeFileSync(join(dir, 'pipeline.config.ts'), `const config: {output: string} = {output: 'elsewhere'}\nexport default config\n`)
    const {config, path} = await loadConfig(undefined, dir)
    expect(config.output).toBe(join(dir, 'elsewhere')) // paths resolve from the config's folder
    expect(path).toBe(join(dir, 'pipeline.config.ts'))
  })

  it('reports a config that does not load, with the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'citeclaim-config-'))
    writeFileSync(join(dir, 'broken.config.ts'), 'export default {input: \n')
    await expect(loadConfig('broken.config.ts', dir)).rejects.toThrow(ConfigError)
    await expect(loadConfig('missing.config.ts', dir)).rejects.toThrow(/config file not found/)
  })
})

describe('another field changes only the config', () => {
  it('extracts claims about bacteria with a bacteria taxonomy', () => {
    const config = resolveConfig({
      entityTypes: [
        {id: 'ECOLI', label: 'Escherichia coli', names: ['Escherichia coli', 'E. coli strain'], abbreviations: ['EC']},
        {id: 'SAUR', label: 'Staphylococcus aureus', names: ['Staphylococcus aureus'], abbreviations: ['MRSA', 'SA']},
        {id: 'BACT', label: 'Bacteria in general', names: ['bacterium', 'bacteria'], general: true}
      ],
      // Evidence levels are a field's own: the defaults in src/ know none of clinical medicine.
      claims: {evidence: [{id: 'clinical', cues: ['\\bpatients?\\b']}]}
    })
    const {record} = analyseText(
      '1. Resistance\n\nEscherichia coli (EC) strains express beta-lactamases [1, 2]. MRSA may resist vancomycin in patients [3]. Bacteria are everywhere [4].',
      {config}
    )
    expect(record.claims.map((claim) => claim.entityTypes)).toEqual([['ECOLI'], ['SAUR'], ['BACT']])
    expect(record.claims[1]).toMatchObject({evidence: 'clinical', hedged: true, citations: [3]})
    expect(record.entityTypes.map((type) => type.id)).toEqual(['ECOLI', 'SAUR', 'BACT'])
  })
})
