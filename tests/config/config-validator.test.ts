import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import {configValidatorPath, configValidatorSource} from '../../scripts/config-validator-source.js'
import {configFormats} from '../../src/config/config-formats.js'
import {configSchema} from '../../src/config/config-schema.js'
import generated from '../../src/config/config-validator.generated.js'

/** The generated validator as resolve-config.ts uses it. */
const validate = generated as unknown as ((data: unknown) => boolean) & {errors?: unknown[] | null}

describe('the generated config validator', () => {
  it('is what the generator makes from the current schema (npm run generate:config-validator after changing it)', () => {
    const committed = readFileSync(new URL('../../' + configValidatorPath, import.meta.url), 'utf8')
    expect(committed).toBe(configValidatorSource())
  })

  it('needs no schema compile at run time: it loads only the formats and ajv runtime helpers, not ajv', () => {
    const text = readFileSync(new URL('../../' + configValidatorPath, import.meta.url), 'utf8')
    const loaded = [...text.matchAll(/^import .* from '([^']+)'$/gm), ...text.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])
    expect(loaded).toContain('./config-formats.js')
    for (const path of loaded) expect(path).toMatch(/^(?:node:module|\.\/config-formats\.js|ajv\/dist\/runtime\/[a-z0-9]+)$/)
  })

  // Invented configs, each wrong in one of the ways the diagnostics name: the errors (paths,
  // keywords, params) must be those a schema compiled at run time gives.
  const compiled = new Ajv({allErrors: true, strict: false, formats: configFormats}).compile(configSchema)
  const cases: Array<[string, unknown]> = [
    ['valid', {input: 'in', outputs: ['json', 'md'], claims: {hedgeCues: ['\\bmay\\b']}}],
    ['unknown key', {inptu: 'in'}],
    ['not an object', 'config'],
    ['wrong type', {concurrency: 1.5}],
    ['enum', {citations: {markdownStyle: 'footnotes'}}],
    ['no json output', {outputs: ['md']}],
    ['repeated output', {outputs: ['json', 'json']}],
    ['bad output name', {outputs: ['json', 'HTML']}],
    ['invalid regular expression', {claims: {hedgeCues: ['(unclosed']}}],
    ['cue of the wrong shape', {claims: {categories: [{id: 'x', cues: [{pattern: 'a'}]}]}}],
    ['empty string (counted in code points)', {entityTypes: [{id: 'a', label: '', names: ['']}]}],
    ['several mistakes', {input: '', citations: {maxRange: 0, style: 'x'}, text: {compoundHeads: ['a b']}}]
  ]
  for (const [name, config] of cases) {
    it(`reports what a compiled schema reports: ${name}`, () => {
      const valid = validate(config)
      expect(valid).toBe(compiled(config))
      expect(valid ? null : validate.errors).toEqual(valid ? null : compiled.errors)
      expect(valid).toBe(name === 'valid')
    })
  }
})
