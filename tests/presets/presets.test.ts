import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {defaults} from '../../src/config/defaults.js'
import {ConfigError, resolveConfig} from '../../src/config/resolve-config.js'
import {readAnnotations} from '../../src/emit/read-annotations.js'
import {EntityMatcher} from '../../src/stages/entities/entity-matcher.js'
import {compoundHeads} from '../../src/stages/parse/hyphenation.js'
import {pdfTextParse} from '../../src/stages/parse/pdf-text.js'
import {stemCells} from '../../src/presets/stem-cells.js'
import {splitSentences} from '../../src/stages/sentences/split-sentences.js'
import {analyseText, shippedConfig} from '../helpers/analyse.js'
import type {EntityType} from '../../src/config/types.js'

/*
 * Issue 10, point 5: the field's vocabulary lives in a preset the config imports, not in src/. The
 * stem-cell preset is the shipped config's; src/ alone is field-neutral.
 */

const src = fileURLToPath(new URL('../../src/', import.meta.url))

/** Field words of regenerative medicine: none may be in what src/ gives a config without a preset. */
const fieldWords = /\b(?:stem|cells?|mesenchymal|marrow|hepat\w*|fibro\w*|cirrho\w*|patients?|mice|mouse|rats?|clinical|preclinical|in vitro|biology|expressing|secreting|spp?)\b/i

/** The words of regular-expression sources, their `\b` and `\s` taken off (`\bpatients?\b` → `patients?`). */
function words(value: unknown): string {
  return JSON.stringify(value).replace(/\\\\[bswd]/g, ' ')
}

describe('src/ without a preset is field-neutral', () => {
  it('gives a config without a preset no field words: categories, evidence levels, cues, title, text words', () => {
    expect(words(defaults)).not.toMatch(fieldWords)
    expect(words([...compoundHeads])).not.toMatch(fieldWords)
    expect(defaults.markdown.claimsTitle).toBe('Claims by type')
    expect(defaults.claims.evidence.map((level) => level.id)).not.toContain('clinical')
  })

  it('imports no preset outside src/presets (the pipeline never depends on a field)', () => {
    const offenders: string[] = []
    const read: string[] = []
    const visit = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) {
          if (name !== 'presets') visit(path)
        } else {
          read.push(path)
          if (/from '[^']*presets\//.test(readFileSync(path, 'utf8'))) offenders.push(path)
        }
      }
    }
    visit(src)
    // No offender among no files would pass: the walk must have read the pipeline.
    expect(read).toContain(join(src, 'pipeline.ts'))
    expect(offenders).toEqual([])
  })

  it('ships the stem-cell preset as the shipped config, field words and section title included', () => {
    expect(shippedConfig.entityTypes).toEqual(stemCells.entityTypes)
    expect(shippedConfig.distractors).toEqual(stemCells.distractors)
    expect(shippedConfig.claims).toEqual(stemCells.claims)
    expect(shippedConfig.text).toEqual(stemCells.text)
    expect(shippedConfig.markdown.claimsTitle).toBe('Claims by cell type')
    expect(words(stemCells.claims)).toMatch(fieldWords)
  })
})

describe('abbreviation source prefix, per entity type', () => {
  const types: EntityType[] = [
    {id: 'MSC', label: 'Mesenchymal stem cells', names: ['mesenchymal stem cell'], abbreviations: ['MSC'], abbreviationPrefix: true},
    {id: 'GO', label: 'Graphene oxide', names: ['graphene oxide'], abbreviations: ['GO']}
  ]
  const matcher = new EntityMatcher(types, []).withDefinitions([])

  it('reads a prefixed abbreviation as its type only when the type takes prefixes', () => {
    expect(matcher.match('BM-MSCs and hUC-MSC beside PAN-GO and Pd-GO fibres').map((match) => [match.text, match.abbreviation])).toEqual([
      ['BM-MSCs', 'MSC'],
      ['hUC-MSC', 'MSC']
    ])
  })

  it('still reads the unprefixed abbreviation of a type without prefixes', () => {
    expect(matcher.match('GO sheets and MSCs').map((match) => match.senses[0]!.id)).toEqual(['GO', 'MSC'])
  })

  it('gives an abbreviation defined in the document a prefix only when its type takes one', () => {
    const defined = new EntityMatcher(types, []).withDefinitions([
      {short: 'UC-MSCs', long: 'umbilical cord mesenchymal stem cells'},
      {short: 'PGO', long: 'porous graphene oxide'}
    ])
    expect(defined.match('hUC-MSCs and PGO beside Pd-PGO').map((match) => match.text)).toEqual(['hUC-MSCs', 'PGO'])
  })

  it('refuses a prefix flag that is not a boolean, naming the key', () => {
    expect(() => resolveConfig({entityTypes: [{...types[0]!, abbreviationPrefix: 'yes'}]})).toThrow(ConfigError)
    expect(() => resolveConfig({entityTypes: [{...types[0]!, abbreviationPrefix: 'yes'}]})).toThrow(/entityTypes\.0\.abbreviationPrefix/)
  })
})

