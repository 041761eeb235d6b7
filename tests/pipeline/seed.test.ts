import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {readAnnotations} from '../../src/emit/read-annotations.js'
import {analyseText, readSeed, shippedConfig} from '../helpers/analyse.js'
import {schemaErrors} from '../helpers/schema.js'

interface GoldGroup {
  raw: string
  numbers: number[]
  line: number
  column: number
}
interface GoldSentence {
  id: string
  section: string
  sectionTitle: string
  text: string
}

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/seed/${name}`, import.meta.url), 'utf8'))
const goldGroups = (fixture('groups.gold.json') as {groups: GoldGroup[]}).groups
const goldSentences = fixture('sentences.gold.json') as GoldSentence[]
const seedText = readSeed()
const {record, markdown, output} = analyseText(seedText, {source: 'input/000_a1b4395412355638.txt'})

describe('the seed review: citation groups', () => {
  it('yields exactly the 118 gold citation groups: raw text, start line and column, numbers', () => {
    expect(goldGroups).toHaveLength(118)
    const got = record.citationGroups.map((group) => ({raw: group.raw, numbers: group.numbers, line: group.start.line, column: group.start.column}))
    expect(got).toEqual(goldGroups.map(({raw, numbers, line, column}) => ({raw, numbers, line, column})))
    expect(record.citationGroups.every((group) => group.valid)).toBe(true)
  })

  it('keeps raw equal to the input text at the group offsets, line breaks included', () => {
    for (const group of record.citationGroups) expect(seedText.slice(group.start.offset, group.start.offset + group.raw.length)).toBe(group.raw)
    expect(record.citationGroups.filter((group) => group.raw.includes('\n'))).toHaveLength(6)
  })

  it('cites all 360 references', () => {
    expect(record.references.map((reference) => reference.number)).toEqual(Array.from({length: 360}, (_, index) => index + 1))
  })
})

describe('the seed review: structure', () => {
  it('finds the 5 numbered sections and subsections 2.1–2.6 with their titles', () => {
    const sections = record.document.sections.map((section) => [section.number, section.title, section.level])
    expect(sections).toEqual([
      ['1', 'Introduction', 2],
      ['2', 'Sources of Stem Cells', 2],
      ['2.1', 'Hematopoietic Stem Cells', 3],
      ['2.2', 'Endothelial Progenitor Cells', 3],
      ['2.3', 'Mesenchymal Stem Cells', 3],
      ['2.4', 'Embryogenic Stem Cells', 3],
      ['2.5', 'Induced Pluripotent Stem Cells', 3],
      ['2.6', 'Other Cells', 3],
      ['3', 'Clinical Trials Using Stem Cell-Based Therapy', 2],
      ['4', 'Discussion', 2],
      ['5', 'Conclusion', 2]
    ])
    expect(record.document.title).toBeNull()
  })

  it('places the wrapped heading of section 3 at its first line', () => {
    const section = record.document.sections.find((s) => s.number === '3')!
    expect(seedText.slice(section.start.offset).startsWith('3. Clinical Trials Using Stem\nCell-Based Therapy')).toBe(true)
  })

  it('splits all 158 gold sentences exactly, each in its gold section', () => {
    const sectionOf = new Map(record.document.sections.map((s) => [s.id, s.number]))
    const got = record.sentences.map((s) => ({text: s.text, section: s.sectionId === null ? 'abstract' : sectionOf.get(s.sectionId)}))
    expect(got).toEqual(goldSentences.map((s) => ({text: s.text, section: s.section})))
  })

  it('repairs every line-end hyphenation and keeps every compound hyphen', () => {
    const text = record.sentences.map((s) => s.text).join(' ')
    for (const joined of ['alcohol', 'Prolonged', 'irreversible', 'endothelial', 'transdifferentiation', 'immunomodulatory', 'metalloproteinase', 'counterparts', 'microspheres']) {
      expect(text).toContain(joined)
    }
    for (const compound of ['bone marrow-derived', 'self-renewal', 'anti-inflammatory', 'ESCs-derived', 'iPSC-derived', 'long-term']) {
      expect(text).toContain(compound)
    }
    // A hyphen followed by a space is what an unrepaired line break leaves behind.
    // ("medium- or long-term" is a suspended compound, not a broken word.)
    expect(text.match(/\p{L}- (?!or |and |to )\p{Ll}/gu)).toBeNull()
  })

  it('maps every sentence back to its place in the original file', () => {
    for (const sentence of record.sentences) {
      const original = seedText.slice(sentence.start.offset, sentence.end.offset)
      // Same characters once white space and hyphens (both changed by cleaning) are set aside.
      const strip = (s: string): string => s.replace(/[\s-]+/g, '')
      expect(strip(original)).toBe(strip(sentence.text))
    }
  })
})

describe('the seed review: outputs', () => {
  it('validates against the JSON Schema', () => {
    expect(schemaErrors(record)).toEqual([])
  })

  it('gives byte-identical files on a second run', () => {
    const again = analyseText(seedText, {source: 'input/000_a1b4395412355638.txt'})
    expect(again.output.files).toEqual(output.files)
  })

  it('writes annotated Markdown that reads back to the same groups and claims', () => {
    const annotations = readAnnotations(markdown, shippedConfig.markdown)
    expect(annotations.groups).toEqual(record.citationGroups.map((group) => group.numbers))
    expect(annotations.claims).toEqual(record.claims.map(({id, entityTypes, category, evidence, hedged}) => ({id, entityTypes, category, evidence, hedged})))
  })

  it('links each group number to the References section', () => {
    expect(markdown).toContain('[[53](#ref:53)–[57](#ref:57)]')
    expect(markdown).toContain('[[19](#ref:19), [21](#ref:21)–[23](#ref:23)]')
    expect(markdown).toContain('<a id="ref:360"></a>')
    expect(markdown).toMatch(/^## Claims by cell type$/m)
  })
})
