import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {analyseText, readSeed} from '../helpers/analyse.js'
import {schemaErrors} from '../helpers/schema.js'

interface GoldGroup {
  raw: string
  numbers: number[]
  line: number
  column: number
}

const goldGroups = (JSON.parse(readFileSync(new URL('../fixtures/seed/groups.gold.json', import.meta.url), 'utf8')) as {groups: GoldGroup[]}).groups
const seedText = readSeed()
const {record} = analyseText(seedText, {source: 'input/000_a1b4395412355638.txt'})

describe('the seed review', () => {
  it('yields exactly the 118 gold citation groups: raw text, start line and column, numbers', () => {
    expect(record.citationGroups).toHaveLength(goldGroups.length)
    expect(goldGroups).toHaveLength(118)
    const got = record.citationGroups.map((group) => ({raw: group.raw, numbers: group.numbers, line: group.start.line, column: group.start.column}))
    expect(got).toEqual(goldGroups.map(({raw, numbers, line, column}) => ({raw, numbers, line, column})))
  })

  it('keeps raw equal to the input text at the group offsets', () => {
    for (const group of record.citationGroups) expect(seedText.slice(group.start.offset, group.end.offset)).toBe(group.raw)
  })

  it('cites all 360 references', () => {
    expect(record.references.map((reference) => reference.number)).toEqual(Array.from({length: 360}, (_, index) => index + 1))
  })

  it('validates against the JSON Schema', () => {
    expect(schemaErrors(record)).toEqual([])
  })
})