describe('the claims section title (markdown.claimsTitle)', () => {
  const text = '1. Results\n\nGraphene oxide (GO) is prepared by the oxidation of graphite [1].\n\nReferences\n\n1. A. Author. Graphite oxide. J Mater 2001.\n'
  const types: EntityType[] = [{id: 'GO', label: 'Graphene oxide', names: ['graphene oxide'], abbreviations: ['GO']}]

  it('titles the generated section with the configured title, and the neutral default without one', () => {
    const titled = analyseText(text, {config: resolveConfig({entityTypes: types, markdown: {claimsTitle: 'Claims by material'}})})
    expect(titled.markdown).toMatch(/^## Claims by material$/m)
    expect(titled.markdown).not.toMatch(/cell type/)
    const neutral = analyseText(text, {config: resolveConfig({entityTypes: types})})
    expect(neutral.markdown).toMatch(/^## Claims by type$/m)
  })

  it('reads annotations back up to the section with the configured title, and no other heading', () => {
    const config = resolveConfig({entityTypes: types, markdown: {claimsTitle: 'Claims by material'}})
    const {record, markdown} = analyseText(text, {config})
    expect(record.claims).toHaveLength(1)
    const back = readAnnotations(markdown, config.markdown)
    expect(back.claims.map((claim) => claim.id)).toEqual(['c1'])
    // The generated section holds a copy of the claim with its citation: read as body, it would add a group.
    expect(back.groups).toEqual([[1]])
    // Under the stem-cell title the generated section is not recognised: its cited copy reads as body text.
    expect(readAnnotations(markdown, shippedConfig.markdown).groups).toEqual([[1], [1]])
  })

  it('writes a title with Markdown characters as text and still finds the section by it', () => {
    const config = resolveConfig({entityTypes: types, markdown: {claimsTitle: 'Claims by *material* [#1]'}})
    const {markdown} = analyseText(text, {config})
    expect(markdown).toContain('## Claims by \\*material\\* \\[\\#1\\]')
    expect(readAnnotations(markdown, config.markdown).groups).toEqual([[1]])
  })

  it('refuses a title over two lines or with blank ends', () => {
    expect(() => resolveConfig({markdown: {claimsTitle: 'Claims\nby type'}})).toThrow(/markdown\.claimsTitle/)
    expect(() => resolveConfig({markdown: {claimsTitle: ' Claims '}})).toThrow(/markdown\.claimsTitle/)
  })
})

describe('the field words of the text stages (text.compoundHeads, text.abbreviations)', () => {
  const paragraph = (root: ReturnType<typeof pdfTextParse>): string => {
    const node = root.children.find((child) => child.type === 'paragraph')
    return node && node.type === 'paragraph' ? node.children.map((child) => ('value' in child ? child.value : '')).join('') : ''
  }

  it('keeps a line-end hyphen before a compound head of the field, and joins the word without it', () => {
    const text = 'The trial was double-\nblind and placebo controlled.\n'
    expect(paragraph(pdfTextParse(text))).toContain('doubleblind')
    expect(paragraph(pdfTextParse(text, {compoundHeads: new Set(['blind'])}))).toContain('double-blind')
  })

  it('does not end a sentence after an abbreviation of the field', () => {
    const text = 'Strains of Bacillus spp. Several of them grow fast.'
    const split = (abbreviations?: ReadonlySet<string>): string[] => splitSentences(text, abbreviations ? {abbreviations} : {}).map((range) => text.slice(range.start, range.end))
    expect(split()).toEqual(['Strains of Bacillus spp.', 'Several of them grow fast.'])
    expect(split(new Set(['spp']))).toEqual([text])
  })

  it('passes the config words to the pipeline: the stem-cell preset keeps "cytokine-/secreting" and "spp."', () => {
    const text = '1. Results\n\nStem cells are cytokine-\nsecreting in cultures with Bacillus spp. Stem cells also home to the liver.\n'
    const shipped = analyseText(text)
    expect(shipped.record.sentences.map((sentence) => sentence.text)).toEqual(['Stem cells are cytokine-secreting in cultures with Bacillus spp. Stem cells also home to the liver.'])
    const bare = analyseText(text, {config: resolveConfig({entityTypes: shippedConfig.entityTypes})})
    expect(bare.record.sentences.map((sentence) => sentence.text)).toEqual(['Stem cells are cytokinesecreting in cultures with Bacillus spp.', 'Stem cells also home to the liver.'])
  })

  it('refuses a compound head that is not one word', () => {
    expect(() => resolveConfig({text: {compoundHeads: ['two words']}})).toThrow(/text\.compoundHeads\.0/)
  })
})
